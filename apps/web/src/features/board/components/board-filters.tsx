import type { Route, UnitCode } from '@muster/contracts';
import { ApplicationFilterFields, FilterActions } from '../../../components/application-filter-fields.tsx';
import { formText } from '../../../lib/form-data.ts';
import type { BoardFilters as Filters } from '../hooks/use-board-filters.ts';

export function BoardFilters({
  filters,
  onApply,
  me,
}: {
  filters: Filters;
  onApply: (f: Filters) => void;
  me: { may: { boardUnits: UnitCode[] } };
}) {
  // The units the server says this user's board can show.
  const units = me.may.boardUnits;
  const hasFilters = Boolean(filters.unit || filters.route || filters.q);
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Filter the board"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const unit = formText(data, 'unit');
        const route = formText(data, 'route');
        onApply({
          ...(unit ? { unit: unit as UnitCode } : {}),
          ...(route ? { route: route as Route } : {}),
          q: formText(data, 'q'),
        });
      }}
    >
      <ApplicationFilterFields idPrefix="filter" units={units} unit={filters.unit} route={filters.route} q={filters.q} />
      <FilterActions hasFilters={hasFilters} clearTo="/" />
    </form>
  );
}
