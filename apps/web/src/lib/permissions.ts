import type { Role } from '@muster/contracts';

/**
 * Left only for the import page (features/intake/components/import-page.tsx), which another change
 * is rewriting: it should read `useMe().may.intake` from the server instead, and then this file goes.
 * Nothing else may use it: what a user may do comes from the API (`auth.me`'s `may`, a case's `actions`).
 *
 * @deprecated Use `useMe().may`.
 */
export const may = {
  intake: (role: Role) => role === 'resourcing',
};
