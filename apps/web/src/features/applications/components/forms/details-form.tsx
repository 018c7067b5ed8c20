import type { ApplicationDetail, UpdateApplicationInput } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CandidateFields,
  candidateDateIds,
  candidateFromDetail,
  candidateIds,
  candidateInput,
  readCandidateDates,
  type CandidateDateProblems,
  type CandidateValues,
} from '../../../../components/candidate-fields.tsx';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { dateErrors } from '../../../../lib/date-parts.ts';
import type { Reference } from '@muster/contracts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = candidateIds('edit');
const dateIds = candidateDateIds('edit');

/** Corrects the candidate's details (resourcing, open cases); each change goes in the history, from → to. */
export function DetailsForm({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<CandidateValues>(() => candidateFromDetail(detail));
  const [saved, setSaved] = useState(false);
  // Dates that could not be read when the form was last sent: shown instead of sending it.
  const [dateProblems, setDateProblems] = useState<CandidateDateProblems>({});
  const write = useApplicationWrite(detail.id, (d) => {
    setValues(candidateFromDetail(d));
    setSaved(true);
  });
  const mutation = useMutation(trpc.applications.update.mutationOptions(write));
  const { byField, summary } = Object.keys(dateProblems).length
    ? dateErrors(dateProblems, dateIds)
    : formErrors(mutation.error, ids, ids.route);
  return (
    <form
      noValidate
      aria-label="Edit details"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const dates = readCandidateDates(values);
        setDateProblems(dates.problems);
        if (dates.hasProblems) {
          mutation.reset();
          return;
        }
        const input = {
          ...candidateInput(values, dates.isos),
          id: detail.id,
          expectedVersion: detail.version,
        } satisfies Partial<UpdateApplicationInput>;
        mutation.mutate(input);
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Details saved.
        </p>
      )}
      <CandidateFields
        values={values}
        onChange={setValues}
        byField={byField}
        ids={ids}
        reference={reference}
        dateProblems={dateProblems}
      />
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save details
      </button>
    </form>
  );
}
