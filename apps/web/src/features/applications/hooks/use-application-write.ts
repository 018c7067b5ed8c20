import type { ApplicationDetail } from '@muster/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { isStaleVersion } from '../../../components/form-errors.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useTRPC } from '../../../lib/trpc.ts';

export type ApplicationConflict = { message: string } | null;

export const ConflictContext = createContext<(c: ApplicationConflict) => void>(() => {});

/**
 * What every write to a case does around the call: on success, show the case the server returned
 * and refresh its history and the board; on CONFLICT, tell the user someone else changed it and show
 * the case as it now stands. Field errors and refusals stay with the form that made the call.
 */
export function useApplicationWrite(id: number, onDone?: (detail: ApplicationDetail) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reportConflict = useContext(ConflictContext);
  return {
    onSuccess: (detail: ApplicationDetail) => {
      queryClient.setQueryData(trpc.applications.get.queryKey({ id }), detail);
      reportConflict(null);
      void queryClient.invalidateQueries({ queryKey: trpc.applications.history.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.applications.column.pathKey() });
      onDone?.(detail);
    },
    onError: (error: unknown) => {
      if (isStaleVersion(error)) {
        reportConflict({ message: errorMessage(error) });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.get.queryKey({ id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.history.pathKey() });
      }
    },
  };
}
