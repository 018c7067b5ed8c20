import type { AppRouter } from '@muster/api';
import { maxBatchCalls } from '@muster/contracts/limits';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { errorCode } from './errors.ts';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Called when any call finds the session gone; the app shell sends the user to sign in. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

function handleError(error: unknown) {
  if (errorCode(error) === 'UNAUTHORIZED') onUnauthorized?.();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleError }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // A failed sign-in is UNAUTHORIZED too; that one belongs to the login form.
      if (mutation.options.meta?.isLogin) return;
      handleError(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: true,
      retry: (failures, error) => {
        const code = errorCode(error);
        if (code && code !== 'INTERNAL_SERVER_ERROR' && code !== 'TIMEOUT') return false;
        return failures < 2;
      },
    },
  },
});

/** The server takes at most `maxBatchCalls` calls in a batch, and a sign-in only on its own. */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.path === 'auth.login',
      true: httpLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc', maxURLLength: 4000, maxItems: maxBatchCalls }),
    }),
  ],
});

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { isLogin?: boolean };
  }
}
