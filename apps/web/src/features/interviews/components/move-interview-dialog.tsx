import type { AgendaInterview } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios, Textarea } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { unitShortNames } from '../../../lib/labels.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { slotWords } from './book-dialog.tsx';
import { candidateName } from './candidate-link.tsx';
import { interviewWords } from './interview-words.ts';
import { problemsOf, refusalTitle } from './problems.ts';

/** The server's path of each field → the id of its input. */
const fieldIds = { slotId: 'move-slot', reason: 'move-reason' };

/**
 * Moves a booked interview to another free slot of its unit, with why; a refusal lists every
 * reason the server gives (the panel's clashes and daily limits, the slot gone…).
 */
export function MoveInterviewDialog({
  interview,
  onClose,
  onMoved,
}: {
  interview: AgendaInterview | null;
  onClose: () => void;
  onMoved: (text: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const isOpen = interview !== null;
  const unit = interview?.unit;
  const slots = useQuery(
    trpc.interviews.slots.queryOptions({ ...(unit ? { unit } : {}), isFree: true }, { enabled: isOpen && unit !== undefined }),
  );
  const [slotId, setSlotId] = useState('');
  const [reason, setReason] = useState('');
  const move = useMutation(
    trpc.interviews.reschedule.mutationOptions({
      onSuccess: (detail, input) => {
        const slot = slots.data?.find((s) => s.id === input.slotId);
        setSlotId('');
        setReason('');
        refresh();
        onMoved(`${detail.firstName} ${detail.lastName}'s interview is moved${slot ? ` to ${slotWords(slot)}` : ''}.`);
      },
      // The slot may have gone or the case changed: what the dialog offers is fetched again.
      onError: refresh,
    }),
  );
  const close = () => {
    move.reset();
    setSlotId('');
    setReason('');
    onClose();
  };
  // Field errors at their fields; a refusal (every unmet condition) or anything else above the form and at the slots.
  const fields = formErrors(move.error, fieldIds, 'move-slot');
  const hasFieldErrors = Object.keys(fields.byField).length > 0;
  const summary = hasFieldErrors ? fields.summary : problemsOf(move.error, '#move-slot');
  const slotErrors = hasFieldErrors ? fields.byField.slotId : summary.map((p) => p.text);
  const free = slots.data ?? [];
  const unitName = unit ? unitShortNames[unit] : '';
  return (
    <Dialog
      isOpen={isOpen}
      title={interview ? `Move the interview for ${candidateName(interview.application)}` : ''}
      onClose={close}
    >
      {interview && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({
              id: interview.application.id,
              expectedVersion: interview.application.version,
              slotId: slotId ? Number(slotId) : Number.NaN,
              reason,
            });
          }}
        >
          <ErrorSummary title={refusalTitle(move.error)} errors={summary} />
          <p className="govuk-body">
            {interview.application.reference}, {unitName}. Booked now: {interviewWords(interview)}.
          </p>
          {slots.isError && <p className="govuk-error-message">{errorMessage(slots.error)}</p>}
          {slots.data ? (
            free.length ? (
              <Radios
                id="move-slot"
                legend={`Move to a free ${unitName} slot`}
                hint="In the next 4 weeks, soonest first. London time."
                errors={slotErrors?.length ? slotErrors : undefined}
                value={slotId}
                onChange={setSlotId}
                options={free.map((s) => ({ value: String(s.id), label: slotWords(s) }))}
              />
            ) : (
              <p className="govuk-body" id="move-slot">
                There are no free {unitName} slots in the next 4 weeks. Publish some first.
              </p>
            )
          ) : (
            !slots.isError && <Loading what="Loading the free slots" />
          )}
          <Textarea
            id="move-reason"
            label="Why is the interview moving?"
            hint="The candidate and the panel are sent the new time. The reason is kept in the case's history."
            errors={fields.byField.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="govuk-button-group">
            {free.length > 0 && (
              <button type="submit" className="govuk-button" disabled={move.isPending}>
                Move interview
              </button>
            )}
            <button type="button" className="govuk-button govuk-button--secondary" onClick={close}>
              Keep it as it is
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
