import type { ReactNode } from 'react';

/** Which way a column is sorted: the words of `aria-sort`, and of the API's sort. */
export type SortDirection = 'ascending' | 'descending';
export type TableSort<K extends string> = { by: K; direction: SortDirection };

/** A column's heading; with `sortBy`, a button that sorts the rows by it (on the server). */
export type TableColumn<K extends string> = {
  label: ReactNode;
  /** The column's name for the sort, as the API takes it. */
  sortBy?: K;
  className?: string;
};

/**
 * The next sort when a column's heading is pressed: the same column the other way, another column
 * ascending (A to Z, oldest first).
 */
export function nextSort<K extends string>(current: TableSort<K> | undefined, by: K): TableSort<K> {
  return current?.by === by && current.direction === 'ascending'
    ? { by, direction: 'descending' }
    : { by, direction: 'ascending' };
}

const arrow = {
  ascending: <path d="M6.5625 15.5L11 6.63125L15.4375 15.5H6.5625Z" fill="currentColor" />,
  descending: <path d="M15.4375 7L11 15.8687L6.5625 7L15.4375 7Z" fill="currentColor" />,
  none: (
    <>
      <path d="M8.1875 9.5L10.9609 3.95703L13.7344 9.5H8.1875Z" fill="currentColor" />
      <path d="M13.7344 12.0781L10.9609 17.6211L8.1875 12.0781H13.7344Z" fill="currentColor" />
    </>
  ),
};

/**
 * A GOV.UK table in a container of its own that scrolls sideways when the table is wider than the
 * page (at 200% zoom, on a narrow window), so the page itself never does. The container is a named
 * region that takes focus, so a keyboard user can scroll it too. Headings may sort (MOJ's sortable
 * table pattern: a button in each heading, `aria-sort` on the one in use); the rows come sorted from
 * the server, so `onSort` asks for the new order and the page fetches it.
 */
export function Table<K extends string = never>({
  label,
  caption,
  captionClassName = 'govuk-table__caption govuk-table__caption--s',
  columns,
  sort,
  onSort,
  id,
  className,
  isBusy,
  children,
}: {
  /** Names the scrolling region for screen readers, e.g. "Cases in the triage queue". */
  label: string;
  caption: ReactNode;
  /** The caption's classes; `govuk-visually-hidden` for a table its heading already names. */
  captionClassName?: string;
  columns: TableColumn<K>[];
  sort?: TableSort<K>;
  onSort?: (sort: TableSort<K>) => void;
  id?: string;
  className?: string;
  /** Rows being replaced by a fresh fetch (a new sort or filter): shown faded, marked busy. */
  isBusy?: boolean;
  /** The rows: `<tr className="govuk-table__row">` each. */
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table
        className={['govuk-table', 'app-table', isBusy ? 'app-table--stale' : '', className ?? ''].filter(Boolean).join(' ')}
        id={id}
        aria-busy={isBusy}
      >
        <caption className={captionClassName}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((c, i) => {
              const by = onSort ? c.sortBy : undefined;
              const direction = by !== undefined && sort?.by === by ? sort.direction : undefined;
              return (
                <th
                  key={i}
                  scope="col"
                  className={['govuk-table__header', c.className ?? ''].filter(Boolean).join(' ')}
                  aria-sort={by !== undefined ? (direction ?? 'none') : undefined}
                >
                  {by !== undefined && onSort ? (
                    <button type="button" className="app-sort-button" onClick={() => onSort(nextSort(sort, by))}>
                      {c.label}
                      <svg width="22" height="22" focusable="false" aria-hidden="true" viewBox="0 0 22 22" fill="none">
                        {arrow[direction ?? 'none']}
                      </svg>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="govuk-table__body">{children}</tbody>
      </table>
    </div>
  );
}
