import {
  AccessLogInput,
  AddVenueInput,
  RetireVenueInput,
  SetInterviewLimitInput,
  AddCloseReasonInput,
  RestoreCloseReasonInput,
  RetireCloseReasonInput,
} from '@muster/contracts';
import { addCloseReason, listCloseReasons, restoreCloseReason, retireCloseReason } from '../services/close-reasons.ts';
import { addVenue, listInterviewers, retireVenue, setInterviewLimit } from '../services/interview-settings.ts';
import { listOutbox, messageTemplates } from '../services/messages.ts';
import { listAccessLog } from '../services/reference.ts';
import { adminProcedure, router } from '../trpc/init.ts';

export const adminRouter = router({
  accessLog: adminProcedure.input(AccessLogInput).query(({ ctx, input }) => listAccessLog(ctx, input)),
  closeReasons: adminProcedure.query(({ ctx }) => listCloseReasons(ctx, { includeRetired: true })),
  addCloseReason: adminProcedure.input(AddCloseReasonInput).mutation(({ ctx, input }) => addCloseReason(ctx, input)),
  retireCloseReason: adminProcedure.input(RetireCloseReasonInput).mutation(({ ctx, input }) => retireCloseReason(ctx, input)),
  restoreCloseReason: adminProcedure.input(RestoreCloseReasonInput).mutation(({ ctx, input }) => restoreCloseReason(ctx, input)),
  /** What the outbox holds: sent, and waiting with its last error. */
  outbox: adminProcedure.query(({ ctx }) => listOutbox(ctx)),
  /** The templates messages are rendered from. */
  messageTemplates: adminProcedure.query(() =>
    Object.entries(messageTemplates).map(([name, t]) => ({ name, subject: t.subject, body: t.body })),
  ),
  addVenue: adminProcedure.input(AddVenueInput).mutation(({ ctx, input }) => addVenue(ctx, input)),
  retireVenue: adminProcedure.input(RetireVenueInput).mutation(({ ctx, input }) => retireVenue(ctx, input)),
  /** A person's most interviews a day (4 unless set). */
  interviewers: adminProcedure.query(({ ctx }) => listInterviewers(ctx)),
  setInterviewLimit: adminProcedure.input(SetInterviewLimitInput).mutation(({ ctx, input }) => setInterviewLimit(ctx, input)),
});
