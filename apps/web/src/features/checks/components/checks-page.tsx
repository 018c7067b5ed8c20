import type { OverdueCheckItem, Route, UnitCode, WaitsOn } from '@muster/contracts';
import { routes, unitCodes, waitsOnValues } from '@muster/contracts/vocabulary';
import { useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading.tsx';
import { NotificationBanner } from '../../../components/notification-banner.tsx';
import { usePageTitle } from '../../../components/page-title.ts';
import { Table } from '../../../components/table.tsx';
import { formatDate } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { routeLabels, unitShortNames, waitsOnLabels } from '../../../lib/labels.ts';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../../lib/session.ts';
import { useChaseCheck, useOverdueChecks, useOverdueFilters } from '../hooks/use-overdue-checks.ts';
import { overdueCsv } from './overdue-csv.ts';

/** Resourcing's pre-employment dashboard: the overdue checks across cases, by who they wait on. */
export function ChecksPage() {
  usePageTitle('Overdue checks');
  const me = useMe();
  if (!me.may.checks) {
    return (
      <>
        <h1 className="govuk-heading-l">Overdue checks</h1>
        <p className="govuk-body">The pre-employment checks are kept by resourcing.</p>
      </>
    );
  }
  return <OverdueChecksPage />;
}

type Outcome = { n: number; kind: 'success' | 'important'; text: string };

function OverdueChecksPage() {
  const { filters, set } = useOverdueFilters();
  const overdue = useOverdueChecks(filters);
  const chase = useChaseCheck();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tell = (kind: Outcome['kind'], text: string) => setOutcome((o) => ({ n: (o?.n ?? 0) + 1, kind, text }));
  const total = overdue.data?.groups.reduce((n, g) => n + g.count, 0) ?? 0;

  const onChase = (i: OverdueCheckItem) =>
    chase.mutate(
      { id: i.applicationId, expectedVersion: i.version, check: i.check },
      {
        onSuccess: (r) =>
          tell(
            'success',
            r.isMessageQueued
              ? `${i.checkName} for ${i.reference} chased: an email to the candidate is queued.`
              : `${i.checkName} for ${i.reference} chased and recorded. Muster has no address for the ${r.toWhom.toLowerCase()}: contact them directly.`,
          ),
        onError: (e) => tell('important', errorMessage(e)),
      },
    );

  const download = () => {
    if (!overdue.data) return;
    const url = URL.createObjectURL(new Blob([overdueCsv(overdue.data)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'overdue-checks.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Overdue checks</h1>
      {outcome && <NotificationBanner key={outcome.n} variant={outcome.kind} heading={outcome.text} />}
      <p className="govuk-body">
        Pre-employment checks past their due date (the date requested plus the check&rsquo;s target days), on cases at
        pre-employment, oldest first.
      </p>
      <form
        className="app-filters"
        aria-label="Filter overdue checks"
        onSubmit={(ev) => {
          ev.preventDefault();
          const f = new FormData(ev.currentTarget);
          const get = (k: string) => (f.get(k) as string) || undefined;
          set({
            waitsOn: get('waitsOn') as WaitsOn,
            unit: get('unit') as UnitCode,
            route: get('route') as Route,
          });
        }}
        key={JSON.stringify(filters)}
      >
        <div className="govuk-grid-row">
          <FilterSelect
            name="waitsOn"
            label="Waits on"
            value={filters.waitsOn}
            options={waitsOnValues.map((w) => [w, waitsOnLabels[w]])}
          />
          <FilterSelect
            name="unit"
            label="Target unit"
            value={filters.unit}
            options={unitCodes.map((u) => [u, unitShortNames[u]])}
          />
          <FilterSelect name="route" label="Route" value={filters.route} options={routes.map((r) => [r, routeLabels[r]])} />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          <Link className="govuk-link" to="/checks">
            Clear filters
          </Link>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={download} disabled={!overdue.data}>
            Download CSV
          </button>
        </div>
      </form>
      {overdue.isPending ? (
        <Loading what="Loading the overdue checks" />
      ) : overdue.isError ? (
        <p className="govuk-error-message">{errorMessage(overdue.error)}</p>
      ) : !overdue.data.groups.length ? (
        <p className="govuk-body">No checks are overdue.</p>
      ) : (
        <>
          <p className="govuk-body">{plural(total, 'check')} overdue.</p>
          {overdue.data.groups.map((g) => (
            <section key={g.waitsOn} aria-labelledby={`waits-${g.waitsOn}`}>
              <h2 className="govuk-heading-m" id={`waits-${g.waitsOn}`}>
                {waitsOnLabels[g.waitsOn]} <span className="govuk-caption-m app-inline">({plural(g.count, 'check')})</span>
              </h2>
              <Table
                label={`Overdue checks waiting on: ${waitsOnLabels[g.waitsOn]}`}
                caption={`Waiting on ${waitsOnLabels[g.waitsOn].toLowerCase()}, oldest due first`}
                captionClassName="govuk-table__caption govuk-visually-hidden"
                columns={[
                  { label: 'Case' },
                  { label: 'Check' },
                  { label: 'Requested' },
                  { label: 'Due' },
                  { label: 'Overdue' },
                  { label: 'Last chased' },
                  { label: <span className="govuk-visually-hidden">Action</span> },
                ]}
                isBusy={overdue.isPlaceholderData}
              >
                {g.items.map((i) => (
                  <tr key={`${i.applicationId}-${i.check}`} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/cases/${i.applicationId}`}>
                        {i.name}
                      </Link>
                      <div className="govuk-body-s app-muted">{i.reference}</div>
                    </td>
                    <td className="govuk-table__cell">{i.checkName}</td>
                    <td className="govuk-table__cell">{i.requestedAt ? formatDate(i.requestedAt) : 'Not recorded'}</td>
                    <td className="govuk-table__cell">{formatDate(i.dueOn)}</td>
                    <td className="govuk-table__cell">
                      <strong className="govuk-tag govuk-tag--red">{plural(i.daysOverdue, 'day')}</strong>
                    </td>
                    <td className="govuk-table__cell">{i.lastChasedAt ? formatDate(i.lastChasedAt) : 'Never'}</td>
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        disabled={chase.isPending}
                        onClick={() => onChase(i)}
                      >
                        Chase
                        <span className="govuk-visually-hidden">
                          {' '}
                          {i.checkName} for {i.name}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </Table>
            </section>
          ))}
        </>
      )}
    </>
  );
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
}) {
  return (
    <div className="govuk-grid-column-one-third">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`filter-${name}`}>
          {label}
        </label>
        <select id={`filter-${name}`} name={name} className="govuk-select" defaultValue={value ?? ''}>
          <option value="">All</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
