import { CreateCalendarFeedInput } from '@muster/contracts';
import * as calendar from '../services/calendar.ts';
import { authedProcedure, router } from '../trpc/init.ts';

/** A user's private calendar feed of their interviews: made (the address shown once) and revoked. */
export const calendarRouter = router({
  createFeed: authedProcedure
    .input(CreateCalendarFeedInput)
    .mutation(({ ctx, input }) => calendar.createCalendarFeed(ctx, input, ctx.origin)),
  revokeFeed: authedProcedure.mutation(({ ctx }) => calendar.revokeCalendarFeeds(ctx)),
});
