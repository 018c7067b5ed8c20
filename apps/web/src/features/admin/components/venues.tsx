import type { UnitCode, Venue } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Select, TextInput } from '../../../components/fields.tsx';
import { formErrors } from '../../../components/form-errors.ts';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { Table } from '../../../components/table.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { unitCodes, unitShortNames } from '../../../lib/labels.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** The server's path of each field → the id of its input. */
const fieldIds = { name: 'venue-name', address: 'venue-address', unit: 'venue-unit' };

/**
 * The places interviews take place in, as the publish form offers them: added here, and retired
 * (offered for no new slot; slots already there keep it).
 */
export function Venues() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const venues = useQuery(trpc.interviews.venues.queryOptions());
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [unit, setUnit] = useState('');
  const [retiring, setRetiring] = useState<Venue | null>(null);
  // What was last done, said in a success banner; `n` makes a repeat of the same words a new one.
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const announce = (text: string) => setDone((d) => ({ n: (d?.n ?? 0) + 1, text }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.interviews.venues.queryKey() });
  const add = useMutation(
    trpc.admin.addVenue.mutationOptions({
      onSuccess: (v) => {
        announce(`${v.name} added: it can be chosen for new interview slots.`);
        setName('');
        setAddress('');
        setUnit('');
        refresh();
      },
    }),
  );
  const retire = useMutation(
    trpc.admin.retireVenue.mutationOptions({
      onSuccess: (v) => {
        setRetiring(null);
        add.reset();
        announce(`${v.name} retired: it is no longer offered for new slots.`);
        refresh();
      },
      onError: refresh,
    }),
  );
  const { byField, summary } = formErrors(add.error, fieldIds, 'venue-name');
  const closeRetiring = () => {
    retire.reset();
    setRetiring(null);
  };
  return (
    <section className="app-section" aria-labelledby="venues-title">
      <h2 className="govuk-heading-m" id="venues-title">
        Interview places
      </h2>
      <Dialog isOpen={retiring !== null} title={retiring ? `Retire ${retiring.name}?` : ''} onClose={closeRetiring}>
        {retiring && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              retire.mutate({ id: retiring.id });
            }}
          >
            <ErrorSummary
              title="The place was not retired"
              errors={retire.error ? [{ href: '#venue-retire', text: errorMessage(retire.error) }] : []}
            />
            <p className="govuk-body">{retiring.address}</p>
            <p className="govuk-body">
              It will no longer be offered when slots are published or changed. Slots already there keep it.
            </p>
            <div className="govuk-button-group">
              <button id="venue-retire" type="submit" className="govuk-button govuk-button--warning" disabled={retire.isPending}>
                Retire place
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={closeRetiring}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Dialog>
      {done && <NotificationBanner key={done.n} variant="success" heading={done.text} />}
      {venues.isError && !venues.data && <p className="govuk-error-message">{errorMessage(venues.error)}</p>}
      {venues.data ? (
        venues.data.length ? (
          <Table
            label="Table of interview places"
            caption="Places offered for interview slots"
            captionClassName="govuk-visually-hidden"
            columns={[
              { label: 'Place' },
              { label: 'Address' },
              { label: 'Unit' },
              { label: <span className="govuk-visually-hidden">Actions</span> },
            ]}
          >
            {venues.data.map((v) => (
              <tr className="govuk-table__row" key={v.id}>
                <td className="govuk-table__cell">{v.name}</td>
                <td className="govuk-table__cell">{v.address}</td>
                <td className="govuk-table__cell">{v.unit ? unitShortNames[v.unit] : 'None'}</td>
                <td className="govuk-table__cell">
                  <button
                    type="button"
                    className="app-link-button govuk-link"
                    onClick={() => {
                      retire.reset();
                      setRetiring(v);
                    }}
                  >
                    Retire<span className="govuk-visually-hidden"> {v.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="govuk-body">No places are offered for interviews.</p>
        )
      ) : (
        !venues.isError && <Loading what="Loading the interview places" />
      )}
      <form
        noValidate
        aria-label="Add a place"
        className="govuk-!-width-two-thirds"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          add.mutate({ name, address, unit: unit ? (unit as UnitCode) : null });
        }}
      >
        <h3 className="govuk-heading-s">Add a place</h3>
        <ErrorSummary errors={summary} />
        <TextInput
          id="venue-name"
          label="Name"
          hint="As interviewers and candidates will read it, for example “MetCC Lambeth”. Adding a retired place's name again brings it back."
          value={name}
          errors={byField.name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          autoComplete="off"
        />
        <TextInput
          id="venue-address"
          label="Address"
          value={address}
          errors={byField.address}
          onChange={(e) => setAddress(e.target.value)}
          maxLength={200}
          autoComplete="off"
        />
        <Select
          id="venue-unit"
          label="Unit"
          hint="If the place is a unit's base."
          errors={byField.unit}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          options={[{ value: '', label: 'None' }, ...unitCodes.map((u) => ({ value: u, label: unitShortNames[u] }))]}
        />
        <button type="submit" className="govuk-button" disabled={add.isPending}>
          Add place
        </button>
      </form>
    </section>
  );
}
