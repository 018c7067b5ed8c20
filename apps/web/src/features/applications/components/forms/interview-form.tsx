import type { ApplicationDetail, InterviewScores } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Radios, Textarea } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { metValueLabels, metValues } from '../../../../lib/labels.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = {
  outcome: 'interview-outcome',
  notes: 'interview-notes',
  scores: 'interview-scores-professionalism',
  ...Object.fromEntries(metValues.map((v) => [`scores.${v}`, `interview-scores-${v}`])),
};

const scoreOptions = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));

/** Records the interview outcome: pass or fail, a 1–5 score for each Met value, and notes. */
export function InterviewForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const i = detail.interview;
  const [outcome, setOutcome] = useState<string>(i?.outcome ?? '');
  const [scores, setScores] = useState<Record<string, string>>(
    i ? Object.fromEntries(Object.entries(i.scores).map(([k, v]) => [k, String(v)])) : {},
  );
  const [notes, setNotes] = useState(i?.notes ?? '');
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => setSaved(true));
  const mutation = useMutation(trpc.applications.recordInterview.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, ids, ids.outcome);
  return (
    <form
      noValidate
      aria-label="Record the interview outcome"
      onSubmit={(ev) => {
        ev.preventDefault();
        setSaved(false);
        // Unanswered questions go as missing, so the server names each one.
        const sent = Object.fromEntries(metValues.filter((v) => scores[v]).map((v) => [v, Number(scores[v])])) as InterviewScores;
        mutation.mutate({
          id: detail.id,
          expectedVersion: detail.version,
          outcome: (outcome || undefined) as 'pass' | 'fail',
          scores: sent,
          notes: notes || null,
        });
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Interview outcome saved.
        </p>
      )}
      <Radios
        id={ids.outcome}
        legend="Outcome"
        isInline
        errors={byField.outcome}
        value={outcome}
        onChange={setOutcome}
        options={[
          { value: 'pass', label: 'Pass' },
          { value: 'fail', label: 'Fail' },
        ]}
      />
      <div className="app-scores">
        {metValues.map((v) => (
          <Radios
            key={v}
            id={`interview-scores-${v}`}
            legend={`${metValueLabels[v]} (1 to 5)`}
            isInline
            errors={byField[`scores.${v}`]}
            value={scores[v] ?? ''}
            onChange={(s) => setScores((all) => ({ ...all, [v]: s }))}
            options={scoreOptions}
          />
        ))}
      </div>
      <Textarea
        id={ids.notes}
        label="Interview notes"
        value={notes}
        errors={byField.notes}
        onChange={(ev) => setNotes(ev.target.value)}
      />
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save interview outcome
      </button>
    </form>
  );
}
