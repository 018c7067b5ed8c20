import type { ApplicationDetail } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Textarea } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

/** An admin lets a case with open misconduct or referred records progress, saying why. */
export function ExceptionForm({ detail }: { detail: ApplicationDetail }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState('');
  const write = useApplicationWrite(detail.id, () => setReason(''));
  const mutation = useMutation(trpc.applications.approveException.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, { reason: 'exception-reason' }, 'exception-reason');
  return (
    <form
      noValidate
      aria-label="Approve an exception"
      className="app-subform"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ id: detail.id, expectedVersion: detail.version, reason });
      }}
    >
      <h3 className="govuk-heading-s">Approve an exception</h3>
      <ErrorSummary errors={summary} />
      <Textarea
        id="exception-reason"
        label="Why may this case go on despite the force's records?"
        hint="Kept in the case history and shown with the eligibility."
        value={reason}
        errors={byField.reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={mutation.isPending}>
        Approve the exception
      </button>
    </form>
  );
}
