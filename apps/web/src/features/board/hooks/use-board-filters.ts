import type { Route, UnitCode } from '@muster/contracts';
import { useSearchParams } from 'react-router';
import { routes, unitCodes } from '../../../lib/labels.ts';

export type BoardFilters = { unit?: UnitCode; route?: Route; q?: string };

/** Board filters live in the address (?unit=TSG&route=transferee&q=kent), so a filtered board can be bookmarked and shared. */
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
  const setFilters = (next: BoardFilters) => {
    const out = new URLSearchParams();
    if (next.unit) out.set('unit', next.unit);
    if (next.route) out.set('route', next.route);
    if (next.q?.trim()) out.set('q', next.q.trim());
    setParams(out);
  };
  return { filters, setFilters, key: params.toString() };
}
