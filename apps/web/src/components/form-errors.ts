import { errorCode, errorMessage, fieldCodes, fieldErrors } from '../lib/errors.ts';
import type { SummaryError } from './error-summary.tsx';

/**
 * Turns a failed write into what a form shows: errors per field (by the server's dotted path) and the
 * GOV.UK error summary, each entry linking to its field. `fieldIds` maps a server path to the id of
 * the input it belongs to; paths without a field link to `fallbackId`, and their messages (or the
 * error's message, when it names no field) are `unplaced`, for the form to show at its fallback.
 */
export function formErrors(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackId: string,
): { byField: Record<string, string[]>; unplaced: string[]; summary: SummaryError[] } {
  if (!error) return { byField: {}, unplaced: [], summary: [] };
  // A stale version is explained by the case page's own banner; a conflict about a field (a full
  // induction course, `induction.course_full`) is shown at that field like any other.
  if (isStaleVersion(error)) return { byField: {}, unplaced: [], summary: [] };
  const entries = Object.entries(fieldErrors(error));
  if (!entries.length) {
    const text = errorMessage(error);
    return { byField: {}, unplaced: [text], summary: [{ href: `#${fallbackId}`, text }] };
  }
  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  const summary: SummaryError[] = [];
  for (const [path, messages] of entries) {
    const id = fieldIds[path] ?? fieldIds[path.split('.')[0] ?? ''];
    const shown = messages.map((text) => (fieldIds[path] || !path ? text : `${path}: ${text}`));
    if (id) (byField[path] ??= []).push(...messages);
    else unplaced.push(...shown);
    summary.push(...shown.map((text) => ({ href: `#${id ?? fallbackId}`, text })));
  }
  return { byField, unplaced, summary };
}

/** Someone else changed the case: a CONFLICT that names no field. */
export function isStaleVersion(error: unknown): boolean {
  return errorCode(error) === 'CONFLICT' && Object.keys(fieldCodes(error)).length === 0;
}
