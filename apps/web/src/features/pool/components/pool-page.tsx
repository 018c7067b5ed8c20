import type { PoolPerson } from '@muster/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Select } from '../../../components/fields.tsx';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table } from '../../../components/table.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { unitCodes, unitShortNames } from '../../../lib/labels.ts';
import { useMe } from '../../../lib/session.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import { usePool, usePoolFilters, useUpdateMentor, type PoolFilters } from '../hooks/use-pool.ts';
import { PersonDialog } from './person-dialog.tsx';
import { joiners, kindLabels, statusOf } from './pool-words.ts';

/** The mentor and buddy pool, kept by coordinators (and the admin): who joiners can be given, and how full each is. */
export function PoolPage() {
  usePageTitle('Mentor pool');
  const me = useMe();
  if (!me.may.pool) {
    return (
      <>
        <h1 className="govuk-heading-l">Mentor pool</h1>
        <p className="govuk-body">The mentor and buddy pool is kept by the mentor coordinators.</p>
      </>
    );
  }
  return <Pool />;
}

/** The fields of an update that leaves the person as they are, at the version read; the change goes on top. */
const asIs = (p: PoolPerson) => ({
  id: p.id,
  expectedVersion: p.version,
  name: p.name,
  unit: p.unit,
  place: p.place,
  capacity: p.capacity,
  kind: p.kind,
  isPaused: p.isPaused,
  isActive: p.isActive,
});

