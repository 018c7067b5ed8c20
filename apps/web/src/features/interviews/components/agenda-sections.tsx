import type { AgendaInterview, UnitCode, WaitingCase } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Table } from '../../../components/table.tsx';
import { addDaysIso, formatTimeRange, formatWeekdayDate, londonDateOf, londonToday } from '../../../lib/dates.ts';
import { routeLabels, unitShortNames } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { AddToCalendar } from './calendar-link.tsx';
import { CandidateLink, candidateName } from './candidate-link.tsx';
import { interviewWhen } from './interview-words.ts';
import { problemsOf, refusalTitle } from './problems.ts';
import { OutcomeToRecord } from './record-outcome.tsx';

const panelNames = (panel: { name: string }[]) => (panel.length ? panel.map((p) => p.name).join(', ') : 'Nobody yet');

/** "Today, Wednesday 2 December", "Tomorrow, …", or the day. */
function dayHeading(date: string, today: string): string {
  const day = formatWeekdayDate(date);
  if (date === today) return `Today, ${day}`;
  if (date === addDaysIso(today, 1)) return `Tomorrow, ${day}`;
  return day;
}

function Heading({ id, children }: { id: string; children: string }) {
  return (
    <h2 className="govuk-heading-m" id={id}>
      {children}
    </h2>
  );
}

/** Moving and cancelling a booked interview: offered where the server says the user may schedule its unit. */
export type InterviewChanges = {
  /** `me.may.scheduleUnits`, from the server. */
  scheduleUnits: readonly UnitCode[];
  onMove: (interview: AgendaInterview) => void;
  onCancel: (interview: AgendaInterview) => void;
};

/** "Move" and "Cancel" for one interview, each naming the candidate to a screen reader. */
function ChangeActions({ interview, changes }: { interview: AgendaInterview; changes: InterviewChanges }) {
  if (!changes.scheduleUnits.includes(interview.unit)) return null;
  const name = candidateName(interview.application);
  return (
    <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
      <li>
        <button type="button" className="app-link-button govuk-link" onClick={() => changes.onMove(interview)}>
          Move<span className="govuk-visually-hidden"> the interview for {name}</span>
        </button>
      </li>
      <li>
        <button type="button" className="app-link-button govuk-link" onClick={() => changes.onCancel(interview)}>
          Cancel<span className="govuk-visually-hidden"> the interview for {name}</span>
        </button>
      </li>
    </ul>
  );
}

/** The columns of a table of booked interviews; `isDated` when the table spans several days. */
function interviewColumns(hasActions: boolean, isDated = false) {
  return [
    { label: isDated ? 'When' : 'Time' },
    { label: 'Candidate' },
    { label: 'Unit' },
    { label: 'Place' },
    { label: 'Panel' },
    { label: <span className="govuk-visually-hidden">Calendar</span> },
    ...(hasActions ? [{ label: <span className="govuk-visually-hidden">Actions</span> }] : []),
  ];
}

function InterviewRow({
  interview: i,
  changes,
  hasActions,
  isDated = false,
}: {
  interview: AgendaInterview;
  changes: InterviewChanges | undefined;
  hasActions: boolean;
  isDated?: boolean;
}) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell app-table__nowrap">
        {isDated ? interviewWhen(i) : formatTimeRange(i.startsAt, i.endsAt)}
      </td>
      <td className="govuk-table__cell">
        <CandidateLink candidate={i.application} />
      </td>
      <td className="govuk-table__cell">{unitShortNames[i.unit]}</td>
      <td className="govuk-table__cell">{i.venue}</td>
      <td className="govuk-table__cell">{panelNames(i.panel)}</td>
      <td className="govuk-table__cell">
        <AddToCalendar interviewId={i.id} reference={i.application.reference} />
      </td>
      {hasActions && (
        <td className="govuk-table__cell app-table__nowrap">{changes && <ChangeActions interview={i} changes={changes} />}</td>
      )}
    </tr>
  );
}

/**
 * The interviews of the next seven days, a table a day, today first; the later ones in a table of
 * their own, folded away. Each may be moved or cancelled by those who schedule its unit.
 */
export function ThisWeek({ interviews, changes }: { interviews: AgendaInterview[]; changes?: InterviewChanges }) {
  const today = londonToday();
  const lastDay = addDaysIso(today, 6);
  const days = new Map<string, AgendaInterview[]>();
  const later: AgendaInterview[] = [];
  for (const i of interviews) {
    const day = londonDateOf(i.startsAt);
    if (day > lastDay) later.push(i);
    else days.set(day, [...(days.get(day) ?? []), i]);
  }
  const shown = interviews.length - later.length;
  const hasActions = Boolean(changes && interviews.some((i) => changes.scheduleUnits.includes(i.unit)));
  return (
    <section className="app-section" aria-labelledby="this-week-title">
      <Heading id="this-week-title">This week</Heading>
      {!shown && <p className="govuk-body">No interviews in the next 7 days.</p>}
      {[...days.entries()].map(([day, list]) => (
        <Table
          key={day}
          label={`Interviews on ${formatWeekdayDate(day)}`}
          caption={`${dayHeading(day, today)}: ${plural(list.length, 'interview')}`}
          columns={interviewColumns(hasActions)}
        >
          {list.map((i) => (
            <InterviewRow key={i.id} interview={i} changes={changes} hasActions={hasActions} />
          ))}
        </Table>
      ))}
      {later.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{plural(later.length, 'more interview')} booked after this week</span>
          </summary>
          <div className="govuk-details__text">
            <Table
              label="Interviews booked after this week"
              caption="Interviews booked after this week, soonest first. London time."
              captionClassName="govuk-table__caption govuk-table__caption--s govuk-visually-hidden"
              columns={interviewColumns(hasActions, true)}
            >
              {later.map((i) => (
                <InterviewRow key={i.id} interview={i} changes={changes} hasActions={hasActions} isDated />
              ))}
            </Table>
          </div>
        </details>
      )}
    </section>
  );
}

