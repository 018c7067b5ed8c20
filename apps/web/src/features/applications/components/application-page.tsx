import type { ApplicationDetail, Stage } from '@muster/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link.tsx';
import { Loading } from '../../../components/loading.tsx';
import { useApplicationMove } from '../../../components/moves/use-application-move.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { formatDate, formatDateTime, formatLongDate } from '../../../lib/dates.ts';
import { errorCode, errorMessage } from '../../../lib/errors.ts';
import {
  describeMatches,
  metValueLabels,
  moveLabel,
  pipelineStages,
  stageLabels,
  stageTagClass,
  unitShortNames,
} from '../../../lib/labels.ts';
import { useMe } from '../../../lib/session.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import type { Reference } from '@muster/contracts';
import { useTRPC } from '../../../lib/trpc.ts';
import { doneOutcome, WriteOutcomeContext, type WriteOutcome } from '../hooks/use-application-write.ts';
import { ApplicationSummary } from './application-summary.tsx';
import { ChecksList } from './forms/checks-form.tsx';
import { DetailsForm } from './forms/details-form.tsx';
import { EligibilityForm, type ForceRecords } from './forms/eligibility-form.tsx';
import { ExceptionForm } from './forms/exception-form.tsx';
import { InductionForm } from './forms/induction-form.tsx';
import { InterviewBookings } from './interview-bookings.tsx';
import { MentorForm } from './forms/mentor-form.tsx';
import { NoteForm } from './forms/note-form.tsx';
import { GateTaskList } from './gate-task-list.tsx';
import { Section, SummaryList } from './section.tsx';
import { Timeline } from './timeline.tsx';
import { TsgPreAssessmentForm } from './forms/tsg-pre-assessment-form.tsx';

const order = (s: Stage) => pipelineStages.indexOf(s as (typeof pipelineStages)[number]);

