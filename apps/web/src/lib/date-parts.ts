/*
 * A date as the GOV.UK date input collects it: day, month and year typed into three boxes. The
 * browser only reads the three parts into an ISO date (YYYY-MM-DD), or says which part is missing or
 * cannot be right; whether a date is allowed (not in the future, after the course starts…) is the
 * server's to say.
 */

export const dateParts = ['day', 'month', 'year'] as const;
export type DatePart = (typeof dateParts)[number];
export type DateParts = Record<DatePart, string>;

export const noDate: DateParts = { day: '', month: '', year: '' };

/** What is wrong with a date as typed, and the boxes to highlight. */
export type DateProblem = { message: string; parts: DatePart[] };

export type ParsedDate = { iso: string; problem?: undefined } | { iso?: undefined; problem: DateProblem };

/** The three parts of an ISO date, without leading zeros ("2007-03-07" → 7, 3, 2007); empty parts for none. */
export function datePartsOf(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return noDate;
  const [, year = '', month = '', day = ''] = m;
  return { day: String(Number(day)), month: String(Number(month)), year };
}

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month as a number 1 to 12, or as its name in full or its first three letters ("Mar", "march"). */
function monthOf(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const name = text.toLowerCase();
  const i = monthNames.findIndex((m) => m === name || (name.length === 3 && m.startsWith(name)));
  return i < 0 ? null : i + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function listed(parts: DatePart[]): string {
  return parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/**
 * Reads a date's three parts, GOV.UK's way. Nothing typed is an empty date (`iso: ''`), for the
 * server to ask for if it needs one. `label` starts each message: "Date of birth must include a month."
 */
export function parseDate(parts: DateParts, label: string): ParsedDate {
  const text = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = dateParts.filter((p) => !text[p]);
  if (missing.length === dateParts.length) return { iso: '' };
  if (missing.length) return { problem: { message: `${label} must include a ${listed(missing)}.`, parts: missing } };

  const month = monthOf(text.month);
  const notReal: DatePart[] = [];
  if (!/^\d{1,2}$/.test(text.day) || Number(text.day) < 1 || Number(text.day) > 31) notReal.push('day');
  if (month === null || month < 1 || month > 12) notReal.push('month');
  if (!/^\d+$/.test(text.year)) notReal.push('year');
  if (notReal.length) return { problem: { message: `${label} must be a real date.`, parts: notReal } };
  if (!/^\d{4}$/.test(text.year) || Number(text.year) < 1000) {
    return { problem: { message: `${label} must include a year with 4 numbers.`, parts: ['year'] } };
  }

  const year = Number(text.year);
  const day = Number(text.day);
  if (month === null || day > daysIn(year, month))
    return { problem: { message: `${label} must be a real date.`, parts: ['day'] } };
  return { iso: `${text.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/**
 * Reads every date of a form before it is sent: the ISO date of each, and what is wrong with those
 * that cannot be read (none: the form may be sent). `null` leaves a date out (a field not shown).
 */
export function readDates<K extends string>(
  dates: Record<K, { parts: DateParts; label: string } | null>,
): { isos: Record<K, string>; problems: Partial<Record<K, DateProblem>>; hasProblems: boolean } {
  const isos = {} as Record<K, string>;
  const problems: Partial<Record<K, DateProblem>> = {};
  for (const key of Object.keys(dates) as K[]) {
    const date = dates[key];
    if (!date) {
      isos[key] = '';
      continue;
    }
    const read = parseDate(date.parts, date.label);
    if (read.problem) problems[key] = read.problem;
    isos[key] = read.iso ?? '';
  }
  return { isos, problems, hasProblems: Object.keys(problems).length > 0 };
}

/**
 * A form's errors from its dates, shaped as `formErrors` shapes the server's: the message at each
 * field, and a summary entry linking to the first box in error. `ids` names each date input.
 */
export function dateErrors<K extends string>(
  problems: Partial<Record<K, DateProblem>>,
  ids: Record<K, string>,
): { byField: Record<string, string[]>; summary: { href: string; text: string }[] } {
  const byField: Record<string, string[]> = {};
  const summary: { href: string; text: string }[] = [];
  for (const key of Object.keys(problems) as K[]) {
    const problem = problems[key];
    if (!problem) continue;
    byField[key] = [problem.message];
    summary.push({ href: `#${ids[key]}-${problem.parts[0] ?? 'day'}`, text: problem.message });
  }
  return { byField, summary };
}
