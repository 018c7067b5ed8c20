import type { ApplicationDetail, RecordsRequest, UnitCode } from '@muster/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorSummary } from '../../../../components/error-summary.tsx';
import { Checkboxes, Radios, Select, Textarea } from '../../../../components/fields.tsx';
import { formErrors } from '../../../../components/form-errors.ts';
import type { Reference } from '@muster/contracts';
import { useTRPC } from '../../../../lib/trpc.ts';
import { useApplicationWrite } from '../../hooks/use-application-write.ts';

/**
 * What the current force tells us about a transferee: PSD and OH records, and any open misconduct.
 * Read loosely, as the API added these fields to the eligibility record later.
 */
export type ForceRecords = {
  psdRecords?: 'not_requested' | 'requested' | 'received' | null;
  psdOutcome?: 'clear' | 'refer' | null;
  ohRecords?: 'not_requested' | 'requested' | 'received' | null;
  ohOutcome?: 'clear' | 'refer' | null;
  hasOpenMisconduct?: boolean | null;
  misconductDetails?: string | null;
};

const recordsOptions = [
  { value: 'not_requested', label: 'Not requested' },
  { value: 'requested', label: 'Requested' },
  { value: 'received', label: 'Received' },
];
const outcomeOptions = [
  { value: 'clear', label: 'Clear' },
  { value: 'refer', label: 'Refer' },
];

const ids = {
  psdRecords: 'eligibility-psdRecords',
  psdOutcome: 'eligibility-psdOutcome',
  ohRecords: 'eligibility-ohRecords',
  ohOutcome: 'eligibility-ohOutcome',
  hasOpenMisconduct: 'eligibility-hasOpenMisconduct',
  misconductDetails: 'eligibility-misconductDetails',
  targetUnit: 'eligibility-targetUnit',
  criteria: 'eligibility-criteria',
  unitCriteria: 'eligibility-unitCriteria',
  notes: 'eligibility-notes',
};

