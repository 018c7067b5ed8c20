import type { ApplicationEvent, Stage } from '@muster/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { formatDateTime, formatLongDate, formatTimeRange } from '../../../lib/dates.ts';
import {
  candidateFieldLabels,
  checkStatusLabels,
  describeMatches,
  metValueLabels,
  recordsOutcomeLabels,
  recordsRequestLabels,
  routeLabels,
  stageLabels,
} from '../../../lib/labels.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import type { Reference } from '@muster/contracts';

const stage = (s: Stage | null) => (s ? stageLabels[s].toLowerCase() : 'unknown');
const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** A value from an event's details (JSON) as text: a string as it is, anything else as JSON (a number or boolean reads the same). */
const jsonText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
/** The `name` of a person an event's details name (`{ id, name }`), if it has one. */
const nameOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && 'name' in v && typeof v.name === 'string' ? v.name : undefined;
const isNone = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const lower = (s: string) => s.replace(/^./, (m) => m.toLowerCase());

/**
 * Codes as words, from the reference data the API serves (the domain's): units, checks, criteria.
 * An unknown code (retired since the event) is shown as it was written.
 */
type Words = {
  unit: (code: unknown) => string;
  check: (code: unknown, written?: unknown) => string;
  criterion: (code: string) => string;
};
function wordsOf(reference: Reference): Words {
  const units = new Map(reference.units.map((u) => [u.code as string, u.name]));
  const checks = new Map(reference.checks.map((c) => [c.code, c.name]));
  const criteria = new Map(
    [...Object.values(reference.routeCriteria).flat(), ...reference.units.flatMap((u) => u.criteria)].map((k) => [
      k.code,
      k.label,
    ]),
  );
  return {
    unit: (code) => units.get(str(code)) ?? (str(code) || 'none'),
    check: (code, written) => checks.get(str(code)) ?? (str(written) || str(code)),
    criterion: (code) => criteria.get(code) ?? code.replaceAll('_', ' '),
  };
}

/** A value of a candidate's field as the history shows it. */
function fieldValue(field: string, v: unknown, w: Words): string {
  if (isNone(v)) return '(none)';
  if (field === 'unitPreferences' && Array.isArray(v)) return v.map((u) => w.unit(u)).join(', ');
  if (Array.isArray(v)) return v.map(String).join(field === 'specialistSkills' ? '; ' : ', ');
  if (field === 'route') return routeLabels[v as keyof typeof routeLabels] ?? String(v);
  if ((field === 'dateOfBirth' || field === 'joinedForceOn') && typeof v === 'string') return formatLongDate(v);
  return jsonText(v);
}

type Change = { from: unknown; to: unknown };
const metWord = (v: unknown) => (v === true ? 'met' : v === false ? 'not met' : 'not recorded');
const recordsWord = (v: unknown) => lower(recordsRequestLabels[v as keyof typeof recordsRequestLabels] ?? 'not requested');
const outcomeWord = (v: unknown) => lower(recordsOutcomeLabels[v as keyof typeof recordsOutcomeLabels] ?? 'none');
const yesNo = (v: unknown, unknown: string) => (v === true ? 'yes' : v === false ? 'no' : unknown);
const quotedText = (v: unknown) => (isNone(v) ? 'none' : `“${str(v)}”`);

/** One change of an eligibility record, "what: before → after", in words. */
function eligibilityChangeLine(field: string, c: Change, w: Words): string {
  const [group, code] = field.split('.') as [string, string | undefined];
  if (code && (group === 'criteria' || group === 'unitCriteria'))
    return `${w.criterion(code)}: ${metWord(c.from)} → ${metWord(c.to)}`;
  const line = (label: string, show: (v: unknown) => string) => `${label}: ${show(c.from)} → ${show(c.to)}`;
  switch (field) {
    case 'targetUnit':
      return line('Target unit', w.unit);
    case 'psdRecords':
      return line('PSD records', recordsWord);
    case 'psdOutcome':
      return line('PSD outcome', outcomeWord);
    case 'ohRecords':
      return line('OH records', recordsWord);
    case 'ohOutcome':
      return line('OH outcome', outcomeWord);
    case 'hasOpenMisconduct':
      return line('Open misconduct', (v) => yesNo(v, 'not known'));
    case 'misconductDetails':
      return line('Misconduct details', quotedText);
    // Eligibility records named the TSG mentor and base visit until the TSG pre-assessment had its own record.
    case 'tsgMentorName':
      return line('TSG mentor', (v) => (isNone(v) ? 'none' : str(v)));
    case 'hasTsgBaseVisit':
      return line('Attachment or base visit', (v) => (v === true ? 'done' : 'not done'));
    case 'notes':
      return line('Notes', quotedText);
    default:
      return line(field, (v) => (isNone(v) ? 'none' : JSON.stringify(v)));
  }
}

