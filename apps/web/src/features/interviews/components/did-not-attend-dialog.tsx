import type { AgendaInterview } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Textarea } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { formatShortWeekdayDate, formatTimeRange } from '../../../lib/dates.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { candidateName } from './candidate-link.tsx';
import { problemsOf } from './problems.ts';

/** Records that the candidate did not come, and why (kept in the case's history). */
export function DidNotAttendDialog({
  interview,
  onClose,
  onRecorded,
}: {
  interview: AgendaInterview | null;
  onClose: () => void;
  onRecorded: (text: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const [reason, setReason] = useState('');
  const record = useMutation(
    trpc.interviews.recordAttendance.mutationOptions({
      onSuccess: (detail) => {
        setReason('');
        refresh();
        onRecorded(`${detail.firstName} ${detail.lastName} did not attend: recorded.`);
      },
      onError: refresh,
    }),
  );
  const close = () => {
    record.reset();
    setReason('');
    onClose();
  };
  // A reason the server refused is shown at the box; anything else (the case changed, the interview has not started) above it.
  const fields = formErrors(record.error, { reason: 'attendance-reason' }, 'attendance-reason');
  const summary = fields.byField.reason ? fields.summary : problemsOf(record.error, '#attendance-reason');
  return (
    <Dialog
      isOpen={interview !== null}
      title={interview ? `${candidateName(interview.application)} did not attend` : ''}
      onClose={close}
    >
      {interview && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const text = reason.trim();
            record.mutate({
              id: interview.application.id,
              expectedVersion: interview.application.version,
              attended: false,
              ...(text ? { reason: text } : {}),
            });
          }}
        >
          <ErrorSummary errors={summary} />
          <p className="govuk-body">
            {interview.application.reference}: interview on {formatShortWeekdayDate(interview.startsAt)},{' '}
            {formatTimeRange(interview.startsAt, interview.endsAt)} at {interview.venue}.
          </p>
          <Textarea
            id="attendance-reason"
            label="Why did the candidate not attend?"
            hint="This is kept in the case's history."
            errors={fields.byField.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={record.isPending}>
              Record did not attend
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
