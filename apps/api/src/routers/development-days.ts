import {
  CancelDevelopmentDayInput,
  CreateDevelopmentDayInput,
  DevelopmentDaysListInput,
  InviteToDevelopmentDayInput,
  RecordDayAttendanceInput,
  UpdateDevelopmentDayInput,
} from '@muster/contracts';
import * as days from '../services/development-days.ts';
import { authedProcedure, router } from '../trpc/init.ts';

/**
 * Development days. Who may read and keep them is the domain's (mayReadDevelopmentDays: coordinators,
 * resourcing and the admin; mayKeepDevelopmentDays: coordinators and the admin); each service refuses the rest.
 */
export const developmentDaysRouter = router({
  list: authedProcedure.input(DevelopmentDaysListInput).query(({ ctx, input }) => days.listDevelopmentDays(ctx, input)),
  create: authedProcedure.input(CreateDevelopmentDayInput).mutation(({ ctx, input }) => days.createDevelopmentDay(ctx, input)),
  update: authedProcedure.input(UpdateDevelopmentDayInput).mutation(({ ctx, input }) => days.updateDevelopmentDay(ctx, input)),
  cancel: authedProcedure.input(CancelDevelopmentDayInput).mutation(({ ctx, input }) => days.cancelDevelopmentDay(ctx, input)),
  invite: authedProcedure.input(InviteToDevelopmentDayInput).mutation(({ ctx, input }) => days.inviteToDevelopmentDay(ctx, input)),
  recordAttendance: authedProcedure
    .input(RecordDayAttendanceInput)
    .mutation(({ ctx, input }) => days.recordDayAttendance(ctx, input)),
});