/**
 * A whole eligibility record in words: the first one, or one written before events said what changed
 * (those are shown as they stood, with the target unit they moved from where it differs).
 */
function eligibilitySummary(d: Record<string, unknown>, w: Words): { body: string; list: string[] } {
  const criteria = Object.entries((d.criteria ?? {}) as Record<string, boolean>);
  const unitCriteria = Object.entries((d.unitCriteria ?? {}) as Record<string, boolean>);
  const all = [...criteria, ...unitCriteria];
  const met = all.filter(([, v]) => v).length;
  const list = all.filter(([, v]) => !v).map(([code]) => `Not met: ${w.criterion(code)}`);
  if (d.psdRecords && d.psdRecords !== 'not_requested')
    list.push(`PSD records: ${recordsWord(d.psdRecords)}${d.psdOutcome ? `, ${outcomeWord(d.psdOutcome)}` : ''}`);
  if (d.ohRecords && d.ohRecords !== 'not_requested')
    list.push(`OH records: ${recordsWord(d.ohRecords)}${d.ohOutcome ? `, ${outcomeWord(d.ohOutcome)}` : ''}`);
  if (d.hasOpenMisconduct === true) list.push(`Open misconduct: ${str(d.misconductDetails) || 'yes'}`);
  if (d.tsgMentorName) list.push(`TSG mentor: ${str(d.tsgMentorName)}`);
  const moved = d.previousTargetUnit && d.previousTargetUnit !== d.targetUnit ? ` (was ${w.unit(d.previousTargetUnit)})` : '';
  return {
    body: `Target unit: ${w.unit(d.targetUnit)}${moved}; ${met} of ${all.length} criteria met${d.notes ? `. ${str(d.notes)}` : '.'}`,
    list,
  };
}

function applicationLink(id: unknown, reference: unknown): ReactNode {
  const label = str(reference) || 'the other case';
  return typeof id === 'number' ? <Link to={`/cases/${id}`}>{label}</Link> : label;
}

const statusLabel = (v: unknown) => checkStatusLabels[v as keyof typeof checkStatusLabels] ?? str(v);

/** When and where an interview is, from a booking event's details. */
function interviewWhen(d: Record<string, unknown>): string {
  const startsAt = str(d.startsAt);
  const endsAt = str(d.endsAt);
  if (!startsAt || !endsAt) return '';
  return `${formatLongDate(startsAt)}, ${formatTimeRange(startsAt, endsAt)}${d.venue ? ` at ${str(d.venue)}` : ''}.`;
}

