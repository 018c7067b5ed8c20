import { useSearchParams } from 'react-router';

/** Whose views of which case the access log shows: a case by its reference, a user by their id in Muster. */
export type AccessLogFilters = { reference?: string; userId?: number };

/**
 * The access log's filters live in the address (/admin?case=MUS-000041&user=3), so a filtered log
 * can be bookmarked and shared. A user that is not a whole number is no filter.
 */
export function useAccessLogFilters() {
  const [params, setParams] = useSearchParams();
  const reference = params.get('case')?.trim().slice(0, 100);
  const user = Number(params.get('user') ?? '');
  const filters: AccessLogFilters = {
    ...(reference ? { reference } : {}),
    ...(Number.isSafeInteger(user) && user > 0 ? { userId: user } : {}),
  };
  return { filters, setFilters: (next: AccessLogFilters) => setParams(searchOf(next)), key: params.toString() };
}

/** The address's query for these filters (`?case=…&user=…`), for a link that applies them. */
export function searchOf(filters: AccessLogFilters): string {
  const out = new URLSearchParams();
  if (filters.reference?.trim()) out.set('case', filters.reference.trim());
  if (filters.userId) out.set('user', String(filters.userId));
  return `?${out.toString()}`;
}

/** The case a reference names, among the cases a search for it found: the one with that reference, else the only one. */
export function caseNamed<T extends { reference: string }>(reference: string, found: T[]): T | undefined {
  return found.find((c) => c.reference.toUpperCase() === reference.toUpperCase()) ?? (found.length === 1 ? found[0] : undefined);
}
