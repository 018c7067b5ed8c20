import type { ApplicationDetail } from '@muster/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { isStaleVersion } from '../../../components/form-errors.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/**
 * What the last write made from a case page came to, as the page tells it: done (`summary`, the
 * server's words for the change it just recorded, `detail.lastChange.summary`), or refused because
 * someone else changed the case first (`message`, the server's words: who, what, when).
 */
export type WriteOutcome = { kind: 'done'; summary: string } | { kind: 'conflict'; message: string };

/** Where a write reports its outcome: the case page shows it in a banner. */
export const WriteOutcomeContext = createContext<(o: WriteOutcome) => void>(() => {});

/** The outcome of a write that went through, from the case the server returned; none if it names no change. */
export function doneOutcome(detail: ApplicationDetail): WriteOutcome | null {
  return detail.lastChange ? { kind: 'done', summary: detail.lastChange.summary } : null;
}

/**
 * What every write to a case does around the call: on success, show the case the server returned,
 * say what was done, and refresh its history and the board; on CONFLICT, tell the user who changed
 * it and show the case as it now stands. Field errors and refusals stay with the form that made the call.
 */
export function useApplicationWrite(id: number, onDone?: (detail: ApplicationDetail) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const report = useContext(WriteOutcomeContext);
  return {
    onSuccess: (detail: ApplicationDetail) => {
      queryClient.setQueryData(trpc.applications.get.queryKey({ id }), detail);
      const done = doneOutcome(detail);
      if (done) report(done);
      void queryClient.invalidateQueries({ queryKey: trpc.applications.history.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.applications.board.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.applications.column.pathKey() });
      onDone?.(detail);
    },
    onError: (error: unknown) => {
      if (isStaleVersion(error)) {
        report({ kind: 'conflict', message: errorMessage(error) });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.get.queryKey({ id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.applications.history.pathKey() });
      }
    },
  };
}