/** What happened, in words: a title and any detail worth showing. */
function describe(e: ApplicationEvent, w: Words): { title: string; body?: ReactNode; list?: string[] } {
  const d = e.details;
  switch (e.type) {
    case 'created':
      return {
        title: 'Application created',
        body: `Route: ${routeLabels[d.route as keyof typeof routeLabels] ?? str(d.route)}.`,
      };
    case 'moved':
      return { title: `Moved to ${stage(e.toStage)}`, body: `From ${stage(e.fromStage)}.` };
    case 'moved_back':
      return { title: `Moved back to ${stage(e.toStage)}`, body: `From ${stage(e.fromStage)}.` };
    case 'rejected':
      return { title: 'Rejected', body: `At ${stage(e.fromStage)}.` };
    case 'withdrawn':
      return { title: 'Withdrawn', body: `At ${stage(e.fromStage)}.` };
    case 'reopened':
      return { title: `Reopened at ${stage(e.toStage)}` };
    case 'eligibility_recorded': {
      const changes = d.changes as Record<string, Change> | undefined;
      if (changes && d.isFirstRecord === false) {
        const list = Object.entries(changes).map(([field, c]) => eligibilityChangeLine(field, c, w));
        return list.length
          ? { title: 'Eligibility changed', list }
          : { title: 'Eligibility saved again', body: 'Nothing changed.' };
      }
      return { title: 'Eligibility recorded', ...eligibilitySummary(d, w) };
    }
    case 'tsg_pre_assessment_recorded': {
      const changes = Object.values((d.changes ?? {}) as Record<string, Change>);
      return {
        title: changes.length ? 'TSG mentor and base visit recorded' : 'TSG mentor and base visit saved again',
        body: `Mentor: ${str(d.mentorName) || 'none yet'}; attachment or base visit ${d.hasBaseVisit === true ? 'done' : 'not done'}.`,
      };
    }
    case 'interview_recorded': {
      const scores = (d.scores ?? {}) as Record<string, number>;
      return {
        title: `Interview outcome: ${str(d.outcome)}`,
        body: `${Object.entries(scores)
          .map(([k, v]) => `${metValueLabels[k as keyof typeof metValueLabels] ?? k} ${v}`)
          .join(', ')}${d.notes ? `. ${str(d.notes)}` : '.'}`,
      };
    }
    case 'check_updated':
      return {
        title: `${w.check(d.check, d.name)}: ${statusLabel(d.to).toLowerCase()}`,
        body: `Status: ${statusLabel(d.from).toLowerCase()} → ${statusLabel(d.to).toLowerCase()}.`,
      };
    case 'check_chased':
      return {
        title: `${w.check(d.check, d.name)}: chased`,
        body: d.toWhom ? `Chased ${str(d.toWhom).toLowerCase()}${d.isMessageQueued ? ' by email' : ' (recorded only)'}.` : 'Chased.',
      };
    case 'rerouted':
      return { title: `Re-routed from ${w.unit(d.fromUnit)} to ${w.unit(d.toUnit)}` };
    case 'induction_booked':
      return {
        title: 'Induction booked',
        body: `Course on ${formatLongDate(str(d.courseStartsOn))} at ${str(d.coursePlace)}; starts ${formatLongDate(str(d.startDate))}; posted to ${w.unit(d.postingUnit)}, ${str(d.postingPlace)}.`,
      };
    case 'induction_cancelled':
      return {
        title: 'Induction course cancelled',
        body: `The course on ${formatLongDate(str(d.courseStartsOn))} at ${str(d.coursePlace)} was cancelled and the booking removed; the joiner was told. Book another course.`,
      };
    case 'induction_waitlisted':
      return {
        title: 'Added to an induction course’s waiting list',
        body: `The course on ${formatLongDate(str(d.courseStartsOn))} at ${str(d.coursePlace)} is full; the joiner is number ${str(d.position)} on its waiting list.`,
      };
    case 'induction_place_offered':
      return {
        title: 'Offered a place on an induction course',
        body: `A place freed on the course on ${formatLongDate(str(d.courseStartsOn))} at ${str(d.coursePlace)}; it is held for the joiner until ${formatLongDate(str(d.heldUntil))}, and they were told. Book them on it.`,
      };
    case 'induction_attended':
      return {
        title: 'Induction attended',
        body: `Attended the course on ${formatLongDate(str(d.courseStartsOn))} at ${str(d.coursePlace)}.`,
      };
    case 'induction_not_attended':
      return {
        title: 'Induction not attended',
        body: `Did not attend the course on ${formatLongDate(str(d.courseStartsOn))} at ${str(d.coursePlace)}; the booking was removed. Book another course.`,
      };
    case 'development_day_invited':
      return {
        title: 'Invited to a development day',
        body: `${str(d.title)} on ${formatLongDate(str(d.heldOn))} at ${str(d.place)}; the joiner was sent the invitation.`,
      };
    case 'mentor_assigned': {
      const who = (k: string) => nameOf(d[k]);
      const parts = [who('mentor') && `mentor ${who('mentor')}`, who('buddy') && `buddy ${who('buddy')}`].filter(Boolean);
      return { title: 'Mentor or buddy assigned', body: parts.length ? `Assigned ${parts.join(' and ')}.` : undefined };
    }
    case 'note_added':
      return { title: 'Note added', body: str(d.body) };
    case 'details_edited': {
      const changes = Object.entries((d.changes ?? {}) as Record<string, { from: unknown; to: unknown }>);
      return {
        title: 'Details edited',
        list: changes.map(
          ([field, c]) =>
            `${candidateFieldLabels[field] ?? field}: ${fieldValue(field, c.from, w)} → ${fieldValue(field, c.to, w)}`,
        ),
      };
    }
    case 'assigned': {
      const assignee = nameOf(d.assignee);
      return { title: assignee ? `Assigned to ${assignee}` : 'Returned to the triage queue, unassigned' };
    }
    case 'duplicate_flagged':
      return {
        title: 'Flagged as a possible duplicate',
        body: (
          <>
            May be the same person as {applicationLink(d.duplicateOfId, d.duplicateOfReference)}:{' '}
            {describeMatches((d.matches ?? []) as string[])}.
          </>
        ),
      };
    case 'duplicate_merged':
      return d.keptReference
        ? {
            title: `Merged into ${str(d.keptReference)}`,
            body: <>Withdrawn as the same person as {applicationLink(d.keptId, d.keptReference)}.</>,
          }
        : {
            title: `${str(d.mergedReference)} merged into this case`,
            body: <>{applicationLink(d.mergedId, d.mergedReference)} was the same person; it is withdrawn.</>,
          };
    case 'duplicate_dismissed':
      return { title: 'Possible duplicate dismissed', body: <>Not the same person as {applicationLink(d.otherId, null)}.</> };
    case 'exception_approved':
      return { title: 'Eligibility exception approved', body: 'The case may go on despite the current force’s records.' };
    case 'imported':
      return { title: 'Imported from the application form', body: `File ${str(d.fileName)}, line ${jsonText(d.line)}.` };
    case 'interview_booked':
      return { title: 'Interview booked', body: interviewWhen(d) };
    case 'interview_rescheduled':
      return { title: 'Interview moved', body: `${interviewWhen(d)}${e.reason ? ` Why: ${e.reason}` : ''}` };
    case 'interview_cancelled':
      return { title: 'Interview cancelled', body: e.reason ? `Why: ${e.reason}` : undefined };
    case 'interview_attended':
      return { title: 'Interview attended' };
    case 'interview_not_attended':
      return { title: 'Did not attend the interview', body: e.reason ? `Why: ${e.reason}` : undefined };
    default:
      return { title: String(e.type).replaceAll('_', ' ') };
  }
}

