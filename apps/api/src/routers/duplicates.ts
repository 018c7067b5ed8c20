import { ListDuplicatesInput, ResolveDuplicateInput } from '@muster/contracts';
import * as duplicates from '../services/duplicates.ts';
import { resourcingProcedure, router } from '../trpc/init.ts';

export const duplicatesRouter = router({
  list: resourcingProcedure.input(ListDuplicatesInput).query(({ ctx, input }) => duplicates.listDuplicates(ctx, input)),
  dismiss: resourcingProcedure.input(ResolveDuplicateInput).mutation(({ ctx, input }) => duplicates.dismissDuplicate(ctx, input)),
  merge: resourcingProcedure.input(ResolveDuplicateInput).mutation(({ ctx, input }) => duplicates.mergeDuplicate(ctx, input)),
});
