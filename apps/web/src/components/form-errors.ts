import { errorCode, errorMessage, fieldCodes, fieldErrors } from '../lib/errors.ts';
import type { SummaryError } from './error-summary.tsx';

/**
 * Turns a failed write into what a form shows: errors per field (by the server's dotted path) and the
 * GOV.UK error summary, each entry linking to its field. `fieldIds` maps a server path to the id of
 * the input it belongs to; paths without a field link to `fallbackId`.
 */
export function formErrors(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackId: string,
): { byField: Record<string, string[]>; summary: SummaryError[] } {
  if (!error) return { byField: {}, summary: [] };
  // A stale version is explained by the case page's own banner; a conflict about a field (a full
  // induction course, `induction.course_full`) is shown at that field like any other.
  if (isStaleVersion(error)) return { byField: {}, summary: [] };
  const fields = fieldErrors(error);
  const entries = Object.entries(fields);
  if (!entries.length) return { byField: {}, summary: [{ href: `#${fallbackId}`, text: errorMessage(error) }] };
  const byField: Record<string, string[]> = {};
  const summary: SummaryError[] = [];
  for (const [path, messages] of entries) {
    const id = fieldIds[path] ?? fieldIds[path.split('.')[0] ?? ''] ?? fallbackId;
    if (fieldIds[path] || fieldIds[path.split('.')[0] ?? '']) (byField[path] ??= []).push(...messages);
    for (const text of messages) summary.push({ href: `#${id}`, text: fieldIds[path] || !path ? text : `${path}: ${text}` });
  }
  return { byField, summary };
}

/** Someone else changed the case: a CONFLICT that names no field. */
export function isStaleVersion(error: unknown): boolean {
  return errorCode(error) === 'CONFLICT' && Object.keys(fieldCodes(error)).length === 0;
}