/** The case's history as an MOJ timeline, newest first: who, when, what, why. */
export function Timeline({ id, reference }: { id: number; reference: Reference }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.applications.history.infiniteQueryOptions(
      { id, limit: 50 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined, refetchInterval: refreshIntervalMs },
    ),
  );
  if (!history.data) return <Loading what="Loading the history" />;
  const events = history.data.pages.flatMap((p) => p.items);
  const words = wordsOf(reference);
  return (
    <>
      <div className="moj-timeline">
        {events.map((e) => {
          const { title, body, list } = describe(e, words);
          return (
            <div className="moj-timeline__item" key={e.id}>
              <div className="moj-timeline__header">
                <h3 className="moj-timeline__title">{title}</h3>{' '}
                <p className="moj-timeline__byline">by {e.actor?.name ?? 'Muster'}</p>
              </div>
              <p className="moj-timeline__date">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </p>
              <div className="moj-timeline__description">
                {body && <p className="govuk-body-s govuk-!-margin-bottom-1">{body}</p>}
                {list && (
                  <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-1">
                    {list.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
                {e.reason && <p className="govuk-body-s govuk-!-margin-bottom-1">Reason: {e.reason}</p>}
              </div>
            </div>
          );
        })}
      </div>
      {history.hasNextPage && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          Show older events
        </button>
      )}
    </>
  );
}
