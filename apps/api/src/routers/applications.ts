import {
  AddNoteInput,
  ApproveExceptionInput,
  BulkRejectInput,
  AssignMentorInput,
  BoardInput,
  BookInductionInput,
  ColumnInput,
  CreateApplicationInput,
  UpdateApplicationInput,
  GetApplicationInput,
  HistoryInput,
  ListApplicationsInput,
  MoveApplicationInput,
  RecordEligibilityInput,
  RecordInterviewInput,
  UpdateCheckInput,
} from '@muster/contracts';
import * as applications from '../services/applications.ts';
import { bulkReject, moveApplication } from '../services/moves.ts';
import * as records from '../services/records.ts';
import { adminProcedure, authedProcedure, caseworkProcedure, resourcingProcedure, router } from '../trpc/init.ts';

/** Reading cases: every signed-in role, each scoped to its own cases by the service. */
export const applicationsRouter = router({
  create: resourcingProcedure
    .input(CreateApplicationInput)
    .mutation(({ ctx, input }) => applications.createApplication(ctx, input)),
  update: resourcingProcedure
    .input(UpdateApplicationInput)
    .mutation(({ ctx, input }) => applications.updateApplication(ctx, input)),
  get: authedProcedure.input(GetApplicationInput).query(({ ctx, input }) => applications.getApplication(ctx, input.id)),
  list: authedProcedure.input(ListApplicationsInput).query(({ ctx, input }) => applications.listApplications(ctx, input)),
  board: authedProcedure.input(BoardInput).query(({ ctx, input }) => applications.getBoard(ctx, input)),
  column: authedProcedure.input(ColumnInput).query(({ ctx, input }) => applications.listColumn(ctx, input)),
  history: authedProcedure.input(HistoryInput).query(({ ctx, input }) => applications.getHistory(ctx, input)),
  move: caseworkProcedure.input(MoveApplicationInput).mutation(({ ctx, input }) => moveApplication(ctx, input)),
  bulkReject: resourcingProcedure.input(BulkRejectInput).mutation(({ ctx, input }) => bulkReject(ctx, input)),
  approveException: adminProcedure
    .input(ApproveExceptionInput)
    .mutation(({ ctx, input }) => records.approveException(ctx, input)),
  recordEligibility: resourcingProcedure
    .input(RecordEligibilityInput)
    .mutation(({ ctx, input }) => records.recordEligibility(ctx, input)),
  recordInterview: caseworkProcedure
    .input(RecordInterviewInput)
    .mutation(({ ctx, input }) => records.recordInterview(ctx, input)),
  updateCheck: resourcingProcedure.input(UpdateCheckInput).mutation(({ ctx, input }) => records.updateCheck(ctx, input)),
  bookInduction: caseworkProcedure.input(BookInductionInput).mutation(({ ctx, input }) => records.bookInduction(ctx, input)),
  assignMentor: caseworkProcedure.input(AssignMentorInput).mutation(({ ctx, input }) => records.assignMentor(ctx, input)),
  addNote: caseworkProcedure.input(AddNoteInput).mutation(({ ctx, input }) => records.addNote(ctx, input)),
});
