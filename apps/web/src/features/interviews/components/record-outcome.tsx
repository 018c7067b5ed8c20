import type { AgendaInterview } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBackState } from '../../../components/back-link.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios, Textarea } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { formatShortWeekdayDate, formatTimeRange } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { unitShortNames } from '../../../lib/labels.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { candidateName } from './candidate-link.tsx';
import { PanelScores, PanelStatus } from './panel-scores.tsx';
import { problemsOf, refusalTitle } from './problems.ts';

const outcomeWords = { pass: 'passed', fail: 'failed' } as const;

/**
 * An attended interview whose outcome is not yet recorded: the panel's scorecards as the server
 * shows them to the reader, and the outcome (pass or fail, with notes) recorded from them.
 */
export function OutcomeToRecord({ interview, onRecorded }: { interview: AgendaInterview; onRecorded: (text: string) => void }) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const backState = useBackState('Back to interviews');
  const view = useQuery(trpc.interviews.scorecards.queryOptions({ interviewId: interview.id }));
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const record = useMutation(
    trpc.interviews.recordOutcome.mutationOptions({
      onSuccess: (detail, input) => {
        refresh();
        onRecorded(`Outcome recorded: ${outcomeWords[input.outcome]} (${detail.firstName} ${detail.lastName}).`);
      },
      onError: refresh,
    }),
  );
  const name = candidateName(interview.application);
  const base = `outcome-${interview.id}`;
  const fields = formErrors(record.error, { outcome: base, notes: `${base}-notes` }, `${base}-form`);
  const summary = Object.keys(fields.byField).length ? fields.summary : problemsOf(record.error, `#${base}-form`);
  const titleId = `${base}-title`;
  return (
    <div className="app-outcome" role="region" aria-labelledby={titleId}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={titleId}>
        {interview.application.reference} {name}
      </h3>
      <p className="govuk-body-s app-muted">
        {formatShortWeekdayDate(interview.startsAt)}, {formatTimeRange(interview.startsAt, interview.endsAt)},{' '}
        {unitShortNames[interview.unit]}
      </p>
      {view.isError && !view.data && (
        <p className="govuk-body">The panel&apos;s scorecards could not load: {errorMessage(view.error)}</p>
      )}
      {!view.data && !view.isError && <Loading what="Loading the panel's scorecards" />}
      {view.data && (
        <>
          <PanelScores view={view.data} label={`Panel scores for ${name}`} />
          {!view.data.mine && !view.data.others.length && (
            <p className="govuk-body">No panel member&apos;s scorecard is shown to you.</p>
          )}
          <PanelStatus panel={view.data.panel} label={`Who on the panel has submitted a scorecard for ${name}`} />
        </>
      )}
      <form
        id={`${base}-form`}
        noValidate
        aria-label={`Record the outcome of ${name}'s interview`}
        onSubmit={(e) => {
          e.preventDefault();
          const text = notes.trim();
          record.mutate({
            id: interview.application.id,
            expectedVersion: interview.application.version,
            // An unchosen outcome goes as it is, for the server to say what is missing.
            outcome: outcome as 'pass' | 'fail',
            ...(text ? { notes: text } : {}),
          });
        }}
      >
        <ErrorSummary title={refusalTitle(record.error, 'The outcome was not recorded')} errors={summary} />
        <Radios
          id={base}
          legend={`Outcome for ${name}`}
          isInline
          options={[
            { value: 'pass', label: 'Pass' },
            { value: 'fail', label: 'Fail' },
          ]}
          errors={fields.byField.outcome}
          value={outcome}
          onChange={setOutcome}
        />
        <Textarea
          id={`${base}-notes`}
          label="Notes (optional)"
          errors={fields.byField.notes}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={record.isPending}>
            Record outcome<span className="govuk-visually-hidden"> for {name}</span>
          </button>
          <Link className="govuk-link" to={`/cases/${interview.application.id}#interview`} state={backState}>
            Open the case<span className="govuk-visually-hidden"> of {name}</span>
          </Link>
        </div>
      </form>
    </div>
  );
}
