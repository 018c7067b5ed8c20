import type { OpenStage } from '@muster/contracts';

/**
 * Days a case may sit in a stage before the board highlights it. One place to tune them.
 * Review should be quick; pre-employment checks (vetting above all) take longest.
 */
export const stageThresholdDays: Record<OpenStage, number> = {
  review: 14,
  interview: 21,
  pre_employment: 45,
  induction: 30,
  mentoring: 30,
};

/** How often the board and the case page fetch fresh data while open, in milliseconds. */
export const refreshIntervalMs = 20_000;

/** Cards fetched per "Show more" on a board column. */
export const columnPageSize = 50;
