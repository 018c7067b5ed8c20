import { router } from '../trpc/init.ts';
import { adminRouter } from './admin.ts';
import { applicationsRouter } from './applications.ts';
import { authRouter } from './auth.ts';
import { calendarRouter } from './calendar.ts';
import { checksRouter } from './checks.ts';
import { coordinationRouter } from './coordination.ts';
import { coursesRouter } from './courses.ts';
import { developmentDaysRouter } from './development-days.ts';
import { duplicatesRouter } from './duplicates.ts';
import { importsRouter } from './imports.ts';
import { interviewsRouter } from './interviews.ts';
import { mentorsRouter } from './mentors.ts';
import { referenceRouter } from './reference.ts';
import { triageRouter } from './triage.ts';

export const appRouter = router({
  auth: authRouter,
  applications: applicationsRouter,
  reference: referenceRouter,
  admin: adminRouter,
  imports: importsRouter,
  duplicates: duplicatesRouter,
  triage: triageRouter,
  interviews: interviewsRouter,
  mentors: mentorsRouter,
  calendar: calendarRouter,
  courses: coursesRouter,
  checks: checksRouter,
  developmentDays: developmentDaysRouter,
  coordination: coordinationRouter,
});

export type AppRouter = typeof appRouter;
