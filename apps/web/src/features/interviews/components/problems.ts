import type { SummaryError } from '../../../components/error-summary.tsx';
import { errorCode, errorMessage, errorUnmet, fieldErrors } from '../../../lib/errors.ts';

/**
 * What a refused interview write says, for an error summary whose links go to `href`: every unmet
 * condition of a refusal (the server lists them all at once), else each field error, else the
 * server's message (someone else changed the case, the session ended…).
 */
export function problemsOf(error: unknown, href: string): SummaryError[] {
  if (!error || errorCode(error) === 'UNAUTHORIZED') return [];
  const unmet = errorUnmet(error);
  if (unmet.length) return unmet.map((u) => ({ href, text: u.message }));
  const fields = Object.values(fieldErrors(error)).flat();
  if (fields.length) return fields.map((text) => ({ href, text }));
  return [{ href, text: errorMessage(error) }];
}

/** A refusal's own words for the summary's title ("This interview cannot be booked into that slot."), if it was one. */
export function refusalTitle(error: unknown, otherwise = 'There is a problem'): string {
  return errorCode(error) === 'PRECONDITION_FAILED' ? errorMessage(error) : otherwise;
}
