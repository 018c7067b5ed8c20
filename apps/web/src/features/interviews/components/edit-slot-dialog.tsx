import type { Slot } from '@muster/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Checkboxes, DateInput, Select, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { dateErrors, datePartsOf, parseDate, type DateParts, type DateProblem } from '../../../lib/date-parts.ts';
import { formatShortWeekdayDate, formatTime, formatTimeRange, londonDateOf } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { roleLabels, unitShortNames } from '../../../lib/labels.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { useInterviewsRefresh } from '../hooks/use-interviews-refresh.ts';
import { problemsOf } from './problems.ts';

/** "Wed 9 Dec, 14:00 to 15:00" (London time). */
export const slotWhen = (s: Pick<Slot, 'startsAt' | 'endsAt'>) =>
  `${formatShortWeekdayDate(s.startsAt)}, ${formatTimeRange(s.startsAt, s.endsAt)}`;

/** The server's path of each field → the id of its input. */
const fieldIds = {
  venueId: 'slot-venue',
  panel: 'slot-panel',
  date: 'slot-date-day',
  startTime: 'slot-start',
  lengthMinutes: 'slot-length',
};

/** A number typed, or NaN for an empty box, which the server names as missing. */
const numberOf = (text: string) => (text.trim() ? Number(text.trim()) : Number.NaN);

/** What the form holds, starting from the slot as it is. */
type Draft = { venue: string; panel: Set<number>; date: DateParts; startTime: string; length: string };

const draftOf = (s: Slot): Draft => ({
  venue: String(s.venue.id),
  panel: new Set(s.panel.map((p) => p.id)),
  date: datePartsOf(londonDateOf(s.startsAt)),
  startTime: formatTime(s.startsAt),
  length: String(Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000)),
});

/** Changes a slot nobody is booked into: its place, panel, day and time, at the version read. */
export function EditSlotDialog({
  slot,
  onClose,
  onSaved,
}: {
  slot: Slot | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  return (
    <Dialog isOpen={slot !== null} title={slot ? `Change the slot on ${slotWhen(slot)}` : ''} onClose={onClose}>
      {/* A form of its own for each slot: it starts from that slot's values. */}
      {slot && <EditSlotForm key={slot.id} slot={slot} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function EditSlotForm({ slot, onClose, onSaved }: { slot: Slot; onClose: () => void; onSaved: (text: string) => void }) {
  const trpc = useTRPC();
  const refresh = useInterviewsRefresh();
  const venues = useQuery(trpc.interviews.venues.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const panellists = useQuery(trpc.interviews.panellists.queryOptions({ unit: slot.unit }, { staleTime: 60_000 }));
  const [draft, setDraft] = useState(() => draftOf(slot));
  const [dateProblem, setDateProblem] = useState<DateProblem | null>(null);
  const update = useMutation(
    trpc.interviews.updateSlot.mutationOptions({
      onSuccess: (s) => {
        refresh();
        onSaved(`The slot is changed: ${slotWhen(s)} at ${s.venue.name}.`);
      },
      // Someone may have booked or changed it meanwhile: the list is fetched again.
      onError: refresh,
    }),
  );
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const typed = dateProblem ? dateErrors({ date: dateProblem }, { date: 'slot-date' }) : null;
  const fields = formErrors(update.error, fieldIds, 'slot-venue');
  const hasFieldErrors = Object.keys(fields.byField).length > 0;
  const summary = typed ? typed.summary : hasFieldErrors ? fields.summary : problemsOf(update.error, '#slot-venue');
  const byField = typed ? typed.byField : fields.byField;
  // A retired place stays on the slots that have it: offered too, so the form starts from what the slot holds.
  const venueOptions = [
    ...(venues.data ?? []).map((v) => ({ value: String(v.id), label: `${v.name}, ${v.address}` })),
    ...(venues.data && !venues.data.some((v) => v.id === slot.venue.id)
      ? [{ value: String(slot.venue.id), label: `${slot.venue.name}, ${slot.venue.address} (retired)` }]
      : []),
  ];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const read = parseDate(draft.date, 'The date');
        setDateProblem(read.problem ?? null);
        if (read.problem) {
          update.reset();
          return;
        }
        update.mutate({
          id: slot.id,
          expectedVersion: slot.version,
          venueId: draft.venue ? Number(draft.venue) : Number.NaN,
          panel: [...draft.panel],
          date: read.iso,
          startTime: draft.startTime.trim(),
          lengthMinutes: numberOf(draft.length),
        });
      }}
    >
      <ErrorSummary errors={summary} />
      <p className="govuk-body">
        <strong>Unit:</strong> {unitShortNames[slot.unit]}
      </p>
      {venues.isError && <p className="govuk-error-message">{errorMessage(venues.error)}</p>}
      <Select
        id="slot-venue"
        label="Place"
        placeholder="Choose a place"
        errors={byField.venueId}
        value={draft.venue}
        onChange={(e) => set({ venue: e.target.value })}
        options={venueOptions}
      />
      {panellists.isError && <p className="govuk-error-message">{errorMessage(panellists.error)}</p>}
      {panellists.data ? (
        <Checkboxes
          id="slot-panel"
          legend="Panel"
          hint="Who sits on the panel for this slot."
          errors={byField.panel}
          options={panellists.data.map((p) => ({
            value: String(p.id),
            label: `${p.name} (${(roleLabels as Record<string, string>)[p.role] ?? p.role})`,
          }))}
          checked={Object.fromEntries([...draft.panel].map((id) => [String(id), true]))}
          onChange={(value, isChecked) => {
            const next = new Set(draft.panel);
            if (isChecked) next.add(Number(value));
            else next.delete(Number(value));
            set({ panel: next });
          }}
        />
      ) : (
        !panellists.isError && <Loading what="Loading who may sit on the panel" />
      )}
      <DateInput
        id="slot-date"
        legend="Date"
        hint="For example, 27 3 2026"
        errors={byField.date}
        errorParts={dateProblem?.parts}
        value={draft.date}
        onChange={(date) => set({ date })}
      />
      <div className="app-inline-fields">
        <TextInput
          id="slot-start"
          label="Start time"
          hint="London time, for example 09:30."
          className="govuk-input--width-5"
          inputMode="numeric"
          autoComplete="off"
          errors={byField.startTime}
          value={draft.startTime}
          onChange={(e) => set({ startTime: e.target.value })}
        />
        <TextInput
          id="slot-length"
          label="Length of the interview"
          hint="In minutes, for example 60."
          className="govuk-input--width-5"
          inputMode="numeric"
          autoComplete="off"
          errors={byField.lengthMinutes}
          value={draft.length}
          onChange={(e) => set({ length: e.target.value })}
        />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={update.isPending}>
          Save changes
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
