import type { ListSort, ListSortKey, Route, UnitCode } from '@muster/contracts';
import { useSearchParams } from 'react-router';
import { routes, unitCodes } from '../../../lib/labels.ts';

export type BoardFilters = { unit?: UnitCode; route?: Route; q?: string };

/** The columns the list of onboarded and closed matches sorts by (the server sorts). */
export const endedSortColumns = ['reference', 'name', 'stage', 'route', 'unit'] as const satisfies readonly ListSortKey[];
/** Newest first: the API's default, with no parameters in the address. */
export const newestFirst: ListSort = { by: 'created', direction: 'descending' };

function sortFromParams(params: URLSearchParams): ListSort {
  const known = endedSortColumns.find((c) => c === params.get('sort'));
  if (!known) return newestFirst;
  return { by: known, direction: params.get('dir') === 'desc' ? 'descending' : 'ascending' };
}

function withSort(params: URLSearchParams, sort: ListSort): URLSearchParams {
  if (sort.by !== newestFirst.by) {
    params.set('sort', sort.by);
    if (sort.direction === 'descending') params.set('dir', 'desc');
  }
  return params;
}

/**
 * Board filters live in the address (?unit=TSG&route=transferee&q=kent), so a filtered board can be
 * bookmarked and shared; so does the sort of the onboarded and closed cases a search also finds
 * (&sort=name&dir=desc), which a new search keeps.
 */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit');
  const route = params.get('route');
  const q = params.get('q')?.trim().slice(0, 100);
  const filters: BoardFilters = {
    ...(unit && (unitCodes as readonly string[]).includes(unit) ? { unit: unit as UnitCode } : {}),
    ...(route && (routes as readonly string[]).includes(route) ? { route: route as Route } : {}),
    ...(q ? { q } : {}),
  };
  const endedSort = sortFromParams(params);
  const paramsOf = (f: BoardFilters) => {
    const out = new URLSearchParams();
    if (f.unit) out.set('unit', f.unit);
    if (f.route) out.set('route', f.route);
    if (f.q?.trim()) out.set('q', f.q.trim());
    return out;
  };
  return {
    filters,
    setFilters: (next: BoardFilters) => setParams(withSort(paramsOf(next), endedSort)),
    endedSort,
    setEndedSort: (next: ListSort) => setParams(withSort(paramsOf(filters), next)),
    // The filters alone: a new sort is the same board.
    key: paramsOf(filters).toString(),
  };
}
