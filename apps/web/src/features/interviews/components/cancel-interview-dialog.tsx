import type { AgendaInterview } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Textarea } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { candidateName } from './candidate-link.tsx';
import { interviewWords } from './interview-words.ts';
import { problemsOf, refusalTitle } from './problems.ts';

/** Cancels a booked interview, with why (kept in the case's history); the case waits for a slot again. */
export function CancelInterviewDialog({
  interview,
  onClose,
  onCancelled,
}: {
  interview: AgendaInterview | null;
  onClose: () => void;
  onCancelled: (text: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const [reason, setReason] = useState('');
  const cancel = useMutation(
    trpc.interviews.cancel.mutationOptions({
      onSuccess: (detail) => {
        setReason('');
        refresh();
        onCancelled(`${detail.firstName} ${detail.lastName}'s interview is cancelled.`);
      },
      onError: refresh,
    }),
  );
  const close = () => {
    cancel.reset();
    setReason('');
    onClose();
  };
  // A reason the server refused is shown at the box; anything else (the case changed, no interview booked) above it.
  const fields = formErrors(cancel.error, { reason: 'cancel-reason' }, 'cancel-reason');
  const summary = fields.byField.reason ? fields.summary : problemsOf(cancel.error, '#cancel-reason');
  return (
    <Dialog
      isOpen={interview !== null}
      title={interview ? `Cancel the interview for ${candidateName(interview.application)}?` : ''}
      onClose={close}
    >
      {interview && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate({ id: interview.application.id, expectedVersion: interview.application.version, reason });
          }}
        >
          <ErrorSummary title={refusalTitle(cancel.error)} errors={summary} />
          <p className="govuk-body">
            {interview.application.reference}: interview on {interviewWords(interview)}.
          </p>
          <p className="govuk-body">The candidate and the panel are told it is cancelled. The slot becomes free again.</p>
          <Textarea
            id="cancel-reason"
            label="Why is the interview cancelled?"
            hint="This is kept in the case's history."
            errors={fields.byField.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" disabled={cancel.isPending}>
              Cancel interview
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={close}>
              Keep the interview
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
