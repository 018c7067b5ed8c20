import { fieldError } from '@muster/domain';

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
/** Lists by a date then id (a board column, the triage queue): the last row's date and id. */
export const isDateIdCursor = (v: unknown[]): v is [string, number] =>
  v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';
