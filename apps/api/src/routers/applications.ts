import {
  AddNoteInput,
  ApproveExceptionInput,
  BulkRejectInput,
  AssignMentorInput,
  BoardInput,
  ColumnInput,
  CreateApplicationInput,
  UpdateApplicationInput,
  GetApplicationInput,
  HistoryInput,
  ListApplicationsInput,
  MoveApplicationInput,
  RecordEligibilityInput,
  RecordTsgPreAssessmentInput,
} from '@muster/contracts';
import * as detail from '../services/application-detail.ts';
import * as lists from '../services/application-lists.ts';
import * as candidate from '../services/candidate-details.ts';
import { bulkReject, moveApplication } from '../services/moves.ts';
import * as records from '../services/records.ts';
import { adminProcedure, authedProcedure, caseworkProcedure, resourcingProcedure, router } from '../trpc/init.ts';

/** Cases: every signed-in role reads, each scoped to its own cases by the service; writes by role. */
export const applicationsRouter = router({
  create: resourcingProcedure
    .input(CreateApplicationInput)
    .mutation(({ ctx, input }) => candidate.createApplication(ctx, input)),
  update: resourcingProcedure
    .input(UpdateApplicationInput)
    .mutation(({ ctx, input }) => candidate.updateApplication(ctx, input)),
  get: authedProcedure.input(GetApplicationInput).query(({ ctx, input }) => detail.getApplication(ctx, input)),
  list: authedProcedure.input(ListApplicationsInput).query(({ ctx, input }) => lists.listApplications(ctx, input)),
  board: authedProcedure.input(BoardInput).query(({ ctx, input }) => lists.getBoard(ctx, input)),
  column: authedProcedure.input(ColumnInput).query(({ ctx, input }) => lists.listColumn(ctx, input)),
  history: authedProcedure.input(HistoryInput).query(({ ctx, input }) => detail.getHistory(ctx, input)),
  move: caseworkProcedure.input(MoveApplicationInput).mutation(({ ctx, input }) => moveApplication(ctx, input)),
  bulkReject: resourcingProcedure.input(BulkRejectInput).mutation(({ ctx, input }) => bulkReject(ctx, input)),
  approveException: adminProcedure
    .input(ApproveExceptionInput)
    .mutation(({ ctx, input }) => records.approveException(ctx, input)),
  recordEligibility: resourcingProcedure
    .input(RecordEligibilityInput)
    .mutation(({ ctx, input }) => records.recordEligibility(ctx, input)),
  recordTsgPreAssessment: caseworkProcedure
    .input(RecordTsgPreAssessmentInput)
    .mutation(({ ctx, input }) => records.recordTsgPreAssessment(ctx, input)),
  assignMentor: caseworkProcedure.input(AssignMentorInput).mutation(({ ctx, input }) => records.assignMentor(ctx, input)),
  addNote: caseworkProcedure.input(AddNoteInput).mutation(({ ctx, input }) => records.addNote(ctx, input)),
});