function Pool() {
  const trpc = useTRPC();
  const { filters, setFilters } = usePoolFilters();
  const pool = usePool(filters);
  const reference = useQuery(trpc.reference.all.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  // What was last done, said in a success banner; `n` makes a repeat of the same words a new one.
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const announce = (text: string) => setDone((d) => ({ n: (d?.n ?? 0) + 1, text }));
  // The person being added ('new') or changed, and the one asked about retiring, by id: the freshest copy carries their version.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [retiringId, setRetiringId] = useState<number | null>(null);
  const find = (id: number | null) => (id === null ? null : (pool.data?.find((p) => p.id === id) ?? null));
  const editingPerson = typeof editing === 'number' ? find(editing) : null;
  const retiring = find(retiringId);
  // Pausing, resuming, retiring and bringing back: one write each, from the list.
  const change = useUpdateMentor((c) => {
    setRetiringId(null);
    announce(c.summary);
  });
  const act = (p: PoolPerson, to: { isPaused?: boolean; isActive?: boolean }) => {
    setDone(null);
    change.mutate({ ...asIs(p), ...to });
  };
  const units = reference.data?.units ?? [];
  const hasFilters = Boolean(filters.unit || filters.includeRetired);

  return (
    <>
      <div className="app-page-header">
        <div>
          <h1 className="govuk-heading-l app-page-header__title">Mentor pool</h1>
          <p className="govuk-body-s app-muted">
            Serving officers who mentor or buddy joiners, and how many joiners each has now.
          </p>
        </div>
        <button
          type="button"
          className="govuk-button app-page-header__action"
          disabled={!reference.data}
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
        >
          Add a person
        </button>
      </div>
      {/* The dialogs come before the banner: closing one gives focus back first, then the banner takes it. */}
      <PersonDialog
        isOpen={editing === 'new' || editingPerson !== null}
        person={editingPerson}
        units={units}
        onClose={() => setEditing(null)}
        onSaved={(text) => {
          setEditing(null);
          announce(text);
        }}
      />
      <Dialog
        isOpen={retiring !== null}
        title={retiring ? `Retire ${retiring.name} from the pool?` : ''}
        onClose={() => {
          change.reset();
          setRetiringId(null);
        }}
      >
        {retiring && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              act(retiring, { isActive: false });
            }}
          >
            <ErrorSummary
              title="They were not retired"
              errors={change.error ? [{ href: '#pool-retire', text: errorMessage(change.error) }] : []}
            />
            {retiring.load > 0 && (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  {retiring.name} has {joiners(retiring.load)} now. They keep {retiring.name} as mentor or buddy until you give
                  them someone else on their case.
                </strong>
              </div>
            )}
            <p className="govuk-body">Retired people are not suggested for any joiner. You can bring them back later.</p>
            <div className="govuk-button-group">
              <button id="pool-retire" type="submit" className="govuk-button govuk-button--warning" disabled={change.isPending}>
                Retire from the pool
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => {
                  change.reset();
                  setRetiringId(null);
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        )}
      </Dialog>
      {done && <NotificationBanner key={done.n} variant="success" heading={done.text} />}
      {change.error && retiring === null && (
        <ErrorSummary title="The change was not made" errors={[{ href: '#pool-table', text: errorMessage(change.error) }]} />
      )}
      <PoolFiltersForm key={`${filters.unit ?? ''}-${filters.includeRetired}`} filters={filters} onApply={setFilters} />
      {pool.isError && !pool.data && <p className="govuk-error-message">{errorMessage(pool.error)}</p>}
      {pool.data ? (
        pool.data.length ? (
          <Table
            id="pool-table"
            label="Table of the mentor pool"
            caption={`${pool.data.length === 1 ? '1 person' : `${pool.data.length} people`}${filters.unit ? ` in ${unitShortNames[filters.unit]}` : ''}`}
            isBusy={pool.isPlaceholderData}
            columns={[
              { label: 'Name' },
              { label: 'Unit' },
              { label: 'Place' },
              { label: 'Can be' },
              { label: 'Joiners', className: 'govuk-table__header--numeric' },
              { label: 'Status' },
              { label: <span className="govuk-visually-hidden">Actions</span> },
            ]}
          >
            {pool.data.map((p) => {
              const status = statusOf(p);
              return (
                <tr className="govuk-table__row" key={p.id}>
                  <td className="govuk-table__cell">{p.name}</td>
                  <td className="govuk-table__cell">{unitShortNames[p.unit]}</td>
                  <td className="govuk-table__cell">{p.place}</td>
                  <td className="govuk-table__cell">{kindLabels[p.kind]}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {p.load} of {p.capacity}
                  </td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${status.tag}`}>{status.label}</strong>
                  </td>
                  <td className="govuk-table__cell">
                    <ul className="govuk-summary-list__actions-list">
                      {p.isActive ? (
                        <>
                          <li className="govuk-summary-list__actions-list-item">
                            <RowAction label="Change" name={p.name} onClick={() => setEditing(p.id)} disabled={false} />
                          </li>
                          <li className="govuk-summary-list__actions-list-item">
                            <RowAction
                              label={p.isPaused ? 'Resume' : 'Pause'}
                              name={p.name}
                              disabled={change.isPending}
                              onClick={() => act(p, { isPaused: !p.isPaused })}
                            />
                          </li>
                          <li className="govuk-summary-list__actions-list-item">
                            <RowAction
                              label="Retire"
                              name={p.name}
                              disabled={change.isPending}
                              onClick={() => {
                                change.reset();
                                setRetiringId(p.id);
                              }}
                            />
                          </li>
                        </>
                      ) : (
                        <li className="govuk-summary-list__actions-list-item">
                          <RowAction
                            label="Bring back"
                            name={p.name}
                            disabled={change.isPending}
                            onClick={() => act(p, { isActive: true })}
                          />
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </Table>
        ) : (
          <p className="govuk-body">
            {hasFilters
              ? `Nobody${filters.unit ? ` in ${unitShortNames[filters.unit]}` : ''} is in the pool.`
              : 'Nobody is in the pool yet. Add the serving officers who mentor or buddy joiners.'}
          </p>
        )
      ) : (
        !pool.isError && <Loading what="Loading the mentor pool" />
      )}
    </>
  );
}

/** A link-styled button in a row, its person named for screen readers ("Pause PC Sam Lee"). */
function RowAction({ label, name, disabled, onClick }: { label: string; name: string; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="app-link-button govuk-link" disabled={disabled} onClick={onClick}>
      {label}
      <span className="govuk-visually-hidden"> {name}</span>
    </button>
  );
}

/** Which unit's people to list, and whether with those retired: applied to the address when sent. */
function PoolFiltersForm({ filters, onApply }: { filters: PoolFilters; onApply: (f: PoolFilters) => void }) {
  const [unit, setUnit] = useState<string>(filters.unit ?? '');
  const [includeRetired, setIncludeRetired] = useState(filters.includeRetired);
  const hasFilters = Boolean(filters.unit || filters.includeRetired);
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Filter the pool"
      onSubmit={(e) => {
        e.preventDefault();
        const chosen = unitCodes.find((u) => u === unit);
        onApply({ ...(chosen ? { unit: chosen } : {}), includeRetired });
      }}
    >
      <Select
        id="pool-filter-unit"
        label="Unit"
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        options={[{ value: '', label: 'All units' }, ...unitCodes.map((u) => ({ value: u, label: unitShortNames[u] }))]}
      />
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="pool-filter-retired"
              type="checkbox"
              checked={includeRetired}
              onChange={(e) => setIncludeRetired(e.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="pool-filter-retired">
              Show retired people
            </label>
          </div>
        </div>
      </div>
      <div className="app-filters__actions">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        {hasFilters && (
          <Link className="govuk-link" to="/pool">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
