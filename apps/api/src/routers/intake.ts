import {
  AssignInput,
  ImportJobInput,
  Id,
  ListDuplicatesInput,
  ResolveDuplicateInput,
  SaveViewInput,
  StartImportInput,
  TriageQueueInput,
} from '@muster/contracts';
import { z } from 'zod';
import * as duplicates from '../services/duplicates.ts';
import { getImportJob, startImportJob } from '../services/intake.ts';
import * as triage from '../services/triage.ts';
import { resourcingProcedure, router } from '../trpc/init.ts';

export const importsRouter = router({
  /**
   * Starts checking (and, unless a dry run, importing) a CSV file, sent as its bytes base64-encoded
   * (docs/import-format.md: limits, encodings); poll `status` for progress and the report.
   */
  start: resourcingProcedure.input(StartImportInput).mutation(({ ctx, input }) => startImportJob(ctx, input)),
  status: resourcingProcedure.input(ImportJobInput).query(({ ctx, input }) => getImportJob(ctx, input.jobId)),
});

export const duplicatesRouter = router({
  list: resourcingProcedure.input(ListDuplicatesInput).query(({ ctx, input }) => duplicates.listDuplicates(ctx, input)),
  dismiss: resourcingProcedure.input(ResolveDuplicateInput).mutation(({ ctx, input }) => duplicates.dismissDuplicate(ctx, input)),
  merge: resourcingProcedure.input(ResolveDuplicateInput).mutation(({ ctx, input }) => duplicates.mergeDuplicate(ctx, input)),
});

export const triageRouter = router({
  queue: resourcingProcedure
    .input(TriageQueueInput)
    .query(({ ctx, input }) => triage.triageQueue(ctx, input, ctx.config.triageSlaDays)),
  reviewers: resourcingProcedure.query(({ ctx }) => triage.listReviewers(ctx)),
  assign: resourcingProcedure.input(AssignInput).mutation(({ ctx, input }) => triage.assignCases(ctx, input)),
  views: resourcingProcedure.query(({ ctx }) => triage.listViews(ctx)),
  saveView: resourcingProcedure.input(SaveViewInput).mutation(({ ctx, input }) => triage.saveView(ctx, input)),
  deleteView: resourcingProcedure.input(z.object({ id: Id })).mutation(({ ctx, input }) => triage.deleteView(ctx, input.id)),
});
