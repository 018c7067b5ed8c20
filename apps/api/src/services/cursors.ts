import { countCap } from '@muster/contracts/limits';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './application-store.ts';
import type { SortDirection } from '@muster/contracts';
import { fieldError } from '@muster/domain';
import { asc, desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Bind } from './application-filters.ts';

/** Page links: the sort key of the last row shown, as opaque text. Shared by every list that pages. */
export const encodeCursor = (parts: (string | number)[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** The sort key in a page link, checked to have the list's shape; a link that is not one is a field error. */
export function decodeCursor<T extends unknown[]>(cursor: string | undefined, check: (v: unknown[]) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && check(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'That page link is not valid. Start again from the first page.', 'page.cursor_invalid');
}

/** Lists newest first: the last id shown. */
export const isIdCursor = (v: unknown[]): v is [number] => v.length === 1 && typeof v[0] === 'number';
/** Lists by a date then id (a board column): the last row's date and id. */
export const isDateIdCursor = (v: unknown[]): v is [string, number] =>
  v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

/** One key a list sorts by: its SQL, and the value a row shown has for it (what the page link keeps). */
export type SortKey<Row> = { sql: SQLWrapper; of: (row: Row) => string | number };

const asValue: Bind = (_name, value) => value;

/**
 * Keyset paging under a chosen sort: ORDER BY the keys then the id, all one way, and a page link
 * holding the sort's name, its direction and the last row's keys and id. The next page is the rows
 * after that one as a row value, `(k1, k2, id) > (v1, v2, id)` (`<` descending), so each row comes
 * once however many share a key. A link made under another sort is refused as not valid.
 */
export function keyset<Row extends { id: number }>(
  name: string,
  direction: SortDirection,
  keys: readonly SortKey<Row>[],
  id: SQLWrapper,
) {
  const isValue = (x: unknown) => typeof x === 'string' || typeof x === 'number';
  const isOurs = (v: unknown[]): v is [string, SortDirection, ...(string | number)[]] =>
    v.length === keys.length + 3 &&
    v[0] === name &&
    v[1] === direction &&
    v.slice(2).every(isValue) &&
    typeof v.at(-1) === 'number';
  const order = direction === 'ascending' ? asc : desc;
  const after = direction === 'ascending' ? sql.raw('>') : sql.raw('<');
  const columns = sql.join([...keys.map((k) => k.sql), id], sql`, `);
  return {
    orderBy: [...keys.map((k) => order(k.sql)), order(id)],
    /** The rows after the page link's, or undefined for the first page; values bound through `bind` for a prepared query. */
    after(cursor: string | undefined, bind: Bind = asValue): SQL | undefined {
      const link = decodeCursor(cursor, isOurs);
      if (!link) return undefined;
      const values = link.slice(2).map((v, i) => sql`${bind(`after${i}`, v)}`);
      return sql`(${columns}) ${after} (${sql.join(values, sql`, `)})`;
    },
    /** The link to the page after this row. */
    cursorOf: (row: Row) => encodeCursor([name, direction, ...keys.map((k) => k.of(row)), row.id]),
  };
}

/**
 * How many rows a condition matches, counting at most `countCap` + 1 of them: exact up to the cap,
 * else the cap with `isTotalCapped`. Every list that shows a total counts this way.
 */
export function cappedCount(
  db: Tx,
  table: SQLiteTable,
  where: SQL | undefined,
  /** The values of placeholders in `where`, if it has any. */
  values: Record<string, unknown> = {},
): { total: number; isTotalCapped: boolean } {
  const matches = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(countCap + 1)
    .as('matches');
  const n =
    db
      .select({ n: sql<number>`count(*)` })
      .from(matches)
      .get(values)?.n ?? 0;
  return { total: Math.min(n, countCap), isTotalCapped: n > countCap };
}
