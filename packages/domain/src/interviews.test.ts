import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookingUnmet,
  londonDateTime,
  londonInstant,
  overlaps,
  slotSeriesTimes,
  type BookingFacts,
  type Interval,
} from './interviews.ts';

const day0 = Date.parse('2026-03-02T00:00:00.000Z');
/** An interval on a 5-minute grid within a few days, as the brute-force model counts minutes. */
const gridInterval = fc
  .record({ start: fc.integer({ min: 0, max: 3 * 288 }), length: fc.integer({ min: 1, max: 36 }) })
  .map(({ start, length }) => ({
    startsAt: new Date(day0 + start * 300_000).toISOString(),
    endsAt: new Date(day0 + (start + length) * 300_000).toISOString(),
  }));

/** The brute-force model: the 5-minute blocks an interval covers. */
const blocks = (i: Interval) => {
  const out: number[] = [];
  for (let t = Date.parse(i.startsAt); t < Date.parse(i.endsAt); t += 300_000) out.push(t);
  return out;
};
const shareABlock = (a: Interval, b: Interval) => blocks(a).some((t) => blocks(b).includes(t));

const facts = (over: Partial<BookingFacts> = {}, slot: Partial<BookingFacts['slot']> = {}): BookingFacts => ({
  now: new Date('2026-03-01T08:00:00.000Z'),
  application: { stage: 'interview', targetUnit: 'METCC', tsgPreAssessment: null, bookedInterview: null },
  slot: {
    id: 1,
    unit: 'METCC',
    startsAt: '2026-03-02T10:00:00.000Z',
    endsAt: '2026-03-02T11:30:00.000Z',
    isWithdrawn: false,
    isBooked: false,
    ...slot,
  },
  panel: [],
  ...over,
});
const codes = (f: BookingFacts) => bookingUnmet(f).map((u) => u.code);

