import { FilterActions } from '../../../components/application-filter-fields.tsx';
import { TextInput } from '../../../components/fields.tsx';
import { formText } from '../../../lib/form-data.ts';
import type { AccessLogFilters as Filters } from '../hooks/use-access-log-filters.ts';

/** Narrows the access log to one case, one user, or both. */
export function AccessLogFilters({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Filter the access log"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const user = Number(formText(data, 'user'));
        onApply({
          reference: formText(data, 'case'),
          ...(Number.isSafeInteger(user) && user > 0 ? { userId: user } : {}),
        });
      }}
    >
      <TextInput
        id="log-case"
        name="case"
        label="Case reference"
        hint="For example MUS-000041"
        defaultValue={filters.reference ?? ''}
        key={`case-${filters.reference ?? ''}`}
        maxLength={100}
        spellCheck={false}
        className="app-filters__search"
      />
      <TextInput
        id="log-user"
        name="user"
        label="User number"
        hint="Or choose a name in the log"
        inputMode="numeric"
        defaultValue={filters.userId ?? ''}
        key={`user-${filters.userId ?? ''}`}
        maxLength={9}
        className="govuk-input--width-5"
      />
      <FilterActions hasFilters={Boolean(filters.reference || filters.userId)} clearTo="/admin" />
    </form>
  );
}
