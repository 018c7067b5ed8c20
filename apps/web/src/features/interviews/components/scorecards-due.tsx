import type { AgendaInterview } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios, Textarea } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { Table } from '../../../components/table.tsx';
import { formatShortWeekdayDate, formatTimeRange } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { unitShortNames } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { CandidateLink, candidateName } from './candidate-link.tsx';
import { PanelScores, PanelStatus } from './panel-scores.tsx';
import { problemsOf, refusalTitle } from './problems.ts';

type DueInterview = AgendaInterview & { isOverdue: boolean };

const when = (i: Pick<AgendaInterview, 'startsAt' | 'endsAt'>) =>
  `${formatShortWeekdayDate(i.startsAt)}, ${formatTimeRange(i.startsAt, i.endsAt)}`;

const scoreOptions = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));

/**
 * Interviews the user sat on, attended, with no scorecard of theirs (the server's list), each with a
 * way to score it; the scorecard opens below the list and stays open once submitted, to show what
 * the server then lets the user see.
 */
export function ScorecardsDue({ interviews }: { interviews: DueInterview[] }) {
  // The interview being scored, kept as it was when opened: once scored it leaves the server's list.
  const [open, setOpen] = useState<AgendaInterview | null>(null);
  if (!interviews.length && !open) return null;
  return (
    <section className="app-section" aria-labelledby="scorecards-due-title">
      <h2 className="govuk-heading-m" id="scorecards-due-title">
        Scorecards due
      </h2>
      {interviews.length ? (
        <Table
          label="Interviews you are to score"
          caption={`${plural(interviews.length, 'scorecard')} due`}
          captionClassName="govuk-table__caption govuk-table__caption--s govuk-visually-hidden"
          columns={[
            { label: 'When' },
            { label: 'Candidate' },
            { label: 'Unit' },
            { label: <span className="govuk-visually-hidden">Status</span> },
            { label: <span className="govuk-visually-hidden">Actions</span> },
          ]}
        >
          {interviews.map((i) => (
            <tr className="govuk-table__row" key={i.id}>
              <td className="govuk-table__cell app-table__nowrap">{when(i)}</td>
              <td className="govuk-table__cell">
                <CandidateLink candidate={i.application} />
              </td>
              <td className="govuk-table__cell">{unitShortNames[i.unit]}</td>
              <td className="govuk-table__cell">
                {i.isOverdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}
              </td>
              <td className="govuk-table__cell app-table__nowrap">
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  aria-expanded={open?.id === i.id}
                  aria-controls={open?.id === i.id ? 'scorecard' : undefined}
                  onClick={() => setOpen(i)}
                >
                  Score this interview<span className="govuk-visually-hidden"> ({candidateName(i.application)})</span>
                </button>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="govuk-body">No scorecard is due from you.</p>
      )}
      {open && <ScorecardPanel key={open.id} interview={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

/** One interview's scorecard: the form until the user's own is in, then what the server shows them. */
function ScorecardPanel({ interview, onClose }: { interview: AgendaInterview; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useInterviewsRefresh();
  const viewKey = trpc.interviews.scorecards.queryKey({ interviewId: interview.id });
  const view = useQuery(trpc.interviews.scorecards.queryOptions({ interviewId: interview.id }));
  const [scores, setScores] = useState<Record<string, string>>({});
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [isSubmitted, setIsSubmitted] = useState(false);
  const submit = useMutation(
    trpc.interviews.submitScorecard.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(viewKey, next);
        setIsSubmitted(true);
        refresh();
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: viewKey }),
    }),
  );
  const name = candidateName(interview.application);
  const title = `Scorecard: ${interview.application.reference} ${name}`;
  const criteria = view.data?.criteria ?? [];
  const fieldIds = Object.fromEntries(
    criteria.flatMap((c) => [
      [`scores.${c.code}`, `scorecard-${c.code}`],
      [`evidence.${c.code}`, `scorecard-${c.code}-evidence`],
    ]),
  );
  const fields = formErrors(submit.error, fieldIds, 'scorecard-form');
  const hasFieldErrors = Object.keys(fields.byField).length > 0;
  const summary = hasFieldErrors ? fields.summary : problemsOf(submit.error, '#scorecard-form');

  return (
    <div className="app-scorecard" id="scorecard" role="region" aria-labelledby="scorecard-title">
      <h3 className="govuk-heading-m" id="scorecard-title">
        {title}
      </h3>
      <p className="govuk-body">
        Interview on {when(interview)} at {interview.venue}.
      </p>
      {isSubmitted && <NotificationBanner variant="success" heading={`Your scorecard for ${name} is submitted.`} />}
      {view.isError && !view.data && (
        <div className="govuk-error-summary" role="alert">
          <h4 className="govuk-error-summary__title">The scorecard could not load</h4>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{errorMessage(view.error)}</p>
          </div>
        </div>
      )}
      {!view.data && !view.isError && <Loading what="Loading the scorecard" />}
      {view.data &&
        (view.data.mine ? (
          <>
            <PanelScores view={view.data} label={`Scores for ${name}`} />
            {view.data.others.length === 0 && (
              <p className="govuk-body">No other panel member&apos;s scores are shown to you yet.</p>
            )}
            <h4 className="govuk-heading-s">The panel</h4>
            <PanelStatus panel={view.data.panel} label={`Where the panel's scorecards for ${name} stand`} />
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
              Close the scorecard
            </button>
          </>
        ) : (
          <form
            id="scorecard-form"
            noValidate
            aria-label={`Scorecard for ${name}`}
            onSubmit={(e) => {
              e.preventDefault();
              submit.mutate({
                interviewId: interview.id,
                scores: Object.fromEntries(
                  Object.entries(scores)
                    .filter(([, v]) => v)
                    .map(([k, v]) => [k, Number(v)]),
                ),
                evidence: Object.fromEntries(
                  Object.entries(evidence)
                    .map(([k, v]) => [k, v.trim()] as const)
                    .filter(([, v]) => v),
                ),
              });
            }}
          >
            <ErrorSummary title={refusalTitle(submit.error)} errors={summary} />
            <p className="govuk-body">You will see the others&apos; scores here once you have submitted yours.</p>
            {view.data.criteria.map((c) => (
              <div className="app-scorecard__criterion" key={c.code}>
                <Radios
                  id={`scorecard-${c.code}`}
                  legend={c.label}
                  hint="1 poor … 5 excellent"
                  isInline
                  options={scoreOptions}
                  errors={fields.byField[`scores.${c.code}`]}
                  value={scores[c.code] ?? ''}
                  onChange={(v) => setScores((s) => ({ ...s, [c.code]: v }))}
                />
                <Textarea
                  id={`scorecard-${c.code}-evidence`}
                  label={`Evidence for ${c.label.toLowerCase()}`}
                  hint="What the candidate said or did that supports your score."
                  errors={fields.byField[`evidence.${c.code}`]}
                  value={evidence[c.code] ?? ''}
                  onChange={(e) => setEvidence((s) => ({ ...s, [c.code]: e.target.value }))}
                />
              </div>
            ))}
            <h4 className="govuk-heading-s">The panel</h4>
            <PanelStatus panel={view.data.panel} label={`Where the panel's scorecards for ${name} stand`} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={submit.isPending}>
                Submit scorecard
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
                Cancel
              </button>
            </div>
          </form>
        ))}
    </div>
  );
}