/** Records eligibility against the route's criteria and the target unit's essential criteria. */
export function EligibilityForm({ detail, reference }: { detail: ApplicationDetail; reference: Reference }) {
  const trpc = useTRPC();
  const e = detail.eligibility;
  const [targetUnit, setTargetUnit] = useState<string>(detail.targetUnit ?? '');
  const [criteria, setCriteria] = useState<Record<string, boolean>>(e?.criteria ?? {});
  const [unitCriteria, setUnitCriteria] = useState<Record<string, boolean>>(e?.unitCriteria ?? {});
  const [notes, setNotes] = useState(e?.notes ?? '');
  const f = (e ?? {}) as ForceRecords;
  const [psdRecords, setPsdRecords] = useState<string>(f.psdRecords ?? 'not_requested');
  const [psdOutcome, setPsdOutcome] = useState<string>(f.psdOutcome ?? '');
  const [ohRecords, setOhRecords] = useState<string>(f.ohRecords ?? 'not_requested');
  const [ohOutcome, setOhOutcome] = useState<string>(f.ohOutcome ?? '');
  const [misconduct, setMisconduct] = useState<string>(f.hasOpenMisconduct == null ? '' : f.hasOpenMisconduct ? 'yes' : 'no');
  const [misconductDetails, setMisconductDetails] = useState(f.misconductDetails ?? '');
  const isTransferee = detail.route === 'transferee';
  const [saved, setSaved] = useState(false);
  const write = useApplicationWrite(detail.id, () => setSaved(true));
  const mutation = useMutation(trpc.applications.recordEligibility.mutationOptions(write));
  const { byField, summary } = formErrors(mutation.error, ids, ids.targetUnit);
  const routeCriteria = reference.routeCriteria[detail.route];
  const unit = reference.units.find((u) => u.code === targetUnit);
  return (
    <form
      noValidate
      aria-label="Record eligibility"
      onSubmit={(ev) => {
        ev.preventDefault();
        setSaved(false);
        const forceRecords = isTransferee
          ? {
              psdRecords: psdRecords as RecordsRequest,
              psdOutcome: psdRecords === 'received' && psdOutcome ? (psdOutcome as 'clear' | 'refer') : null,
              ohRecords: ohRecords as RecordsRequest,
              ohOutcome: ohRecords === 'received' && ohOutcome ? (ohOutcome as 'clear' | 'refer') : null,
              hasOpenMisconduct: misconduct === '' ? null : misconduct === 'yes',
              misconductDetails: misconduct === 'yes' ? misconductDetails || null : null,
            }
          : {};
        const input = {
          ...forceRecords,
          id: detail.id,
          expectedVersion: detail.version,
          targetUnit: targetUnit as UnitCode,
          criteria: Object.fromEntries(routeCriteria.map((k) => [k.code, criteria[k.code] ?? false])),
          unitCriteria: Object.fromEntries((unit?.criteria ?? []).map((k) => [k.code, unitCriteria[k.code] ?? false])),
          notes: notes || null,
        };
        mutation.mutate(input);
      }}
    >
      <ErrorSummary errors={summary} />
      {saved && !mutation.error && (
        <p className="govuk-body app-saved" role="status">
          Eligibility saved.
        </p>
      )}
      <Select
        id={ids.targetUnit}
        label="Target unit"
        placeholder="Choose a unit"
        value={targetUnit}
        errors={byField.targetUnit}
        onChange={(ev) => setTargetUnit(ev.target.value)}
        options={reference.units.map((u) => ({ value: u.code, label: u.name }))}
      />
      <Checkboxes
        id={ids.criteria}
        legend="Eligibility criteria met"
        hint="Tick each one the officer meets. Anything left unticked is recorded as not met."
        errors={byField.criteria}
        options={routeCriteria.map((k) => ({ value: k.code, label: k.label }))}
        checked={criteria}
        onChange={(code, isChecked) => setCriteria((c) => ({ ...c, [code]: isChecked }))}
      />
      {unit && unit.criteria.length > 0 && (
        <Checkboxes
          id={ids.unitCriteria}
          legend={`${unit.name}: essential criteria met`}
          errors={byField.unitCriteria}
          options={unit.criteria.map((k) => ({ value: k.code, label: k.label }))}
          checked={unitCriteria}
          onChange={(code, isChecked) => setUnitCriteria((c) => ({ ...c, [code]: isChecked }))}
        />
      )}
      {isTransferee && (
        <fieldset className="govuk-fieldset app-subform">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">From the current force</legend>
          <div className="app-inline-fields">
            <div>
              <Radios
                id={ids.psdRecords}
                legend="Professional standards (PSD) records"
                errors={byField.psdRecords}
                value={psdRecords}
                onChange={setPsdRecords}
                options={recordsOptions}
              />
              {psdRecords === 'received' && (
                <Radios
                  id={ids.psdOutcome}
                  legend="PSD outcome"
                  isInline
                  errors={byField.psdOutcome}
                  value={psdOutcome}
                  onChange={setPsdOutcome}
                  options={outcomeOptions}
                />
              )}
            </div>
            <div>
              <Radios
                id={ids.ohRecords}
                legend="Occupational health (OH) records"
                errors={byField.ohRecords}
                value={ohRecords}
                onChange={setOhRecords}
                options={recordsOptions}
              />
              {ohRecords === 'received' && (
                <Radios
                  id={ids.ohOutcome}
                  legend="OH outcome"
                  isInline
                  errors={byField.ohOutcome}
                  value={ohOutcome}
                  onChange={setOhOutcome}
                  options={outcomeOptions}
                />
              )}
            </div>
          </div>
          <Radios
            id={ids.hasOpenMisconduct}
            legend="Any open misconduct matter or investigation?"
            isInline
            errors={byField.hasOpenMisconduct}
            value={misconduct}
            onChange={setMisconduct}
            options={[
              { value: 'no', label: 'No' },
              { value: 'yes', label: 'Yes' },
              { value: '', label: 'Not known yet' },
            ]}
          />
          {misconduct === 'yes' && (
            <Textarea
              id={ids.misconductDetails}
              label="What is the matter or investigation?"
              value={misconductDetails}
              errors={byField.misconductDetails}
              onChange={(ev) => setMisconductDetails(ev.target.value)}
            />
          )}
        </fieldset>
      )}
      <Textarea
        id={ids.notes}
        label="Notes (optional)"
        value={notes}
        errors={byField.notes}
        onChange={(ev) => setNotes(ev.target.value)}
      />
      <button type="submit" className="govuk-button" disabled={mutation.isPending}>
        Save eligibility
      </button>
    </form>
  );
}
