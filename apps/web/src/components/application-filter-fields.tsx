import type { UnitCode } from '@muster/contracts';
import { Link } from 'react-router';
import { routeLabels, routes, unitShortNames } from '../lib/labels.ts';
import { Select, TextInput } from './fields.tsx';

/** The unit, route and text filters every case list offers (inside the list's own filter form). */
export function ApplicationFilterFields({
  idPrefix,
  units,
  unit,
  route,
  q,
}: {
  idPrefix: string;
  units: readonly UnitCode[];
  unit: string | undefined;
  route: string | undefined;
  q: string | undefined;
}) {
  return (
    <>
      <Select
        id={`${idPrefix}-unit`}
        name="unit"
        label="Target unit"
        placeholder="All units"
        defaultValue={unit ?? ''}
        key={`unit-${unit ?? ''}`}
        options={units.map((u) => ({ value: u, label: unitShortNames[u] }))}
      />
      <Select
        id={`${idPrefix}-route`}
        name="route"
        label="Route"
        placeholder="All routes"
        defaultValue={route ?? ''}
        key={`route-${route ?? ''}`}
        options={routes.map((r) => ({ value: r, label: routeLabels[r] }))}
      />
      <TextInput
        id={`${idPrefix}-q`}
        name="q"
        label="Search name, email or force, or a reference"
        type="search"
        defaultValue={q ?? ''}
        key={`q-${q ?? ''}`}
        maxLength={100}
        className="app-filters__search"
      />
    </>
  );
}

/** Apply, and a way back to the unfiltered list when any filter is in use. */
export function FilterActions({ hasFilters, clearTo }: { hasFilters: boolean; clearTo: string }) {
  return (
    <div className="app-filters__actions">
      <button type="submit" className="govuk-button govuk-button--secondary">
        Apply filters
      </button>
      {hasFilters && (
        <Link className="govuk-link" to={clearTo}>
          Clear filters
        </Link>
      )}
    </div>
  );
}
