import type { Role, Route, UnitCode } from '@muster/contracts';
import { Link } from 'react-router';
import { Select, TextInput } from '../../../components/fields.tsx';
import { routeLabels, routes, unitCodes, unitShortNames } from '../../../lib/labels.ts';
import type { BoardFilters as Filters } from '../hooks/use-board-filters.ts';

export function BoardFilters({
  filters,
  onApply,
  me,
}: {
  filters: Filters;
  onApply: (f: Filters) => void;
  me: { role: Role; units: UnitCode[] };
}) {
  const units = me.role === 'unit_lead' ? me.units : unitCodes;
  const hasFilters = Boolean(filters.unit || filters.route || filters.q);
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Filter the board"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const unit = String(data.get('unit') ?? '');
        const route = String(data.get('route') ?? '');
        onApply({
          ...(unit ? { unit: unit as UnitCode } : {}),
          ...(route ? { route: route as Route } : {}),
          q: String(data.get('q') ?? ''),
        });
      }}
    >
      <Select
        id="filter-unit"
        name="unit"
        label="Target unit"
        placeholder="All units"
        defaultValue={filters.unit ?? ''}
        key={`unit-${filters.unit ?? ''}`}
        options={units.map((u) => ({ value: u, label: unitShortNames[u] }))}
      />
      <Select
        id="filter-route"
        name="route"
        label="Route"
        placeholder="All routes"
        defaultValue={filters.route ?? ''}
        key={`route-${filters.route ?? ''}`}
        options={routes.map((r) => ({ value: r, label: routeLabels[r] }))}
      />
      <TextInput
        id="filter-q"
        name="q"
        label="Search name, email or force"
        type="search"
        defaultValue={filters.q ?? ''}
        key={`q-${filters.q ?? ''}`}
        maxLength={100}
        className="app-filters__search"
      />
      <div className="app-filters__actions">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        {hasFilters && (
          <Link className="govuk-link" to="/">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
