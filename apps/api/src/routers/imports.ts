import { ImportJobInput, StartImportInput } from '@muster/contracts';
import { getImportJob, startImportJob } from '../services/intake.ts';
import { resourcingProcedure, router } from '../trpc/init.ts';

export const importsRouter = router({
  /**
   * Starts checking (and, unless a dry run, importing) a CSV file, sent as its bytes base64-encoded
   * (docs/import-format.md: limits, encodings); poll `status` for progress and the report.
   */
  start: resourcingProcedure.input(StartImportInput).mutation(({ ctx, input }) => startImportJob(ctx, input)),
  status: resourcingProcedure.input(ImportJobInput).query(({ ctx, input }) => getImportJob(ctx, input)),
});
