import { z } from 'zod';

export const Id = z.number({ error: 'Choose a case.' }).int().positive();
/** A reason chosen from the list admins keep. */
export const ReasonId = z.number({ error: 'Choose a reason from the list.' }).int().positive('Choose a reason from the list.');

export const ExpectedVersion = z
  .number({ error: 'The version you read is missing. Reload the case and try again.' })
  .int()
  .nonnegative();

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ error: 'Enter a real date as YYYY-MM-DD.' });
/** An instant, ISO 8601 with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'Enter a date and time in ISO 8601.' });

export const Reason = z
  .string({ error: 'Give a reason.' })
  .trim()
  .min(3, 'Give a reason of at least 3 characters.')
  .max(2000, 'Keep the reason under 2,000 characters.');

export const ApplicationWrite = z.object({ id: Id, expectedVersion: ExpectedVersion });

export const Cursor = z.string().max(200).optional();
export const PageSize = z.number().int().min(1).max(100).default(25);
