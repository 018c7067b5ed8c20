import type { OverdueChecksInput } from '@muster/contracts';
import { routes, unitCodes, waitsOnValues } from '@muster/contracts/vocabulary';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** The page's filters, kept in the URL (?waitsOn=&unit=&route=) so a link or a reload keeps them. */
export function useOverdueFilters() {
  const [params, setParams] = useSearchParams();
  const filters: OverdueChecksInput = {
    waitsOn: oneOf(waitsOnValues, params.get('waitsOn')),
    unit: oneOf(unitCodes, params.get('unit')),
    route: oneOf(routes, params.get('route')),
  };
  const set = (next: OverdueChecksInput) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    setParams(p);
  };
  return { filters, set };
}

/** The overdue checks of every case at pre-employment, grouped by who they wait on. */
export function useOverdueChecks(filters: OverdueChecksInput) {
  const trpc = useTRPC();
  const input = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as OverdueChecksInput;
  return useQuery(trpc.checks.overdue.queryOptions(input, { refetchInterval: refreshIntervalMs, placeholderData: (p) => p }));
}

/** A chaser from the list; the list (its last-chased dates and versions) and the case are fetched again. */
export function useChaseCheck() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.checks.chase.mutationOptions({
      onSettled: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.checks.overdue.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.get.pathKey() });
      },
    }),
  );
}
