import type { PoolChange, UnitCode } from '@muster/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { unitCodes } from '../../../lib/labels.ts';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Which people the pool page lists: one unit's, or everyone's; retired people too when asked. */
export type PoolFilters = { unit?: UnitCode; includeRetired: boolean };

/**
 * The pool page's filters live in the address (/pool?unit=TSG&retired=1), so a filtered list can be
 * bookmarked and shared. A unit that is not one is no filter.
 */
export function usePoolFilters() {
  const [params, setParams] = useSearchParams();
  const unit = unitCodes.find((u) => u === params.get('unit'));
  const filters: PoolFilters = { ...(unit ? { unit } : {}), includeRetired: params.get('retired') === '1' };
  return { filters, setFilters: (next: PoolFilters) => setParams(searchOf(next)) };
}

/** The address's query for these filters. */
export function searchOf(filters: PoolFilters): string {
  const out = new URLSearchParams();
  if (filters.unit) out.set('unit', filters.unit);
  if (filters.includeRetired) out.set('retired', '1');
  const query = out.toString();
  return query ? `?${query}` : '';
}

export function usePool(filters: PoolFilters) {
  const trpc = useTRPC();
  return useQuery(
    trpc.mentors.list.queryOptions(
      { ...(filters.unit ? { unit: filters.unit } : {}), includeRetired: filters.includeRetired },
      { refetchInterval: refreshIntervalMs, placeholderData: (p) => p },
    ),
  );
}

/**
 * After a write to the pool, or a refusal that may mean someone else wrote first: every pool list,
 * the suggestions case pages show and the pool the other forms offer (reference.mentors) are fetched again.
 */
function usePoolRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.mentors.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reference.mentors.pathKey() });
  };
}

export function useCreateMentor(onCreated: (change: PoolChange) => void) {
  const trpc = useTRPC();
  const refresh = usePoolRefresh();
  return useMutation(
    trpc.mentors.create.mutationOptions({
      onSuccess: (change) => {
        refresh();
        onCreated(change);
      },
    }),
  );
}

/** A change of details, a pause or its end, retiring or bringing back: one write, at the version read. */
export function useUpdateMentor(onUpdated: (change: PoolChange) => void) {
  const trpc = useTRPC();
  const refresh = usePoolRefresh();
  return useMutation(
    trpc.mentors.update.mutationOptions({
      onSuccess: (change) => {
        refresh();
        onUpdated(change);
      },
      onError: refresh,
    }),
  );
}
