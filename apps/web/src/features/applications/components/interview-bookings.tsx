import type { ApplicationDetail, InterviewBooking } from '@muster/contracts';
import { Link } from 'react-router';
import { formatDate, formatTimeRange } from '../../../lib/dates.ts';

const statusWords: Record<InterviewBooking['status'], string> = {
  booked: 'Booked',
  attended: 'Attended',
  did_not_attend: 'Did not attend',
  cancelled: 'Cancelled',
};

/** The case's interview slots: the one to come, then what happened to earlier ones. */
export function InterviewBookings({ detail: d }: { detail: ApplicationDetail }) {
  const isBooked = d.interviewBookings.some((b) => b.status === 'booked');
  const hasAttended = d.interviewBookings.some((b) => b.status === 'attended');
  return (
    <>
      {d.interviewBookings.length > 0 && (
        <ul className="govuk-list app-interview-bookings">
          {d.interviewBookings.map((b) => (
            <li key={b.id}>
              <strong className={`govuk-tag ${b.status === 'booked' ? 'govuk-tag--blue' : 'govuk-tag--grey'}`}>
                {statusWords[b.status]}
              </strong>{' '}
              {formatDate(b.startsAt)}, {formatTimeRange(b.startsAt, b.endsAt)} at {b.venue}
              {b.panel.length > 0 && <>, panel: {b.panel.join(', ')}</>}
              {b.endedReason && <> — {b.endedReason}</>}
            </li>
          ))}
        </ul>
      )}
      {d.stage === 'interview' && d.actions.recordInterview && !d.interview && (
        <p className="govuk-body">
          {isBooked ? (
            <>
              After the interview, each panel member scores it and the outcome is recorded from their scorecards on the{' '}
              <Link to="/interviews">Interviews page</Link>.
            </>
          ) : hasAttended ? (
            <>
              The outcome is recorded from the panel’s scorecards on the <Link to="/interviews">Interviews page</Link>.
            </>
          ) : (
            <>
              No interview is booked. <Link to="/interviews">Book a slot on the Interviews page</Link>.
            </>
          )}
        </p>
      )}
    </>
  );
}
