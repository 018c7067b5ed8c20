/*
 * Limits the server enforces and the dashboard needs to know. No zod here: the dashboard imports this
 * entry (`@muster/contracts/limits`) as values without pulling the schemas into its bundle.
 */

/** Calls one batched request may carry (the dashboard's client batches up to this many; the server refuses more). */
export const maxBatchCalls = 10;

/** Lists count their matches up to this many; beyond it they say "more than" (`CountedPage.isTotalCapped`). */
export const countCap = 1000;

export * from './import-limits.ts';
