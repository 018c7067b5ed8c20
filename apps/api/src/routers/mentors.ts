import { CreateMentorInput, MentorsListInput, SuggestMentorsInput, UpdateMentorInput } from '@muster/contracts';
import { assertMayUsePool, type PoolUse } from '@muster/domain';
import { createMentor, listPool, suggestFor, updateMentor } from '../services/mentor-pool.ts';
import { authedProcedure, router } from '../trpc/init.ts';

/** A procedure for the roles that may use the pool so (`poolRoles` in the domain, which `me.may.pool` reads too). */
const poolProcedure = (use: PoolUse) =>
  authedProcedure.use(({ ctx, next }) => {
    assertMayUsePool(ctx.actor, use);
    return next();
  });

/** The mentor and buddy pool: read by coordinators, resourcing and the admin; kept by coordinators and the admin. */
export const mentorsRouter = router({
  list: poolProcedure('read')
    .input(MentorsListInput)
    .query(({ ctx, input }) => listPool(ctx, input)),
  create: poolProcedure('keep')
    .input(CreateMentorInput)
    .mutation(({ ctx, input }) => createMentor(ctx, input)),
  update: poolProcedure('keep')
    .input(UpdateMentorInput)
    .mutation(({ ctx, input }) => updateMentor(ctx, input)),
  /** For a case at induction or mentoring the caller may give a mentor: the server's suggestions, and who is left out and why. */
  suggest: poolProcedure('suggest')
    .input(SuggestMentorsInput)
    .query(({ ctx, input }) => suggestFor(ctx, input)),
});
