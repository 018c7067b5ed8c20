import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshIntervalMs } from '../../../lib/settings.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** The development days from a year ago on; cancelled ones too when asked. */
export function useDevelopmentDays(includeCancelled: boolean) {
  const trpc = useTRPC();
  return useQuery(
    trpc.developmentDays.list.queryOptions({ includeCancelled }, { refetchInterval: refreshIntervalMs, placeholderData: (p) => p }),
  );
}

/** After any write: the days, the coordinator's home, and (inviting writes to cases) the cases are fetched again. */
function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.developmentDays.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.coordination.home.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
  };
}

export function useCreateDevelopmentDay() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.developmentDays.create.mutationOptions({ onSuccess: refresh }));
}

export function useCancelDevelopmentDay() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.developmentDays.cancel.mutationOptions({ onSettled: refresh }));
}

export function useInviteToDevelopmentDay() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.developmentDays.invite.mutationOptions({ onSettled: refresh }));
}

export function useRecordDayAttendance() {
  const trpc = useTRPC();
  const refresh = useRefresh();
  return useMutation(trpc.developmentDays.recordAttendance.mutationOptions({ onSuccess: refresh }));
}