/** Cases at interview with nothing booked, longest waiting first, each with a way to book it. */
export function WaitingForASlot({ waiting, onBook }: { waiting: WaitingCase[]; onBook: (id: number) => void }) {
  return (
    <section className="app-section" aria-labelledby="waiting-title">
      <Heading id="waiting-title">Waiting for a slot</Heading>
      {waiting.length ? (
        <Table
          label="Cases waiting for an interview slot"
          caption={`${plural(waiting.length, 'case')}, longest waiting first`}
          captionClassName="govuk-table__caption govuk-table__caption--s govuk-visually-hidden"
          columns={[
            { label: 'Candidate' },
            { label: 'Route' },
            { label: 'Unit' },
            { label: 'Waiting' },
            { label: <span className="govuk-visually-hidden">Actions</span> },
          ]}
        >
          {waiting.map((c) => (
            <tr className="govuk-table__row" key={c.id}>
              <td className="govuk-table__cell">
                <CandidateLink candidate={c} />
              </td>
              <td className="govuk-table__cell">{routeLabels[c.route]}</td>
              <td className="govuk-table__cell">{c.targetUnit ? unitShortNames[c.targetUnit] : 'None chosen'}</td>
              <td className="govuk-table__cell app-table__nowrap">{plural(c.daysWaiting, 'day')}</td>
              <td className="govuk-table__cell app-table__nowrap">
                <button type="button" className="app-link-button govuk-link" onClick={() => onBook(c.id)}>
                  Book a slot<span className="govuk-visually-hidden"> for {candidateName(c)}</span>
                </button>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No case is waiting for an interview slot.</p>
      )}
    </section>
  );
}

/** Interviews that have started with no attendance recorded: attended, or not (with why, in a dialog). */
export function AttendanceToRecord({
  interviews,
  onRecorded,
  onNotAttended,
}: {
  interviews: AgendaInterview[];
  onRecorded: (text: string) => void;
  onNotAttended: (interview: AgendaInterview) => void;
}) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const record = useMutation(
    trpc.interviews.recordAttendance.mutationOptions({
      onSuccess: (detail) => {
        refresh();
        onRecorded(`${detail.firstName} ${detail.lastName} attended: record the interview's outcome next.`);
      },
      onError: refresh,
    }),
  );
  return (
    <section className="app-section" aria-labelledby="attendance-title">
      <Heading id="attendance-title">Attendance to record</Heading>
      <ErrorSummary
        title={refusalTitle(record.error, 'Attendance was not recorded')}
        errors={problemsOf(record.error, '#attendance-table')}
      />
      {interviews.length ? (
        <Table
          id="attendance-table"
          label="Interviews whose attendance is to be recorded"
          caption={`${plural(interviews.length, 'interview')} to record`}
          captionClassName="govuk-table__caption govuk-table__caption--s govuk-visually-hidden"
          columns={[
            { label: 'When' },
            { label: 'Candidate' },
            { label: 'Unit' },
            { label: <span className="govuk-visually-hidden">Actions</span> },
          ]}
        >
          {interviews.map((i) => (
            <tr className="govuk-table__row" key={i.id}>
              <td className="govuk-table__cell app-table__nowrap">{interviewWhen(i)}</td>
              <td className="govuk-table__cell">
                <CandidateLink candidate={i.application} />
              </td>
              <td className="govuk-table__cell">{unitShortNames[i.unit]}</td>
              <td className="govuk-table__cell">
                <div className="govuk-button-group govuk-!-margin-bottom-0">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    disabled={record.isPending}
                    onClick={() =>
                      record.mutate({ id: i.application.id, expectedVersion: i.application.version, attended: true })
                    }
                  >
                    Attended<span className="govuk-visually-hidden"> ({candidateName(i.application)})</span>
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => {
                      record.reset();
                      onNotAttended(i);
                    }}
                  >
                    Did not attend<span className="govuk-visually-hidden"> ({candidateName(i.application)})</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No attendance is waiting to be recorded.</p>
      )}
    </section>
  );
}

/** Interviews attended whose outcome is not yet recorded: each with the panel's scores and the outcome to record. */
export function OutcomesToRecord({
  interviews,
  onRecorded,
}: {
  interviews: AgendaInterview[];
  onRecorded: (text: string) => void;
}) {
  return (
    <section className="app-section" aria-labelledby="outcomes-title">
      <Heading id="outcomes-title">Outcomes to record</Heading>
      {interviews.length ? (
        interviews.map((i) => <OutcomeToRecord key={i.id} interview={i} onRecorded={onRecorded} />)
      ) : (
        <p className="govuk-body">No interview outcome is waiting to be recorded.</p>
      )}
    </section>
  );
}
