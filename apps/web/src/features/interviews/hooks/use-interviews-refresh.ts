import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * After a write to a slot or a booking: the agenda, every slot list and the cases it touched are
 * fetched again, so each section shows what the server now holds.
 */
export function useInterviewsRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.interviews.agenda.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.interviews.slots.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
  };
}
