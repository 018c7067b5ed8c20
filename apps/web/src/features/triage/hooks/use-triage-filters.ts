import type { Route, Stage, TriageFilters, TriageSort, TriageSortKey, UnitCode } from '@muster/contracts';
import { useSearchParams } from 'react-router';
import { routes, stageLabels, unitCodes } from '../../../lib/labels.ts';

/** The queue's filters as the API takes them, every one optional (the API's defaults: review, unassigned). */
export type QueueFilters = Partial<TriageFilters>;

const stages = Object.keys(stageLabels) as Stage[];

/** Reads filters from the address (?stage=review&assignee=me&overdue=yes&q=kent), dropping anything unknown. */
export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const stage = params.get('stage');
  const unit = params.get('unit');
  const route = params.get('route');
  const assignee = params.get('assignee');
  const overdue = params.get('overdue');
  const q = params.get('q')?.trim().slice(0, 100);
  return {
    ...(stage && (stages as string[]).includes(stage) ? { stage: stage as Stage } : {}),
    ...(unit && (unitCodes as readonly string[]).includes(unit) ? { unit: unit as UnitCode } : {}),
    ...(route && (routes as readonly string[]).includes(route) ? { route: route as Route } : {}),
    ...(assignee === 'unassigned' || assignee === 'me' || assignee === 'any'
      ? { assignee }
      : assignee && /^[1-9]\d{0,9}$/.test(assignee)
        ? { assignee: Number(assignee) }
        : {}),
    ...(overdue === 'yes' ? { isOverdue: true } : overdue === 'no' ? { isOverdue: false } : {}),
    ...(q ? { q } : {}),
  };
}

/** The address for these filters; the API's defaults (review, unassigned) are left out, so one view has one address. */
export function paramsFromFilters(f: QueueFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.stage && f.stage !== 'review') out.set('stage', f.stage);
  if (f.unit) out.set('unit', f.unit);
  if (f.route) out.set('route', f.route);
  if (f.assignee !== undefined && f.assignee !== 'unassigned') out.set('assignee', String(f.assignee));
  if (f.isOverdue !== undefined) out.set('overdue', f.isOverdue ? 'yes' : 'no');
  if (f.q?.trim()) out.set('q', f.q.trim());
  return out;
}

/** The columns the queue sorts by (the server sorts); the first is the API's default. */
export const sortableColumns = ['received', 'reference', 'name', 'route', 'force'] as const satisfies readonly TriageSortKey[];
export const defaultSort: TriageSort = { by: 'received', direction: 'ascending' };

/** Reads the sort from the address (?sort=name&dir=desc); the default (oldest first) has no parameters. */
export function sortFromParams(params: URLSearchParams): TriageSort {
  const by = params.get('sort');
  const known = sortableColumns.find((c) => c === by);
  if (!known) return defaultSort;
  return { by: known, direction: params.get('dir') === 'desc' ? 'descending' : 'ascending' };
}

/** Adds the sort to an address's parameters, leaving the default out. */
function withSort(params: URLSearchParams, sort: TriageSort): URLSearchParams {
  if (sort.by !== defaultSort.by || sort.direction !== defaultSort.direction) {
    params.set('sort', sort.by);
    if (sort.direction === 'descending') params.set('dir', 'desc');
  }
  return params;
}

/**
 * Triage filters and sort live in the address, so a filtered, sorted queue can be bookmarked and
 * shared, and the filters saved as a view. Applying new filters keeps the sort.
 */
export function useTriageFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const sort = sortFromParams(params);
  return {
    filters,
    sort,
    setFilters: (next: QueueFilters) => setParams(withSort(paramsFromFilters(next), sort)),
    setSort: (next: TriageSort) => setParams(withSort(paramsFromFilters(filters), next)),
    key: paramsFromFilters(filters).toString(),
  };
}
