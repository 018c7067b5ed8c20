import { AssignInput, DeleteViewInput, SaveViewInput, TriageQueueInput } from '@muster/contracts';
import * as triage from '../services/triage.ts';
import { resourcingProcedure, router } from '../trpc/init.ts';

export const triageRouter = router({
  queue: resourcingProcedure.input(TriageQueueInput).query(({ ctx, input }) => triage.triageQueue(ctx, input)),
  reviewers: resourcingProcedure.query(({ ctx }) => triage.listReviewers(ctx)),
  assign: resourcingProcedure.input(AssignInput).mutation(({ ctx, input }) => triage.assignApplications(ctx, input)),
  views: resourcingProcedure.query(({ ctx }) => triage.listViews(ctx)),
  saveView: resourcingProcedure.input(SaveViewInput).mutation(({ ctx, input }) => triage.saveView(ctx, input)),
  deleteView: resourcingProcedure.input(DeleteViewInput).mutation(({ ctx, input }) => triage.deleteView(ctx, input)),
});
