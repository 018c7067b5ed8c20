import type { MentorKind, PoolPerson, UnitCode, UnitReference } from '@muster/contracts';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Radios, Select, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { errorCode, errorMessage } from '../../../lib/errors.ts';
import { useCreateMentor, useUpdateMentor } from '../hooks/use-pool.ts';
import { kindLabels } from './pool-words.ts';

/** The server's path of each field → the id of its input. */
const fieldIds = { name: 'pool-name', unit: 'pool-unit', place: 'pool-place', capacity: 'pool-capacity', kind: 'pool-kind' };

type Draft = { name: string; unit: string; place: string; capacity: string; kind: MentorKind };

const draftOf = (p: PoolPerson | null): Draft =>
  p
    ? { name: p.name, unit: p.unit, place: p.place, capacity: String(p.capacity), kind: p.kind }
    : { name: '', unit: '', place: '', capacity: '', kind: 'both' };

/** A number typed, or NaN for an empty box, which the server names as missing. */
const numberOf = (text: string) => (text.trim() ? Number(text.trim()) : Number.NaN);

/** Adds a person to the pool (`person` null) or changes one, at the version read. */
export function PersonDialog({
  isOpen,
  person,
  units,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  person: PoolPerson | null;
  units: UnitReference[];
  onClose: () => void;
  onSaved: (summary: string) => void;
}) {
  // Someone else changed the person while the form was open: said above the form, which starts again from them as they are now.
  const [conflict, setConflict] = useState<string | null>(null);
  const close = () => {
    setConflict(null);
    onClose();
  };
  return (
    <Dialog isOpen={isOpen} title={person ? `Change ${person.name}` : 'Add a person to the pool'} onClose={close}>
      {isOpen && (
        <PersonForm
          key={person ? `${person.id}-${person.version}` : 'new'}
          person={person}
          units={units}
          conflict={conflict}
          onConflict={setConflict}
          onClose={close}
          onSaved={(summary) => {
            setConflict(null);
            onSaved(summary);
          }}
        />
      )}
    </Dialog>
  );
}

function PersonForm({
  person,
  units,
  conflict,
  onConflict,
  onClose,
  onSaved,
}: {
  person: PoolPerson | null;
  units: UnitReference[];
  conflict: string | null;
  onConflict: (message: string) => void;
  onClose: () => void;
  onSaved: (summary: string) => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(person));
  const create = useCreateMentor((c) => onSaved(c.summary));
  const update = useUpdateMentor((c) => onSaved(c.summary));
  const mutation = person ? update : create;
  const error = mutation.error;
  const isConflict = errorCode(error) === 'CONFLICT';
  const { byField, summary } = formErrors(isConflict ? null : error, fieldIds, 'pool-name');
  const places = units.find((u) => u.code === draft.unit)?.places ?? [];
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const verb = person ? 'Save changes' : 'Add to the pool';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fields = {
          name: draft.name,
          unit: draft.unit as UnitCode,
          place: draft.place,
          capacity: numberOf(draft.capacity),
          kind: draft.kind,
        };
        if (person) {
          update.mutate(
            { id: person.id, expectedVersion: person.version, ...fields, isPaused: person.isPaused, isActive: person.isActive },
            { onError: (err) => errorCode(err) === 'CONFLICT' && onConflict(errorMessage(err)) },
          );
        } else {
          create.mutate(fields);
        }
      }}
    >
      <ErrorSummary errors={conflict ? [{ href: '#pool-name', text: conflict }] : summary} />
      <TextInput
        id="pool-name"
        label="Name"
        hint="With their rank, as joiners will know them, for example “PC Sam Lee”."
        value={draft.name}
        errors={byField.name}
        onChange={(e) => set({ name: e.target.value })}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
      />
      <Select
        id="pool-unit"
        label="Unit"
        placeholder="Choose a unit"
        value={draft.unit}
        errors={byField.unit}
        // A place belongs to its unit: another unit's places are offered afresh.
        onChange={(e) => set({ unit: e.target.value, place: '' })}
        options={units.map((u) => ({ value: u.code, label: u.name }))}
      />
      <Select
        id="pool-place"
        label="Place"
        hint={draft.unit ? 'Where they work from.' : 'Choose the unit first.'}
        placeholder="Choose a place"
        value={draft.place}
        errors={byField.place}
        onChange={(e) => set({ place: e.target.value })}
        options={places.map((p) => ({ value: p, label: p }))}
      />
      <TextInput
        id="pool-capacity"
        label="Capacity"
        hint="How many joiners they can take at once, as mentor and buddy together: 1 to 20."
        className="govuk-input--width-3"
        inputMode="numeric"
        value={draft.capacity}
        errors={byField.capacity}
        onChange={(e) => set({ capacity: e.target.value })}
        autoComplete="off"
      />
      <Radios
        id="pool-kind"
        legend="They can be a joiner's"
        value={draft.kind}
        errors={byField.kind}
        onChange={(v) => set({ kind: v as MentorKind })}
        options={(['both', 'mentor', 'buddy'] as const).map((k) => ({ value: k, label: kindLabels[k] }))}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={mutation.isPending}>
          {verb}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