export function ApplicationPage() {
  const id = Number(useParams().id);
  const trpc = useTRPC();
  const me = useMe();
  const location = useLocation();
  const get = useQuery(
    trpc.applications.get.queryOptions({ id }, { enabled: Number.isInteger(id) && id > 0, refetchInterval: refreshIntervalMs }),
  );
  const reference = useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  // The outcome of the last write made from this page, for this case; `n` counts them, so the
  // banner is announced and focused again after each one, even with the same words.
  const [outcome, setOutcome] = useState<{ id: number; n: number; of: WriteOutcome } | null>(null);
  const report = (of: WriteOutcome) => setOutcome((o) => ({ id, n: (o?.n ?? 0) + 1, of }));
  const move = useApplicationMove({
    onMoved: (_c, _to, moved) => {
      const done = doneOutcome(moved);
      if (done) report(done);
    },
  });
  const detail = get.data;
  usePageTitle(detail ? `${detail.firstName} ${detail.lastName} (${detail.reference})` : 'Case');

  // Links to #eligibility, #checks, … (from the task list or a refused move) land on that section.
  const isReady = Boolean(detail && reference.data);
  useEffect(() => {
    if (!isReady || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [isReady, location.hash, location.key]);

  if (get.isError) {
    const code = errorCode(get.error);
    return (
      <>
        <h1 className="govuk-heading-l">
          {code === 'NOT_FOUND'
            ? 'Case not found'
            : code === 'FORBIDDEN'
              ? 'You cannot see this case'
              : 'The case could not load'}
        </h1>
        <p className="govuk-body">{errorMessage(get.error)}</p>
        <p className="govuk-body">
          <Link to="/">Back to the board</Link>
        </p>
      </>
    );
  }
  if (!detail || !reference.data) return <Loading what="Loading the case" />;
  const name = `${detail.firstName} ${detail.lastName}`;
  const blockedMove = detail.nextMoves.find((m) => m.unmet.length > 0);
  // The server says which move comes first (`isPrimary`); the page shows it first, as the primary button.
  const moves = [...detail.nextMoves].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const shown = outcome?.id === detail.id ? outcome : null;
  const reroute = detail.reroute;

  return (
    <WriteOutcomeContext.Provider value={report}>
      <BackLink />
      {shown?.of.kind === 'done' && <NotificationBanner key={shown.n} variant="success" heading={shown.of.summary} />}
      {shown?.of.kind === 'conflict' && (
        <NotificationBanner key={shown.n} isAlert heading="Your change was not saved.">
          <p className="govuk-body">
            {shown.of.message} The page now shows the case as it stands; check it, then make your change again.
          </p>
        </NotificationBanner>
      )}
      {reroute && (
        <NotificationBanner
          heading={`Re-routed from ${unitShortNames[reroute.from]} to ${unitShortNames[reroute.to]} on ${formatLongDate(reroute.at)}${reroute.reason ? `: ${reroute.reason}` : '.'}`}
        />
      )}
      {me.may.intake && <DuplicateBanner id={detail.id} />}
      <div className="app-case-header">
        <div>
          <span className="govuk-caption-m">{detail.reference}</span>
          <h1 className="govuk-heading-l govuk-!-margin-bottom-2">{name}</h1>
          <p className="govuk-body">
            <strong className={`govuk-tag ${stageTagClass[detail.stage]}`}>{stageLabels[detail.stage]}</strong>
          </p>
        </div>
        {detail.nextMoves.length > 0 && (
          <div className="app-move-panel" role="group" aria-label="Move this case">
            {moves.map((m) => (
              <button
                key={m.to}
                type="button"
                disabled={move.isPending}
                className={m.isPrimary ? 'govuk-button' : 'govuk-button govuk-button--secondary'}
                aria-describedby={m.kind === 'forward' && m.unmet.length ? 'move-unmet' : undefined}
                onClick={() => move.requestMove({ id: detail.id, name, stage: detail.stage, version: detail.version }, m)}
              >
                {moveLabel(m)}
              </button>
            ))}
            {blockedMove && (
              <p className="govuk-body-s app-muted" id="move-unmet">
                {blockedMove.unmet.length === 1 ? '1 thing still stands' : `${blockedMove.unmet.length} things still stand`} in
                the way of the next stage.
              </p>
            )}
          </div>
        )}
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
          <Section id="gates" title="What the next stages need">
            <GateTaskList detail={detail} reference={reference.data} />
          </Section>
          {detail.actions.editDetails && (
            <Section id="details" title="Candidate's details">
              <p className="govuk-body">The details are in the summary. Correct them here; each change is kept in the history.</p>
              <details className="govuk-details app-form-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Edit details</span>
                </summary>
                <div className="govuk-details__text">
                  <DetailsForm detail={detail} reference={reference.data} />
                </div>
              </details>
            </Section>
          )}
          <ApplicationSections detail={detail} reference={reference.data} />
          <Section id="history" title="History">
            <Timeline id={detail.id} reference={reference.data} />
          </Section>
        </div>
        <div className="govuk-grid-column-one-third-from-desktop">
          <Section id="summary" title="Summary">
            <ApplicationSummary detail={detail} reference={reference.data} />
          </Section>
        </div>
      </div>
      {move.dialogs}
    </WriteOutcomeContext.Provider>
  );
}

const recordsLabel = { not_requested: 'Not requested', requested: 'Requested', received: 'Received' } as const;

function forceRecordRows(f: ForceRecords): [string, string][] {
  // Not given to this reader (need to know): resourcing holds the force's records.
  if (f.psdRecords == null) return [['Current force’s records and misconduct', 'Seen by resourcing only']];
  const records = (r: NonNullable<ForceRecords['psdRecords']>, outcome: ForceRecords['psdOutcome']) =>
    `${recordsLabel[r]}${outcome ? `, ${outcome === 'clear' ? 'clear' : 'referred'}` : ''}`;
  return [
    ['PSD records', records(f.psdRecords, f.psdOutcome)],
    ['OH records', records(f.ohRecords ?? 'not_requested', f.ohOutcome)],
    [
      'Open misconduct',
      f.hasOpenMisconduct == null ? 'Not known yet' : f.hasOpenMisconduct ? `Yes: ${f.misconductDetails ?? ''}` : 'No',
    ],
  ];
}

function NotYet({ children }: { children: string }) {
  return <p className="govuk-body app-muted">{children}</p>;
}

/** The record for each stage, with its form where the server says this user may write it now (`actions`). */
function ApplicationSections({ detail: d, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const may = d.actions;
  const reached = (s: Stage) => order(d.stage) >= order(s) || d.isClosed;
  const e = d.eligibility;
  const i = d.interview;
  // Open the eligibility form when there is nothing recorded yet, and leave it as the user set it after.
  const [isEligibilityOpen] = useState(!e);
  return (
    <>
      {d.disclosure === 'joiner' ? (
        <Section id="eligibility" title="Selection">
          <NotYet>
            The eligibility, interview and checks are kept to resourcing: you see what induction and mentoring need.
          </NotYet>
        </Section>
      ) : (
        <>
          <Section id="eligibility" title="Eligibility">
            {e ? (
              <SummaryList
                rows={[
                  ...reference.routeCriteria[d.route].map((k): [string, string] => [
                    k.label,
                    e.criteria[k.code] ? 'Met' : 'Not met',
                  ]),
                  ...(reference.units.find((u) => u.code === d.targetUnit)?.criteria ?? []).map((k): [string, string] => [
                    k.label,
                    e.unitCriteria[k.code] === undefined ? 'Not recorded' : e.unitCriteria[k.code] ? 'Met' : 'Not met',
                  ]),
                  ...(d.route === 'transferee' ? forceRecordRows(e) : []),
                  ...(e.exception
                    ? ([
                        [
                          'Exception approved',
                          `by ${e.exception.approvedBy} on ${formatDateTime(e.exception.approvedAt)}${e.exception.reason ? `: ${e.exception.reason}` : ''}`,
                        ],
                      ] as [string, string][])
                    : []),
                  ['Recorded', `by ${e.recordedBy} on ${formatDate(e.recordedAt)}`],
                ]}
              />
            ) : (
              <NotYet>Eligibility has not been recorded.</NotYet>
            )}
            {d.targetUnit === 'TSG' && (
              <>
                <h3 className="govuk-heading-s">TSG before the assessment</h3>
                <SummaryList
                  rows={[
                    [
                      'TSG mentor',
                      d.tsgPreAssessment?.mentor
                        ? `${d.tsgPreAssessment.mentor.name}, ${d.tsgPreAssessment.mentor.place}`
                        : 'None yet',
                    ],
                    ['Attachment or base visit', d.tsgPreAssessment?.hasBaseVisit ? 'Done' : 'Not done'],
                    ...(d.tsgPreAssessment
                      ? ([
                          ['Recorded', `by ${d.tsgPreAssessment.recordedBy} on ${formatDate(d.tsgPreAssessment.recordedAt)}`],
                        ] as [string, string][])
                      : []),
                  ]}
                />
                {may.recordTsgPreAssessment && <TsgPreAssessmentForm detail={d} />}
              </>
            )}
            {may.approveException && <ExceptionForm detail={d} />}
            {may.recordEligibility && (
              <details className="govuk-details app-form-details" open={isEligibilityOpen}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">{e ? 'Change eligibility' : 'Record eligibility'}</span>
                </summary>
                <div className="govuk-details__text">
                  <EligibilityForm detail={d} reference={reference} />
                </div>
              </details>
            )}
          </Section>

          <Section id="interview" title="Interview">
            <InterviewBookings detail={d} />
            {i ? (
              <SummaryList
                rows={[
                  ['Outcome', i.outcome === 'pass' ? 'Pass' : 'Fail'],
                  ...(i.scores
                    ? ([
                        [
                          'Scores',
                          Object.entries(i.scores)
                            .map(([k, v]) => `${metValueLabels[k as keyof typeof metValueLabels]} ${v}`)
                            .join(', '),
                        ],
                      ] as [string, string][])
                    : []),
                  ...(i.notes ? ([['Notes', i.notes]] as [string, string][]) : []),
                  ['Recorded', `by ${i.recordedBy} on ${formatDate(i.recordedAt)}`],
                ]}
              />
            ) : (
              <NotYet>
                {reached('interview') ? 'No interview outcome has been recorded.' : 'Recorded once the case is at interview.'}
              </NotYet>
            )}
          </Section>

          <Section id="checks" title="Pre-employment checks">
            {reached('pre_employment') || d.checks.some((c) => c.updatedAt) ? (
              <ChecksList detail={d} isEditable={may.updateChecks} />
            ) : (
              <NotYet>Checks start once the case is at pre-employment.</NotYet>
            )}
          </Section>
        </>
      )}

      <Section id="induction" title="Induction and posting">
        {d.induction ? (
          <SummaryList
            rows={[
              ['Course', `${formatDate(d.induction.courseStartsOn)}, ${d.induction.coursePlace}`],
              ['Start date', formatDate(d.induction.startDate)],
              ['Posting', `${d.induction.postingUnit}, ${d.induction.postingPlace}`],
              ['Booked', `by ${d.induction.bookedBy} on ${formatDate(d.induction.bookedAt)}`],
            ]}
          />
        ) : (
          <NotYet>{reached('induction') ? 'No induction is booked yet.' : 'Booked once the case is at induction.'}</NotYet>
        )}
        {may.bookInduction && <InductionForm detail={d} reference={reference} />}
      </Section>

      <Section id="mentoring" title="Mentor and buddy">
        {d.mentor || d.buddy ? (
          <SummaryList
            rows={[
              ['Mentor', d.mentor ? `${d.mentor.name}, ${d.mentor.unit}, ${d.mentor.place}` : 'Not assigned'],
              ['Buddy', d.buddy ? `${d.buddy.name}, ${d.buddy.unit}, ${d.buddy.place}` : 'Not assigned'],
            ]}
          />
        ) : (
          <NotYet>{reached('induction') ? 'No mentor or buddy assigned yet.' : 'Assigned from induction on.'}</NotYet>
        )}
        {may.assignMentor && <MentorForm detail={d} />}
      </Section>

      {may.addNote && (
        <Section id="notes" title="Add a note">
          <NoteForm detail={d} />
        </Section>
      )}
    </>
  );
}

/** Open duplicate flags on this case (either side), with a link to where they are resolved. */
function DuplicateBanner({ id }: { id: number }) {
  const trpc = useTRPC();
  const flags = useQuery(
    trpc.duplicates.list.queryOptions({ status: 'open', applicationId: id }, { refetchInterval: refreshIntervalMs }),
  );
  if (!flags.data?.length) return null;
  return (
    <div className="govuk-notification-banner app-banner--warning" role="region" aria-labelledby="duplicate-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="duplicate-title">
          Possible duplicate
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {flags.data.map((f) => {
          const other = f.application.id === id ? f.duplicateOf : f.application;
          return (
            <p className="govuk-notification-banner__heading" key={f.id}>
              This case may be the same person as{' '}
              <Link className="govuk-notification-banner__link" to={`/cases/${other.id}`}>
                {other.reference} ({other.firstName} {other.lastName})
              </Link>
              : {describeMatches(f.matches)}.
            </p>
          );
        })}
        <p className="govuk-body">
          <Link className="govuk-notification-banner__link" to="/duplicates">
            Merge or dismiss on the duplicates page
          </Link>
        </p>
      </div>
    </div>
  );
}
