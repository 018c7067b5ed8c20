/*
 * The limits of one CSV import and their refusals in words. No zod here: the dashboard checks a file
 * against them before reading it, without pulling the schemas into its bundle.
 */

/**
 * What one import may hold. Measured (docs/BENCHMARKS.md, "Import limits"): a file at these limits
 * is checked and written by the server within its 128 MB heap while other requests are answered.
 */
export const importLimits = {
  /** Applications (rows after the header) in one file. */
  maxRows: 25_000,
  /** The file as saved, in bytes: 25,000 applications of the form's export take about 4.8 MB. */
  maxFileBytes: 6_000_000,
  /** Characters in one value. The longest column, notes, takes 4,000. */
  maxFieldChars: 10_000,
  /** The file's bytes travel base64: 4 characters for every 3 bytes. */
  maxContentChars: Math.ceil(6_000_000 / 3) * 4,
} as const;

/** Rows of each kind (refused, flagged, other created, unchanged) a report lists; the counts cover them all. */
export const importReportRowsListed = 500;

const thousands = (n: number) => n.toLocaleString('en-GB');
const megabytes = (bytes: number) => `${(Math.ceil(bytes / 100_000) / 10).toLocaleString('en-GB')} MB`;

/** The refusals of the limits, in the words both the dashboard and the API use. */
export const importLimitMessages = {
  fileTooLarge: (bytes: number) =>
    `The file is ${megabytes(bytes)}; Muster imports files of at most ${megabytes(importLimits.maxFileBytes)} (about ${thousands(importLimits.maxRows)} applications) at a time. Split it into smaller files.`,
  tooManyRows: (rows: number) =>
    `The file has ${thousands(rows)} applications; Muster imports at most ${thousands(importLimits.maxRows)} at a time. Split it into smaller files.`,
  fieldTooLong: (line: number, column: string | null) =>
    `Line ${thousands(line)} has a value of over ${thousands(importLimits.maxFieldChars)} characters${column ? ` in ${column}` : ''}; no column takes that much (notes take up to 4,000). Check that it is the application form's export: a quote that is never closed makes one value of the rest of the file.`,
} as const;
