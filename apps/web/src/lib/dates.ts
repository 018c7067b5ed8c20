const dayMs = 86_400_000;

/** Whole days since an ISO instant. */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / dayMs));
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "3 Mar 2026" for a date (YYYY-MM-DD) or an instant. */
export function formatDate(iso: string): string {
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return dateFormat.format(d);
}

const longDateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "17 November 2026" for a date (YYYY-MM-DD) or an instant, as GOV.UK writes dates in running text. */
export function formatLongDate(iso: string): string {
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : longDateFormat.format(d);
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/* ---------- London wall-clock times (interviews) ---------- */

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/London',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const weekdayDateFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'Europe/London',
});
const shortWeekdayDateFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'Europe/London',
});

const dateOrInstant = (iso: string) => (iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso));

/** The London calendar date (YYYY-MM-DD) of an instant. */
export function londonDateOf(iso: string | Date): string {
  return londonDateFormat.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** Today's date in London (YYYY-MM-DD), which is not always the UTC date. */
export function londonToday(now = new Date()): string {
  return londonDateOf(now);
}

/** "09:30": an instant's time in London. */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "09:30 to 11:00": two instants' times in London. */
export function formatTimeRange(startIso: string, endIso: string): string {
  return `${formatTime(startIso)} to ${formatTime(endIso)}`;
}

/** "Wednesday 2 December" for a date (YYYY-MM-DD) or an instant. */
export function formatWeekdayDate(iso: string): string {
  return weekdayDateFormat.format(dateOrInstant(iso));
}

/** "Wed 2 Dec" for a date (YYYY-MM-DD) or an instant. */
export function formatShortWeekdayDate(iso: string): string {
  return shortWeekdayDateFormat.format(dateOrInstant(iso));
}

/** Whether a date (YYYY-MM-DD) falls on a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
