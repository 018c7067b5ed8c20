import type { Route, Stage, TriageFilters, UnitCode } from '@muster/contracts';
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

/** Triage filters live in the address, so a filtered queue can be bookmarked, shared and saved as a view. */
export function useTriageFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  return {
    filters,
    setFilters: (next: QueueFilters) => setParams(paramsFromFilters(next)),
    key: paramsFromFilters(filters).toString(),
  };
}
