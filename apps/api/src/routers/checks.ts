import { ChaseCheckInput, ChecksListInput, OverdueChecksInput, UpdateCheckInput } from '@muster/contracts';
import * as checks from '../services/checks.ts';
import { authedProcedure, resourcingProcedure, router } from '../trpc/init.ts';

/** Pre-employment checks: a case's list for whoever may see the case (cut to need to know); the rest resourcing's. */
export const checksRouter = router({
  list: authedProcedure.input(ChecksListInput).query(({ ctx, input }) => checks.listChecks(ctx, input)),
  update: resourcingProcedure.input(UpdateCheckInput).mutation(({ ctx, input }) => checks.updateCheck(ctx, input)),
  chase: resourcingProcedure.input(ChaseCheckInput).mutation(({ ctx, input }) => checks.chaseCheck(ctx, input)),
  overdue: resourcingProcedure.input(OverdueChecksInput).query(({ ctx, input }) => checks.overdueChecks(ctx, input)),
});
