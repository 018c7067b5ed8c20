import type { ApplicationDetail, UpdateApplicationInput } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  CandidateFields,
  candidateFromDetail,
  candidateIds,
  candidateInput,
  type CandidateValues,
} from '../../../../components/candidate-fields.tsx';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import type { Reference } from '@muster/contracts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

const ids = candidateIds('edit');

/** Corrects the candidate's details (resourcing, open cases); each change goes in the history, from → to. */
export function DetailsForm({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const trpc = useTRPC();
  const [values, setValues] = useState<CandidateValues>(() => candidateFromDetail(detail));
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, (d) => {
    setValues(candidateFromDetail(d));
    setSaved(true);
  });
  const mutation = useMutation(trpc.applications.update.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, ids, ids.route);
  return (
    <form
      noValidate
      aria-label="Edit details"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const input = {
          ...candidateInput(values),
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
      <CandidateFields values={values} onChange={setValues} byField={byField} ids={ids} reference={reference} />
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save details
      </button>
    </form>
  );
}
