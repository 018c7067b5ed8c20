// How long a case should take at each stage comes from the server (`reference.all`, settings.stageTargetDays).

/** How often the board and the case page fetch fresh data while open, in milliseconds. */
export const refreshIntervalMs = 20_000;

/** Cards fetched per "Show more" on a board column. */
export const columnPageSize = 50;
