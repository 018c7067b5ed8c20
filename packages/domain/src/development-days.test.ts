import { stages, type Stage } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import {
  byFullness,
  developmentDayProblems,
  firstStartInvited,
  isInvitedTo,
  mayKeepDevelopmentDays,
  mayReadDevelopmentDays,
  mayUseCoordination,
} from './development-days.ts';

const heldOn = '2027-03-10';

describe('who is invited to a development day', () => {
  it.each(stages.map((s) => [s, s === 'mentoring' || s === 'onboarded'] as [Stage, boolean]))(
    'a joiner at %s who started a year before the day: %s',
    (stage, invited) => {
      expect(isInvitedTo({ stage, startDate: '2026-03-10' }, heldOn)).toBe(invited);
    },
  );

  it.each([
    ['on the day', '2027-03-10', true],
    ['the day after it (not started yet)', '2027-03-11', false],
    ['exactly two years before', '2025-03-10', true],
    ['two years and a day before', '2025-03-09', false],
    ['last week', '2027-03-03', true],
    ['five years before', '2022-01-01', false],
  ])('an onboarded joiner who started %s (%s): %s', (_what, startDate, invited) => {
    expect(isInvitedTo({ stage: 'onboarded', startDate }, heldOn)).toBe(invited);
  });

  it('a joiner with no induction booking is not invited', () => {
    expect(isInvitedTo({ stage: 'mentoring', startDate: null }, heldOn)).toBe(false);
  });

  it('two years before 29 February is 28 February', () => {
    expect(firstStartInvited('2028-02-29')).toBe('2026-02-28');
    expect(firstStartInvited('2027-03-10')).toBe('2025-03-10');
  });
});

describe('a development day as typed', () => {
  const today = '2026-11-23';
  const codes = (draft: { heldOn: string; place: string; title: string }, current?: { heldOn: string }) =>
    developmentDayProblems(draft, { today, ...(current ? { current } : {}) }).map((p) => `${p.field}:${p.code}`);

  it.each([
    ['a good day', { heldOn: '2027-03-10', place: 'Hendon', title: 'Spring development day' }, []],
    ['today', { heldOn: today, place: 'Hendon', title: 'Day' }, []],
    ['yesterday', { heldOn: '2026-11-22', place: 'Hendon', title: 'Day' }, ['heldOn:development_days.held_in_past']],
    ['a one-letter place', { heldOn: today, place: ' H ', title: 'Day' }, ['place:development_days.place_length']],
    ['a 101-character title', { heldOn: today, place: 'Hendon', title: 'x'.repeat(101) }, ['title:development_days.title_length']],
    [
      'nothing typed',
      { heldOn: '2020-01-01', place: '', title: '  ' },
      ['heldOn:development_days.held_in_past', 'place:development_days.place_length', 'title:development_days.title_length'],
    ],
  ])('%s', (_what, draft, expected) => {
    expect(codes(draft)).toEqual(expected);
  });

  it('an edit may keep a date already past, not move to one', () => {
    expect(codes({ heldOn: '2026-11-01', place: 'Hendon', title: 'Day' }, { heldOn: '2026-11-01' })).toEqual([]);
    expect(codes({ heldOn: '2026-11-02', place: 'Hendon', title: 'Day' }, { heldOn: '2026-11-01' })).toEqual([
      'heldOn:development_days.held_in_past',
    ]);
  });
});

describe('who keeps and reads development days and the home', () => {
  it.each([
    ['coordinator', true, true, true],
    ['admin', true, true, true],
    ['resourcing', false, true, true],
    ['unit_lead', false, false, false],
    ['panel_member', false, false, false],
  ] as const)('%s: keeps %s, reads %s, home %s', (role, keeps, reads, home) => {
    expect([mayKeepDevelopmentDays({ role }), mayReadDevelopmentDays({ role }), mayUseCoordination({ role })]).toEqual([
      keeps,
      reads,
      home,
    ]);
  });

  it('the pool fullest first: by share of capacity, then load, then name', () => {
    const people = [
      { name: 'B', load: 1, capacity: 4 },
      { name: 'A', load: 2, capacity: 2 },
      { name: 'C', load: 1, capacity: 2 },
      { name: 'D', load: 2, capacity: 4 },
      { name: 'E', load: 0, capacity: 0 },
    ];
    expect([...people].sort(byFullness).map((p) => p.name)).toEqual(['E', 'A', 'D', 'C', 'B']);
  });
});
