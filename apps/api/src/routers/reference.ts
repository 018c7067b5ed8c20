import { z } from 'zod';
import { AddCloseReasonInput, Id, MentorPoolInput, RetireCloseReasonInput } from '@muster/contracts';
import { addCloseReason, listCloseReasons, retireCloseReason } from '../services/close-reasons.ts';
import { getReference, listAccessLog, mentorPool } from '../services/reference.ts';
import { adminProcedure, authedProcedure, router } from '../trpc/init.ts';

export const referenceRouter = router({
  all: authedProcedure.query(({ ctx }) => getReference(ctx.db, ctx.now().toISOString().slice(0, 10), ctx.config)),
  /** The mentor and buddy pool; with `applicationId`, ranked for that case's posting. */
  mentors: authedProcedure.input(MentorPoolInput).query(({ ctx, input }) => mentorPool(ctx, input)),
  closeReasons: authedProcedure.query(({ ctx }) => listCloseReasons(ctx.db)),
});

export const adminRouter = router({
  accessLog: adminProcedure
    .input(
      z.object({
        applicationId: Id.optional(),
        userId: Id.optional(),
        before: Id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) => listAccessLog(ctx.db, input)),
  closeReasons: adminProcedure.query(({ ctx }) => listCloseReasons(ctx.db, true)),
  addCloseReason: adminProcedure.input(AddCloseReasonInput).mutation(({ ctx, input }) => addCloseReason(ctx.db, input)),
  retireCloseReason: adminProcedure
    .input(RetireCloseReasonInput)
    .mutation(({ ctx, input }) => retireCloseReason(ctx.db, input.id)),
});
