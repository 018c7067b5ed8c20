import type { ApplicationEvent, Stage } from '@muster/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import {
  candidateFieldLabels,
  checkStatusLabels,
  describeMatches,
  metValueLabels,
  routeLabels,
  stageLabels,
} from '../../../lib/labels.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

const stage = (s: Stage | null) => (s ? stageLabels[s].toLowerCase() : 'unknown');
const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** A value of a candidate's field as the history shows it. */
function fieldValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '(none)';
  if (Array.isArray(v)) return v.map(String).join(field === 'specialistSkills' ? '; ' : ', ');
  if (field === 'route') return routeLabels[v as keyof typeof routeLabels] ?? String(v);
  return typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean);
}

function caseLink(id: unknown, reference: unknown): ReactNode {
  const label = str(reference) || 'the other case';
  return typeof id === 'number' ? <Link to={`/cases/${id}`}>{label}</Link> : label;
}

const statusLabel = (v: unknown) => checkStatusLabels[v as keyof typeof checkStatusLabels] ?? str(v);

/** What happened, in words: a title and any detail worth showing. */
function describe(e: ApplicationEvent): { title: string; body?: ReactNode; list?: string[] } {
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
      const criteria = Object.values((d.criteria ?? {}) as Record<string, boolean>);
      const unitCriteria = Object.values((d.unitCriteria ?? {}) as Record<string, boolean>);
      const met = [...criteria, ...unitCriteria].filter(Boolean).length;
      return {
        title: 'Eligibility recorded',
        body: `Target unit ${str(d.targetUnit)}; ${met} of ${criteria.length + unitCriteria.length} criteria met${d.tsgMentorName ? `; TSG mentor ${str(d.tsgMentorName)}` : ''}${d.notes ? `. ${str(d.notes)}` : '.'}`,
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
      return { title: `${str(d.name)}: ${statusLabel(d.to).toLowerCase()}`, body: `Was ${statusLabel(d.from).toLowerCase()}.` };
    case 'rerouted':
      return { title: `Re-routed from ${str(d.fromUnit)} to ${str(d.toUnit)}` };
    case 'induction_booked':
      return {
        title: 'Induction booked',
        body: `Course ${str(d.courseStartsOn)} at ${str(d.coursePlace)}; starts ${str(d.startDate)}; posted to ${str(d.postingUnit)}, ${str(d.postingPlace)}.`,
      };
    case 'mentor_assigned': {
      const who = (k: string) => ((d[k] ?? null) as { name?: string } | null)?.name;
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
          ([field, c]) => `${candidateFieldLabels[field] ?? field}: ${fieldValue(field, c.from)} → ${fieldValue(field, c.to)}`,
        ),
      };
    }
    case 'assigned': {
      const who = (d.assignee ?? null) as { name?: string } | null;
      return { title: who?.name ? `Assigned to ${who.name}` : 'Returned to the triage queue, unassigned' };
    }
    case 'duplicate_flagged':
      return {
        title: 'Flagged as a possible duplicate',
        body: (
          <>
            May be the same person as {caseLink(d.duplicateOfId, d.duplicateOfReference)}:{' '}
            {describeMatches((d.matches ?? []) as string[])}.
          </>
        ),
      };
    case 'duplicate_merged':
      return d.keptReference
        ? {
            title: `Merged into ${str(d.keptReference)}`,
            body: <>Withdrawn as the same person as {caseLink(d.keptId, d.keptReference)}.</>,
          }
        : {
            title: `${str(d.mergedReference)} merged into this case`,
            body: <>{caseLink(d.mergedId, d.mergedReference)} was the same person; it is withdrawn.</>,
          };
    case 'duplicate_dismissed':
      return { title: 'Possible duplicate dismissed', body: <>Not the same person as {caseLink(d.otherId, null)}.</> };
    case 'exception_approved':
      return { title: 'Eligibility exception approved', body: 'The case may go on despite the current force’s records.' };
    case 'imported':
      return { title: 'Imported from the application form', body: `File ${str(d.fileName)}, line ${String(d.line as number)}.` };
    default:
      return { title: String(e.type).replaceAll('_', ' ') };
  }
}

/** The case's history as an MOJ timeline, newest first: who, when, what, why. */
export function Timeline({ id }: { id: number }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.applications.history.infiniteQueryOptions(
      { id, limit: 50 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined, refetchInterval: refreshIntervalMs },
    ),
  );
  if (!history.data) return <Loading what="Loading the history" />;
  const events = history.data.pages.flatMap((p) => p.items);
  return (
    <>
      <div className="moj-timeline">
        {events.map((e) => {
          const { title, body, list } = describe(e);
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
