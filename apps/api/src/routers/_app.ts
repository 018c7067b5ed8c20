import { router } from '../trpc/init.ts';
import { applicationsRouter } from './applications.ts';
import { authRouter } from './auth.ts';
import { adminRouter, referenceRouter } from './reference.ts';

export const appRouter = router({
  auth: authRouter,
  applications: applicationsRouter,
  reference: referenceRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
