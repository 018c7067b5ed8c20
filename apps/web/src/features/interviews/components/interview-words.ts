import type { AgendaInterview } from '@muster/contracts';
import { formatShortWeekdayDate, formatTimeRange } from '../../../lib/dates.ts';

/** "Wed 9 Dec, 14:00 to 15:00" (London time). */
export const interviewWhen = (i: Pick<AgendaInterview, 'startsAt' | 'endsAt'>) =>
  `${formatShortWeekdayDate(i.startsAt)}, ${formatTimeRange(i.startsAt, i.endsAt)}`;

/** "Wed 9 Dec, 14:00 to 15:00 at MetCC Lambeth". */
export const interviewWords = (i: Pick<AgendaInterview, 'startsAt' | 'endsAt' | 'venue'>) => `${interviewWhen(i)} at ${i.venue}`;
