import type { UnitCode } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import { assertMayRecordAttendance, assertMayWait, assertRoomOnCourse, isOfferHeld, postingProblems } from './courses-booking.ts';
import { DomainError } from './errors.ts';
import { earliestStartDate, transfereeNoticeDays } from './pipeline.ts';
import { bcus, postingPlacesOf, sntWards } from './reference.ts';

const codes = (unit: UnitCode, place: string, role?: string | null) =>
  postingProblems({ postingUnit: unit, postingPlace: place, postingRole: role }).map((p) => `${p.field}:${p.code}`);

describe('posting consistency, unit by unit', () => {
  it.each<[string, UnitCode, string, string | null, string[]]>([
    ['SNT at a ward of a BCU', 'SNT', 'Highbury, Central North', null, []],
    ['SNT at a BCU, not a ward', 'SNT', 'Central North', null, ['postingPlace:induction.place_not_of_unit']],
    ['SNT at a ward named with the wrong BCU', 'SNT', 'Highbury, South Area', null, ['postingPlace:induction.place_not_of_unit']],
    ['SNT with a role', 'SNT', 'Highbury, Central North', 'Despatch', ['postingRole:induction.role_not_of_unit']],
    ['METCC at a centre, First Contact', 'METCC', 'Lambeth', 'First Contact', []],
    ['METCC at Bow, Despatch', 'METCC', 'Bow', 'Despatch', []],
    ['METCC without a role', 'METCC', 'Hendon', null, ['postingRole:induction.role_missing']],
    ['METCC with a role it has not', 'METCC', 'Hendon', 'Control room', ['postingRole:induction.role_not_of_unit']],
    ['METCC at a place not a centre', 'METCC', 'Catford (SE)', 'Despatch', ['postingPlace:induction.place_not_of_unit']],
    ['TSG at a base', 'TSG', 'Catford (SE)', null, []],
    ['TSG at a BCU', 'TSG', 'South East', null, ['postingPlace:induction.place_not_of_unit']],
    ['TSG with a role', 'TSG', 'Clapham (SW)', 'Despatch', ['postingRole:induction.role_not_of_unit']],
    ['SOIT at a BCU', 'SOIT', 'East Area', null, []],
    ['SOIT at a ward', 'SOIT', 'Barking, East Area', null, ['postingPlace:induction.place_not_of_unit']],
    ['BCU at a BCU', 'BCU', 'West Area', null, []],
    ['BCU at a base', 'BCU', 'Alperton (NW)', null, ['postingPlace:induction.place_not_of_unit']],
    ['MO19 at Gravesend', 'MO19', 'Gravesend', null, []],
  ])('%s', (_name, unit, place, role, expected) => {
    expect(codes(unit, place, role)).toEqual(expected);
  });

  it('every BCU has SNT wards, and SNT posts to each as "Ward, BCU"', () => {
    for (const bcu of bcus) expect(sntWards[bcu].length).toBeGreaterThanOrEqual(3);
    expect(postingPlacesOf('SNT')).toHaveLength(bcus.reduce((n, b) => n + sntWards[b].length, 0));
    expect(postingPlacesOf('SNT')).toContain('Peckham, Central South');
  });
});

describe('notice period (the induction gate: kept)', () => {
  it.each([
    ['transferee', '2026-11-23T10:00:00Z', '2026-12-21'],
    ['transferee', '2026-01-31T23:30:00Z', '2026-02-28'],
    ['police_now_nglp', '2026-11-23T10:00:00Z', null],
    ['police_now_ndp', '2026-11-23T10:00:00Z', null],
  ] as const)('%s with a final offer at %s: earliest start %s', (route, finalOfferAt, earliest) => {
    expect(earliestStartDate({ route, finalOfferAt })).toBe(earliest);
  });
  it('is 28 days', () => expect(transfereeNoticeDays).toBe(28));
});

describe('room on a course and its waiting list', () => {
  const refused = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e instanceof DomainError
        ? Object.values(e.details.fieldCodes ?? {})
            .flat()
            .concat(e.details.unmet?.map((u) => u.code) ?? [])
        : e;
    }
    return [];
  };
  it.each([
    [{ capacity: 2, booked: 1, heldForOthers: 0, waiting: 0 }, []],
    [{ capacity: 2, booked: 2, heldForOthers: 0, waiting: 0 }, ['induction.course_full']],
    [{ capacity: 2, booked: 1, heldForOthers: 1, waiting: 3 }, ['induction.course_full']],
  ])('room %o', (c, expected) => expect(refused(() => assertRoomOnCourse(c))).toEqual(expected));
  it.each([
    [{ capacity: 2, booked: 2, heldForOthers: 0, isWaiting: false, isBookedOnIt: false }, []],
    [{ capacity: 2, booked: 1, heldForOthers: 0, isWaiting: false, isBookedOnIt: false }, ['induction.course_has_room']],
    [{ capacity: 2, booked: 2, heldForOthers: 0, isWaiting: true, isBookedOnIt: false }, ['induction.already_waiting']],
    [{ capacity: 2, booked: 2, heldForOthers: 0, isWaiting: false, isBookedOnIt: true }, ['induction.already_booked']],
  ])('waiting %o', (c, expected) => expect(refused(() => assertMayWait(c))).toEqual(expected));
  it('an offer holds its place for 3 days', () => {
    const at = '2026-11-23T10:00:00.000Z';
    expect(isOfferHeld(null, new Date(at))).toBe(false);
    expect(isOfferHeld(at, new Date('2026-11-26T09:59:00Z'))).toBe(true);
    expect(isOfferHeld(at, new Date('2026-11-26T10:00:00Z'))).toBe(false);
  });
  it.each([
    [{ courseStartsOn: '2026-12-01', today: '2026-11-30', attendance: null }, ['induction.course_not_started']],
    [{ courseStartsOn: '2026-11-30', today: '2026-11-30', attendance: null }, []],
    [{ courseStartsOn: '2026-11-30', today: '2026-12-30', attendance: 'attended' }, ['induction.attendance_recorded']],
  ] as const)('attendance %o', (f, expected) => expect(refused(() => assertMayRecordAttendance(f))).toEqual(expected));
});
