import { z } from 'zod';
import { Id } from './common.ts';
import { unitCodes } from './vocabulary.ts';

/* What the admin manages: the reasons to close a case, and the access log. */

/* ---- close reasons ---- */

export const CloseKind = z.enum(['rejected', 'withdrawn'], {
  error: 'Choose whether this is a reason to reject or to withdraw.',
});
export type CloseKind = z.infer<typeof CloseKind>;

export const AddCloseReasonInput = z.object({
  kind: CloseKind,
  label: z
    .string({ error: 'Write the reason.' })
    .trim()
    .min(3, 'Write the reason.')
    .max(120, 'Keep the reason under 120 characters.'),
});
export type AddCloseReasonInput = z.infer<typeof AddCloseReasonInput>;

export const RetireCloseReasonInput = z.object({ id: z.number({ error: 'Choose a reason.' }).int().positive() });
export type RetireCloseReasonInput = z.infer<typeof RetireCloseReasonInput>;

/** Puts a retired reason back on the list (refused while an active one has the same kind and words). */
export const RestoreCloseReasonInput = z.object({ id: z.number({ error: 'Choose a reason.' }).int().positive() });
export type RestoreCloseReasonInput = z.infer<typeof RestoreCloseReasonInput>;

/** A reason to reject or withdraw; a retired one (`isActive` false) stays readable in the histories that cite it. */
export type CloseReason = { id: number; kind: CloseKind; label: string; isActive: boolean };

/* ---- access log ---- */

export const AccessLogInput = z.object({
  applicationId: Id.optional(),
  userId: z.number({ error: 'Choose a user.' }).int().positive().optional(),
  /** The `nextBefore` of the previous page. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AccessLogInput = z.infer<typeof AccessLogInput>;

export type AccessLogEntry = {
  id: number;
  at: string;
  /** `view`, `history`, `view_after_change` or `duplicates`: docs/API.md. */
  action: string;
  applicationId: number;
  reference: string;
  userId: number;
  userName: string;
};
export type AccessLogPage = { items: AccessLogEntry[]; nextBefore: number | null };

/* ---- outbox ---- */

/** A message in the outbox: sent (`sentAt`), or waiting for its next attempt with the last error. */
export type OutboxMessage = {
  id: number;
  messageId: string;
  template: string;
  to: string;
  toName: string;
  subject: string;
  body: string;
  hasCalendar: boolean;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
};

export type MessageTemplate = { name: string; subject: string; body: string };

/* ---- interview venues and limits ---- */

export const AddVenueInput = z.object({
  name: z.string({ error: 'Name the place.' }).trim().min(2, 'Name the place.').max(120, 'Keep the name under 120 characters.'),
  address: z
    .string({ error: 'Give the address.' })
    .trim()
    .min(3, 'Give the address.')
    .max(200, 'Keep the address under 200 characters.'),
  unit: z.enum(unitCodes, { error: 'Choose a unit, or none.' }).nullable().default(null),
});
export type AddVenueInput = z.infer<typeof AddVenueInput>;

export const RetireVenueInput = z.object({ id: z.number({ error: 'Choose a place.' }).int().positive() });
export type RetireVenueInput = z.infer<typeof RetireVenueInput>;

export const SetInterviewLimitInput = z.object({
  userId: z.number({ error: 'Choose a person.' }).int().positive(),
  maxInterviewsPerDay: z
    .number({ error: 'Enter a number of interviews.' })
    .int('Enter a whole number of interviews.')
    .min(1, 'At least 1 interview a day.')
    .max(12, 'At most 12 interviews a day.'),
});
export type SetInterviewLimitInput = z.infer<typeof SetInterviewLimitInput>;
