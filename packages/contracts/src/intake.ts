import { z } from 'zod';
import { ApplicationWrite, Cursor, Id, PageSize, Reason } from './common.ts';
import { ApplicationFields, checkCandidate, ListFilters, SortDirection } from './applications.ts';
import { importLimitMessages, importLimits } from './import-limits.ts';
import { Stage } from './enums.ts';

export * from './import-limits.ts';

/** The columns of the application form's CSV export, in order. */
export const importColumns = [
  'reference',
  'received_at',
  'route',
  'cohort_year',
  'first_name',
  'last_name',
  'email',
  'phone',
  'date_of_birth',
  'current_force',
  'rank',
  'warrant_number',
  'joined_force_on',
  'unit_preferences',
  'posting_preference',
  'specialist_skills',
  'notes',
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const ApplicationReference = z
  .string({ error: 'Enter the application reference.' })
  .trim()
  .min(1, 'Enter the application reference.')
  .max(40, 'Keep the reference under 40 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9/_-]*$/, 'A reference has letters, digits, -, _ or / only.');

/** One row of an import, after the CSV's text has been turned into typed values. */
export const ImportRow = ApplicationFields.extend({
  reference: ApplicationReference,
  receivedAt: z.iso.datetime({ offset: true, error: 'Enter when it was received as an ISO 8601 date or date and time.' }),
  notes: z.string().trim().max(4000, 'Keep the notes under 4,000 characters.').nullish(),
}).superRefine(checkCandidate);
export type ImportRow = z.infer<typeof ImportRow>;

export const StartImportInput = z.object({
  fileName: z.string().trim().max(200).default('upload.csv'),
  /** The file's bytes as saved, base64-encoded: the server works out the encoding (docs/import-format.md). */
  content: z
    .base64({ error: 'Send the file’s bytes, base64-encoded.' })
    .min(1, 'The file is empty.')
    .max(importLimits.maxContentChars, {
      // A base64 string's length in bytes; anything else gets zod's own message (it never reaches .max of a string).
      error: (issue) =>
        typeof issue.input === 'string' ? importLimitMessages.fileTooLarge(Math.floor((issue.input.length * 3) / 4)) : undefined,
    }),
  isDryRun: z.boolean(),
});
export type StartImportInput = z.infer<typeof StartImportInput>;

export type ImportRowResult = {
  line: number;
  reference: string;
  name: string;
  outcome: 'create' | 'unchanged' | 'refused';
  errors: string[];
  /** Cases this row looks like (the first case with each key it shares); it is still created, with a duplicate flag. */
  duplicates: { reference: string; matches: string[] }[];
};

/** Why a whole file was refused, as a stable code beside the words. */
export const ImportFileErrorCode = z.enum([
  'too_large',
  'too_many_rows',
  'field_too_long',
  'unclosed_quote',
  'utf16',
  'workbook',
  'not_text',
  'no_header',
  'bad_header',
  'no_rows',
]);
export type ImportFileErrorCode = z.infer<typeof ImportFileErrorCode>;
export type ImportFileError = { code: ImportFileErrorCode; message: string };
/** Something about the file worth knowing that did not stop it: e.g. it was read as Windows-1252. */
export type ImportNotice = { code: 'windows_1252'; message: string };

export type ImportReport = {
  fileName: string;
  isDryRun: boolean;
  isCommitted: boolean;
  /** How the file's bytes were read; null when they could not be. */
  encoding: 'utf-8' | 'windows-1252' | null;
  counts: { create: number; unchanged: number; refused: number; flagged: number };
  /**
   * The rows worth reading, in file order: the first `importReportRowsListed` refused rows, as many
   * flagged ones, as many other rows to create, and as many unchanged ones.
   */
  rows: ImportRowResult[];
  /** Rows the counts include but `rows` leaves out. */
  rowsNotListed: number;
  /** Problems with the file as a whole (size, encoding, header); when there are any, no row was read. */
  fileErrors: ImportFileError[];
  notices: ImportNotice[];
};

export type ImportJob = {
  id: string;
  phase: 'checking' | 'writing' | 'done' | 'failed';
  /** Rows checked, or (writing) applications written so far. */
  processed: number;
  total: number;
  report: ImportReport | null;
  error: string | null;
};

export const ImportJobInput = z.object({ jobId: z.string().uuid() });
export type ImportJobInput = z.infer<typeof ImportJobInput>;

/* ---- duplicates ---- */

export const DuplicateMatch = z.enum(['same_email', 'same_warrant', 'same_name_dob']);
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

export const ListDuplicatesInput = z.object({
  status: z.enum(['open', 'merged', 'dismissed']).default('open'),
  applicationId: Id.optional(),
});
export const ResolveDuplicateInput = z.object({
  flagId: z.number({ error: 'Choose a possible duplicate.' }).int().positive(),
  expectedVersion: z.number().int().nonnegative(),
  reason: Reason,
});
export type ResolveDuplicateInput = z.infer<typeof ResolveDuplicateInput>;
export type ListDuplicatesInput = z.infer<typeof ListDuplicatesInput>;

/** One side of a possible duplicate: the values the rules matched on, and where the case is. */
export type DuplicateSide = {
  id: number;
  reference: string;
  firstName: string;
  lastName: string;
  email: string;
  dateOfBirth: string | null;
  currentForce: string | null;
  warrantNumber: string | null;
  stage: z.infer<typeof Stage>;
  version: number;
  receivedAt: string;
};

/** A possible duplicate: the newer case (`application`) and the earlier one it looks like. */
export type DuplicateFlag = {
  id: number;
  matches: DuplicateMatch[];
  status: 'open' | 'merged' | 'dismissed';
  createdAt: string;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  application: DuplicateSide;
  duplicateOf: DuplicateSide;
};

/* ---- triage ---- */

export const TriageFilters = ListFilters.extend({
  stage: Stage.default('review'),
  /** `unassigned`, `me`, `any`, or a user id. */
  assignee: z.union([z.enum(['unassigned', 'me', 'any']), Id]).default('unassigned'),
  isOverdue: z.boolean().optional(),
});
export type TriageFilters = z.infer<typeof TriageFilters>;

/** The queue's columns it sorts by; `received` is the age of the case. Ties go by id. */
export const triageSortKeys = ['received', 'reference', 'name', 'route', 'force'] as const;
export type TriageSortKey = (typeof triageSortKeys)[number];
export const TriageSort = z.object({
  by: z.enum(triageSortKeys, { error: `Sort by one of: ${triageSortKeys.join(', ')}.` }),
  direction: SortDirection,
});
export type TriageSort = z.infer<typeof TriageSort>;

export const TriageQueueInput = TriageFilters.extend({
  /** Oldest first unless asked otherwise. */
  sort: TriageSort.default({ by: 'received', direction: 'ascending' }),
  cursor: Cursor,
  limit: PageSize,
});
export type TriageQueueInput = z.infer<typeof TriageQueueInput>;

export const AssignInput = z.object({
  cases: z.array(ApplicationWrite).min(1, 'Choose at least one case.').max(500, 'Assign at most 500 cases at once.'),
  /** `me`, or the id of a resourcing user; null takes the cases back to the queue. */
  assignee: z.union([z.literal('me'), Id, z.null()]),
});
export type AssignInput = z.infer<typeof AssignInput>;

export type TriageItem = {
  id: number;
  reference: string;
  firstName: string;
  lastName: string;
  route: z.infer<typeof ApplicationFields>['route'];
  targetUnit: string | null;
  unitPreferences: string[];
  currentForce: string | null;
  stage: z.infer<typeof Stage>;
  receivedAt: string;
  daysSinceReceived: number;
  isOverdue: boolean;
  assignee: { id: number; name: string } | null;
  openDuplicateFlags: number;
  version: number;
};

export const SaveViewInput = z.object({
  name: z.string({ error: 'Name the view.' }).trim().min(1, 'Name the view.').max(60, 'Keep the name under 60 characters.'),
  filters: TriageFilters.partial(),
});
export type SaveViewInput = z.infer<typeof SaveViewInput>;

export const DeleteViewInput = z.object({ id: z.number({ error: 'Choose a saved view.' }).int().positive() });
export type DeleteViewInput = z.infer<typeof DeleteViewInput>;

/** A saved view of the triage queue, as its owner named it. */
export type SavedView = { id: number; name: string; filters: SaveViewInput['filters'] };

/** A member of the resourcing team, to assign cases to. */
export type Reviewer = { id: number; name: string };
