import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc.ts';

/** The signed-in user. Only used under the app layout, which waits for it before rendering a page. */
export function useMe() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  if (!data) throw new Error('useMe() used outside the signed-in layout');
  return data;
}

/** Whether this tab has had a signed-in user: an UNAUTHORIZED after that means the session ended. */
export const sessionState = { hasBeenSignedIn: false };

/** A path inside the app to return to after signing in, never another site. */
export function safeReturnTo(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}
