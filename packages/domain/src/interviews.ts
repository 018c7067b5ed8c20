import type { Stage, UnitCode, Unmet } from '@muster/contracts';
import type { Actor, ApplicationSnapshot } from './application.ts';
import { DomainError, unmet } from './errors.ts';

/*
 * Interview slots and booking: when two times clash, how a series of slots is laid out in London
 * time, and every reason a booking is refused. Times are instants, ISO 8601 in UTC
 * (`2026-03-30T09:00:00.000Z`, as `Date.toISOString` writes them), so they compare as text.
 */

/** A span of time, start inclusive, end exclusive: back-to-back interviews do not clash. */
export type Interval = { startsAt: string; endsAt: string };

/** Whether two spans share any moment. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** Interviews are planned in London; the day a slot falls on is its London date. */
export const interviewTimeZone = 'Europe/London';

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: interviewTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London wall-clock date and time of an instant: `{ date: '2026-03-29', time: '09:30' }`. */
export function londonDateTime(instant: string | Date): { date: string; time: string } {
  const parts = Object.fromEntries(londonParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant at which London's clocks show `date` `time` (`HH:MM`). In the hour the clocks go back
 * (October) the earlier of the two is taken; a time the clocks skip (March, 01:00–01:59) is refused.
 */
export function londonInstant(date: string, time: string): string {
  const asUtc = Date.parse(`${date}T${time}:00.000Z`);
  if (Number.isNaN(asUtc)) throw new Error(`Not a date and time: ${date} ${time}`);
  // London is UTC or UTC+1: try both offsets, earlier first, and keep the one whose wall clock matches.
  for (const offsetHours of [1, 0]) {
    const instant = new Date(asUtc - offsetHours * 3_600_000);
    const wall = londonDateTime(instant);
    if (wall.date === date && wall.time === time) return instant.toISOString();
  }
  throw new RangeError(`${time} on ${date} does not exist in London: the clocks go forward then.`);
}

/** Minutes from midnight of `HH:MM`. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** `HH:MM` of minutes from midnight. */
export const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A series of slots: on each of `dates`, from `from` until `until` (London time), one every `everyMinutes`, each `lengthMinutes` long. */
export type SlotSeries = { dates: readonly string[]; from: string; until: string; everyMinutes: number; lengthMinutes: number };

/**
 * The slots of a series, in order: each starts `everyMinutes` after the one before and ends no later
 * than `until`. 09:00–13:00 every 90 minutes, 90 long: 09:00, 10:30 (12:00 would end after 13:00).
 */
export function slotSeriesTimes(series: SlotSeries): Interval[] {
  const start = minutesOf(series.from);
  const end = minutesOf(series.until);
  const slots: Interval[] = [];
  for (const date of [...new Set(series.dates)].sort()) {
    for (let m = start; m + series.lengthMinutes <= end; m += series.everyMinutes) {
      slots.push({ startsAt: londonInstant(date, timeOf(m)), endsAt: londonInstant(date, timeOf(m + series.lengthMinutes)) });
    }
  }
  return slots;
}

/** Everything the rules need to know to book a case into a slot, read in the booking's transaction. */
export type BookingFacts = {
  now: Date;
  application: {
    stage: Stage;
    targetUnit: UnitCode | null;
    /** TSG's pre-assessment (a TSG mentor and the base visit), recorded at review; null when the unit needs none. */
    tsgPreAssessment: { hasMentor: boolean; hasBaseVisit: boolean } | null;
    /** The candidate's interview already booked elsewhere, if any. */
    bookedInterview: (Interval & { slotId: number }) | null;
  };
  slot: Interval & { id: number; unit: UnitCode; isWithdrawn: boolean; isBooked: boolean };
  /** Each panel member with the interviews they already sit on anywhere in Muster (booked, not this slot's). */
  panel: readonly { name: string; dailyMaximum: number; interviews: readonly Interval[] }[];
};

const londonTime = (instant: string) => londonDateTime(instant).time;
const londonDay = (instant: string) => londonDateTime(instant).date;

/** Every reason this booking cannot be made; none means it may. */
export function bookingUnmet(f: BookingFacts): Unmet[] {
  const { application: a, slot } = f;
  const found: Unmet[] = [];
  if (a.stage !== 'interview')
    found.push(unmet('booking.case_not_at_interview', `The case is at ${a.stage.replace('_', '-')}, not at interview.`));
  if (slot.isWithdrawn) found.push(unmet('booking.slot_withdrawn', 'This slot was withdrawn.'));
  else if (slot.isBooked) found.push(unmet('booking.slot_taken', 'Another candidate is booked into this slot.'));
  if (slot.startsAt <= f.now.toISOString()) found.push(unmet('booking.slot_in_past', 'This slot has already started.'));
  if (a.targetUnit !== slot.unit)
    found.push(
      unmet(
        'booking.slot_other_unit',
        a.targetUnit
          ? `This slot is for ${slot.unit}; the case is for ${a.targetUnit}.`
          : `This slot is for ${slot.unit}; the case has no target unit.`,
      ),
    );
  if (a.bookedInterview && a.bookedInterview.slotId !== slot.id) {
    const at = londonDateTime(a.bookedInterview.startsAt);
    found.push(
      unmet(
        'booking.candidate_already_booked',
        `The candidate is already booked for an interview on ${at.date} at ${at.time}. Reschedule that one instead.`,
      ),
    );
  }
  for (const member of f.panel) {
    const clash = member.interviews.find((i) => overlaps(i, slot));
    if (clash)
      found.push(
        unmet(
          'booking.panel_clash',
          `${member.name} is on another interview from ${londonTime(clash.startsAt)} to ${londonTime(clash.endsAt)} that day.`,
        ),
      );
    const day = londonDay(slot.startsAt);
    const thatDay = member.interviews.filter((i) => londonDay(i.startsAt) === day).length;
    if (thatDay >= member.dailyMaximum)
      found.push(
        unmet(
          'booking.panel_daily_maximum',
          `${member.name} already has ${thatDay} interview${thatDay === 1 ? '' : 's'} on ${day}, their most in a day.`,
        ),
      );
  }
  if (a.tsgPreAssessment) {
    const missing = [
      a.tsgPreAssessment.hasMentor ? null : 'a TSG mentor',
      a.tsgPreAssessment.hasBaseVisit ? null : 'the base visit',
    ].filter((m) => m !== null);
    if (missing.length)
      found.push(
        unmet('booking.tsg_pre_assessment', `TSG needs ${missing.join(' and ')} recorded before the interview can take place.`),
      );
  }
  return found;
}

/** Who may publish, change and withdraw slots for a unit: resourcing for any unit, a unit lead for the units they lead. */
export function maySchedule(actor: Pick<Actor, 'role' | 'units'>, unit: UnitCode): boolean {
  return actor.role === 'resourcing' || (actor.role === 'unit_lead' && actor.units.includes(unit));
}

export function assertMaySchedule(actor: Pick<Actor, 'role' | 'units'>, unit: UnitCode): void {
  if (!maySchedule(actor, unit))
    throw new DomainError('FORBIDDEN', `You cannot publish or change interview slots for ${unit}: you do not lead it.`);
}

/** Who may sit on a unit's panel: anyone in resourcing, that unit's leads and its panel members. */
export function maySitOnPanel(user: Pick<Actor, 'role' | 'units'> & { isActive: boolean }, unit: UnitCode): boolean {
  if (!user.isActive) return false;
  return user.role === 'resourcing' || ((user.role === 'unit_lead' || user.role === 'panel_member') && user.units.includes(unit));
}

/** TSG's pre-assessment as the booking rules read it; null for units that need none. */
export function tsgPreAssessment(
  c: Pick<ApplicationSnapshot, 'targetUnit' | 'tsgPreAssessment'>,
): BookingFacts['application']['tsgPreAssessment'] {
  if (c.targetUnit !== 'TSG') return null;
  return { hasMentor: Boolean(c.tsgPreAssessment?.mentorId), hasBaseVisit: c.tsgPreAssessment?.hasBaseVisit ?? false };
}