describe('clash detection', () => {
  it('agrees with a minute-by-minute model on every pair of intervals', () => {
    fc.assert(
      fc.property(gridInterval, gridInterval, (a, b) => {
        expect(overlaps(a, b)).toBe(shareABlock(a, b));
        expect(overlaps(a, b)).toBe(overlaps(b, a));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a booking exactly when a panel member already sits on an overlapping interview', () => {
    fc.assert(
      fc.property(
        gridInterval,
        fc.array(fc.array(gridInterval, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        (slot, panel) => {
          const f = facts(
            { panel: panel.map((interviews, i) => ({ name: `Member ${i}`, dailyMaximum: 99, interviews })) },
            { ...slot },
          );
          const clashes = bookingUnmet(f).filter((u) => u.code === 'booking.panel_clash').length;
          expect(clashes).toBe(panel.filter((interviews) => interviews.some((i) => shareABlock(i, slot))).length);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never lets a run of bookings double-book anyone or pass a daily maximum', () => {
    const attempt = fc.record({ slot: gridInterval, panel: fc.subarray([0, 1, 2, 3, 4], { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (attempts, dailyMaximum) => {
        const sits: Interval[][] = [[], [], [], [], []];
        for (const a of attempts) {
          const f = facts(
            { panel: a.panel.map((p) => ({ name: `Member ${p}`, dailyMaximum, interviews: sits[p] ?? [] })) },
            a.slot,
          );
          if (bookingUnmet(f).length === 0) for (const p of a.panel) sits[p]?.push(a.slot);
        }
        for (const mine of sits) {
          for (const [i, a] of mine.entries()) for (const b of mine.slice(i + 1)) expect(shareABlock(a, b)).toBe(false);
          const perDay = new Map<string, number>();
          for (const s of mine)
            perDay.set(londonDateTime(s.startsAt).date, (perDay.get(londonDateTime(s.startsAt).date) ?? 0) + 1);
          for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(dailyMaximum);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('booking rules', () => {
  it('books a free, future slot of the case’s unit with a free panel', () => {
    expect(codes(facts({ panel: [{ name: 'Insp Ward', dailyMaximum: 4, interviews: [] }] }))).toEqual([]);
  });

  it('gives every reason at once', () => {
    const f = facts(
      {
        now: new Date('2026-03-02T12:00:00.000Z'),
        application: {
          stage: 'review',
          targetUnit: 'TSG',
          tsgPreAssessment: { hasMentor: false, hasBaseVisit: false },
          bookedInterview: { slotId: 9, startsAt: '2026-03-05T09:00:00.000Z', endsAt: '2026-03-05T10:30:00.000Z' },
        },
        panel: [
          {
            name: 'Insp Ward',
            dailyMaximum: 1,
            interviews: [{ startsAt: '2026-03-02T11:00:00.000Z', endsAt: '2026-03-02T12:00:00.000Z' }],
          },
        ],
      },
      { isBooked: true },
    );
    expect(codes(f)).toEqual([
      'booking.case_not_at_interview',
      'booking.slot_taken',
      'booking.slot_in_past',
      'booking.slot_other_unit',
      'booking.candidate_already_booked',
      'booking.panel_clash',
      'booking.panel_daily_maximum',
      'booking.tsg_pre_assessment',
    ]);
    expect(bookingUnmet(f).map((u) => u.message)).toContain('Insp Ward is on another interview from 11:00 to 12:00 that day.');
    expect(bookingUnmet(f).at(-1)?.message).toBe(
      'TSG needs a TSG mentor and the base visit recorded before the interview can take place.',
    );
  });

  it('lets interviews run back to back', () => {
    const before = { startsAt: '2026-03-02T08:30:00.000Z', endsAt: '2026-03-02T10:00:00.000Z' };
    expect(codes(facts({ panel: [{ name: 'A', dailyMaximum: 4, interviews: [before] }] }))).toEqual([]);
  });

  it('counts the daily maximum by the London day, not the UTC one', () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London.
    const lateNight = { startsAt: '2026-07-01T23:30:00.000Z', endsAt: '2026-07-02T00:00:00.000Z' };
    const slot = { startsAt: '2026-07-02T08:00:00.000Z', endsAt: '2026-07-02T09:00:00.000Z' };
    expect(
      codes(
        facts({ now: new Date('2026-06-01T00:00:00Z'), panel: [{ name: 'A', dailyMaximum: 1, interviews: [lateNight] }] }, slot),
      ),
    ).toEqual(['booking.panel_daily_maximum']);
  });
});

describe('London time', () => {
  it('turns London wall-clock times into instants either side of both clock changes', () => {
    expect(londonInstant('2026-03-28', '09:00')).toBe('2026-03-28T09:00:00.000Z'); // GMT
    expect(londonInstant('2026-03-30', '09:00')).toBe('2026-03-30T08:00:00.000Z'); // BST
    expect(londonInstant('2026-10-24', '09:00')).toBe('2026-10-24T08:00:00.000Z'); // BST
    expect(londonInstant('2026-10-26', '09:00')).toBe('2026-10-26T09:00:00.000Z'); // GMT
    expect(londonInstant('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z'); // the first 01:30
    expect(() => londonInstant('2026-03-29', '01:30')).toThrow(RangeError);
  });

  it('round-trips every quarter hour of a year', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 15 * 60_000) {
      const wall = londonDateTime(new Date(t));
      const back = Date.parse(londonInstant(wall.date, wall.time));
      // In October's repeated hour the earlier instant is chosen.
      expect(back === t || back === t - 3_600_000).toBe(true);
    }
  });

  it('lays out a morning series in London time, every 90 minutes, none running past its end', () => {
    const times = slotSeriesTimes({
      dates: ['2026-10-26', '2026-10-23'],
      from: '09:00',
      until: '13:00',
      everyMinutes: 90,
      lengthMinutes: 90,
    });
    expect(times.map((s) => [londonDateTime(s.startsAt), londonDateTime(s.endsAt).time])).toEqual([
      [{ date: '2026-10-23', time: '09:00' }, '10:30'],
      [{ date: '2026-10-23', time: '10:30' }, '12:00'],
      [{ date: '2026-10-26', time: '09:00' }, '10:30'],
      [{ date: '2026-10-26', time: '10:30' }, '12:00'],
    ]);
    expect(times[0]?.startsAt).toBe('2026-10-23T08:00:00.000Z');
    expect(times[2]?.startsAt).toBe('2026-10-26T09:00:00.000Z');
  });
});
