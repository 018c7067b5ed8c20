import { router } from '../trpc/init.ts';
import { applicationsRouter } from './applications.ts';
import { authRouter } from './auth.ts';
import { duplicatesRouter, importsRouter, triageRouter } from './intake.ts';
import { adminRouter, referenceRouter } from './reference.ts';

export const appRouter = router({
  auth: authRouter,
  applications: applicationsRouter,
  reference: referenceRouter,
  admin: adminRouter,
  imports: importsRouter,
  duplicates: duplicatesRouter,
  triage: triageRouter,
});

export type AppRouter = typeof appRouter;
