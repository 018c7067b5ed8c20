import {
  BookCourseInput,
  CancelCourseInput,
  CoursesListInput,
  CreateCourseInput,
  RecordCourseAttendanceInput,
  UpdateCourseInput,
} from '@muster/contracts';
import * as courses from '../services/courses.ts';
import { authedProcedure, caseworkProcedure, router } from '../trpc/init.ts';

/**
 * Induction courses. Who may read and keep them is the domain's (mayReadCourses: coordinators,
 * resourcing and the admin; mayKeepCourses: coordinators and the admin); each service refuses the rest.
 */
export const coursesRouter = router({
  list: authedProcedure.input(CoursesListInput).query(({ ctx, input }) => courses.listCourses(ctx, input)),
  create: authedProcedure.input(CreateCourseInput).mutation(({ ctx, input }) => courses.createCourse(ctx, input)),
  update: authedProcedure.input(UpdateCourseInput).mutation(({ ctx, input }) => courses.updateCourse(ctx, input)),
  cancel: authedProcedure.input(CancelCourseInput).mutation(({ ctx, input }) => courses.cancelCourse(ctx, input)),
  /** A joiner booked on a course, or put on its waiting list; who may is the case's `induction` action (resourcing, coordinators). */
  book: caseworkProcedure.input(BookCourseInput).mutation(({ ctx, input }) => courses.bookCourse(ctx, input)),
  recordAttendance: caseworkProcedure
    .input(RecordCourseAttendanceInput)
    .mutation(({ ctx, input }) => courses.recordAttendance(ctx, input)),
});
