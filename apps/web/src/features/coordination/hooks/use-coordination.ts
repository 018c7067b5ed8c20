import { useQuery } from '@tanstack/react-query';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** The coordinator's home, fetched again every so often. */
export function useCoordinationHome() {
  const trpc = useTRPC();
  return useQuery(trpc.coordination.home.queryOptions(undefined, { refetchInterval: refreshIntervalMs }));
}
