import type { Slot, WaitingCase } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios } from '../../../components/fields.tsx';
import { Loading } from '../../../components/loading.tsx';
import { formatShortWeekdayDate, formatTimeRange } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { unitShortNames } from '../../../lib/labels.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { candidateName } from './candidate-link.tsx';
import { problemsOf, refusalTitle } from './problems.ts';

/** "Wed 9 Dec, 14:00 to 15:00 at Lambeth Contact Centre (panel: Maria Costa)". */
export function slotWords(s: Slot): string {
  const panel = s.panel.length ? ` (panel: ${s.panel.map((p) => p.name).join(', ')})` : '';
  return `${formatShortWeekdayDate(s.startsAt)}, ${formatTimeRange(s.startsAt, s.endsAt)} at ${s.venue.name}${panel}`;
}

/** A slot whose start has passed is no choice to offer (the free-slot list runs from the start of today). */

/** Books a waiting case into one of its unit's free slots; a refusal lists every reason the server gives. */
export function BookDialog({
  waiting,
  onClose,
  onBooked,
}: {
  waiting: WaitingCase | null;
  onClose: () => void;
  onBooked: (text: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const isOpen = waiting !== null;
  const unit = waiting?.targetUnit ?? undefined;
  const slots = useQuery(trpc.interviews.slots.queryOptions({ ...(unit ? { unit } : {}), isFree: true }, { enabled: isOpen }));
  const [slotId, setSlotId] = useState('');
  const book = useMutation(
    trpc.interviews.book.mutationOptions({
      onSuccess: (detail, input) => {
        const slot = slots.data?.find((s) => s.id === input.slotId);
        setSlotId('');
        refresh();
        onBooked(`${detail.firstName} ${detail.lastName} is booked for interview${slot ? `: ${slotWords(slot)}` : ''}.`);
      },
      // The slot may have gone or the case moved on: what the dialog offers is fetched again.
      onError: refresh,
    }),
  );
  const close = () => {
    book.reset();
    setSlotId('');
    onClose();
  };
  // `isFree` slots are those still bookable: open, nobody in them, not yet started (the server decides).
  const free = slots.data ?? [];
  const problems = problemsOf(book.error, '#book-slot');
  return (
    <Dialog isOpen={isOpen} title={waiting ? `Book an interview for ${candidateName(waiting)}` : ''} onClose={close}>
      {waiting && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            book.mutate({ id: waiting.id, expectedVersion: waiting.version, slotId: slotId ? Number(slotId) : Number.NaN });
          }}
        >
          <ErrorSummary title={refusalTitle(book.error)} errors={problems} />
          <p className="govuk-body">
            {waiting.reference}, {waiting.targetUnit ? unitShortNames[waiting.targetUnit] : 'no target unit'}.
          </p>
          {slots.isError && <p className="govuk-error-message">{errorMessage(slots.error)}</p>}
          {slots.data ? (
            free.length ? (
              <Radios
                id="book-slot"
                legend={`Free ${unit ? `${unitShortNames[unit]} ` : ''}slots`}
                hint="In the next 4 weeks, soonest first. London time."
                errors={problems.map((p) => p.text)}
                value={slotId}
                onChange={setSlotId}
                options={free.map((s) => ({ value: String(s.id), label: slotWords(s) }))}
              />
            ) : (
              <p className="govuk-body" id="book-slot">
                There are no free {unit ? `${unitShortNames[unit]} ` : ''}slots in the next 4 weeks. Publish some first.
              </p>
            )
          ) : (
            !slots.isError && <Loading what="Loading the free slots" />
          )}
          <div className="govuk-button-group">
            {free.length > 0 && (
              <button type="submit" className="govuk-button" disabled={book.isPending}>
                Book interview
              </button>
            )}
            <button type="button" className="govuk-button govuk-button--secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
