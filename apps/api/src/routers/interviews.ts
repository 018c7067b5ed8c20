import {
  BookInterviewInput,
  CancelInterviewInput,
  PanellistsInput,
  PublishSlotsInput,
  RecordOutcomeInput,
  RecordAttendanceInput,
  RescheduleInterviewInput,
  ScorecardsInput,
  SlotsInput,
  SubmitScorecardInput,
  UpdateSlotInput,
  WithdrawSlotInput,
} from '@muster/contracts';
import * as interviews from '../services/interviews.ts';
import * as scorecards from '../services/scorecards.ts';
import { authedProcedure, router } from '../trpc/init.ts';

/**
 * Interview slots, bookings and the interviewer's agenda. Who may do what is the domain's
 * (maySchedule, maySitOnPanel, the case's `interview` action); each service refuses the rest.
 */
export const interviewsRouter = router({
  publishSlots: authedProcedure.input(PublishSlotsInput).mutation(({ ctx, input }) => interviews.publishSlots(ctx, input)),
  updateSlot: authedProcedure.input(UpdateSlotInput).mutation(({ ctx, input }) => interviews.updateSlot(ctx, input)),
  withdrawSlot: authedProcedure.input(WithdrawSlotInput).mutation(({ ctx, input }) => interviews.withdrawSlot(ctx, input)),
  slots: authedProcedure.input(SlotsInput).query(({ ctx, input }) => interviews.listSlots(ctx, input)),
  panellists: authedProcedure.input(PanellistsInput).query(({ ctx, input }) => interviews.listPanellists(ctx, input)),
  venues: authedProcedure.query(({ ctx }) => interviews.listVenues(ctx)),
  book: authedProcedure.input(BookInterviewInput).mutation(({ ctx, input }) => interviews.bookInterview(ctx, input)),
  reschedule: authedProcedure
    .input(RescheduleInterviewInput)
    .mutation(({ ctx, input }) => interviews.rescheduleInterview(ctx, input)),
  cancel: authedProcedure.input(CancelInterviewInput).mutation(({ ctx, input }) => interviews.cancelInterview(ctx, input)),
  recordAttendance: authedProcedure
    .input(RecordAttendanceInput)
    .mutation(({ ctx, input }) => interviews.recordAttendance(ctx, input)),
  agenda: authedProcedure.query(({ ctx }) => interviews.agenda(ctx)),
  submitScorecard: authedProcedure.input(SubmitScorecardInput).mutation(({ ctx, input }) => scorecards.submitScorecard(ctx, input)),
  scorecards: authedProcedure.input(ScorecardsInput).query(({ ctx, input }) => scorecards.listScorecards(ctx, input)),
  recordOutcome: authedProcedure.input(RecordOutcomeInput).mutation(({ ctx, input }) => scorecards.recordOutcome(ctx, input)),
});
