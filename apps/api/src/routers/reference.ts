import { MentorPoolInput } from '@muster/contracts';
import { listCloseReasons } from '../services/close-reasons.ts';
import { getReference, mentorPool } from '../services/reference.ts';
import { authedProcedure, router } from '../trpc/init.ts';

export const referenceRouter = router({
  all: authedProcedure.query(({ ctx }) => getReference(ctx)),
  /** The mentor and buddy pool; with `applicationId`, ranked for that case's posting. */
  mentors: authedProcedure.input(MentorPoolInput).query(({ ctx, input }) => mentorPool(ctx, input)),
  closeReasons: authedProcedure.query(({ ctx }) => listCloseReasons(ctx, { includeRetired: false })),
});
