import type { ListSort, ListSortKey } from '@muster/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Origin } from '../../../components/back-link.tsx';
import { Loading } from '../../../components/loading.tsx';
import { Table, type TableColumn } from '../../../components/table.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { routeLabels, stageLabels, stageTagClass, unitShortNames } from '../../../lib/labels.ts';
import { capitalise, countOf } from '../../../lib/plural.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';
import type { BoardFilters } from '../hooks/use-board-filters.ts';

const shown = 20;

const columns: TableColumn<ListSortKey>[] = [
  { label: 'Reference', sortBy: 'reference' },
  { label: 'Name', sortBy: 'name' },
  { label: 'Stage', sortBy: 'stage' },
  { label: 'Route', sortBy: 'route' },
  { label: 'Unit', sortBy: 'unit' },
];

const sortNames: Record<ListSortKey, string> = {
  created: 'newest first',
  reference: 'by reference',
  name: 'by name',
  stage: 'by stage',
  route: 'by route',
  unit: 'by unit',
};

/**
 * The cases a board search matches that are no longer on the board: onboarded, rejected or withdrawn,
 * each with its stage. One search finds a case wherever it is; the server decides which have ended
 * (`applications.list` with `isOpen: false`), counts them and sorts them.
 */
export function EndedMatches({
  filters,
  sort,
  onSort,
  backState,
}: {
  filters: BoardFilters;
  sort: ListSort;
  onSort: (sort: ListSort) => void;
  backState: { backTo: Origin };
}) {
  const trpc = useTRPC();
  const ended = useQuery(
    trpc.applications.list.queryOptions(
      { ...filters, isOpen: false, sort, limit: shown },
      { refetchInterval: refreshIntervalMs, placeholderData: keepPreviousData },
    ),
  );
  const items = ended.data?.items ?? [];
  const counted = ended.data ?? { total: 0, isTotalCapped: false };
  const order =
    sort.by === 'created' ? sortNames.created : `${sortNames[sort.by]}, ${sort.direction === 'ascending' ? 'A to Z' : 'Z to A'}`;
  return (
    <section className="govuk-!-margin-top-6" aria-labelledby="ended-matches">
      <h2 className="govuk-heading-m" id="ended-matches">
        Onboarded and closed cases matching “{filters.q}”
      </h2>
      {ended.isError && !ended.data ? (
        <p className="govuk-body">{errorMessage(ended.error)}</p>
      ) : !ended.data ? (
        <Loading what="Searching onboarded and closed cases" />
      ) : items.length === 0 ? (
        <p className="govuk-body">None: every case this search finds is on the board above.</p>
      ) : (
        <Table
          label="Ended cases the search found"
          caption={
            counted.isTotalCapped || counted.total > items.length
              ? `${capitalise(countOf(counted, 'case'))}, ${order}: the first ${items.length} shown. Add a word or a reference to narrow the search.`
              : `${countOf(counted, 'case')}, ${order}.`
          }
          columns={columns}
          sort={sort}
          onSort={onSort}
          isBusy={ended.isPlaceholderData}
        >
          {items.map((c) => (
            <tr className="govuk-table__row" key={c.id}>
              <td className="govuk-table__cell app-table__nowrap">
                <Link className="govuk-link" to={`/cases/${c.id}`} state={backState}>
                  {c.reference}
                </Link>
              </td>
              <td className="govuk-table__cell">
                {c.firstName} {c.lastName}
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${stageTagClass[c.stage]} app-tag--small`}>{stageLabels[c.stage]}</strong>
              </td>
              <td className="govuk-table__cell">{routeLabels[c.route]}</td>
              <td className="govuk-table__cell">{c.targetUnit ? unitShortNames[c.targetUnit] : 'Not chosen'}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
