import type { MentorKind, MentorRole, PoolExclusion, Role, UnitCode } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  assertAssignable,
  assertCapacityCoversLoad,
  assertMayUsePool,
  assertPoolPerson,
  excludedFromBoth,
  exclusionOf,
  kindCovers,
  mayUsePool,
  poolPersonProblems,
  suggestMentors,
  type Joiner,
  type PoolCandidate,
  type PoolUse,
} from './mentor-pool.ts';

let nextId = 1;
const person = (name: string, over: Partial<PoolCandidate> = {}): PoolCandidate => ({
  id: nextId++,
  name,
  unit: 'TSG',
  place: 'Catford (SE)',
  capacity: 4,
  load: 0,
  kind: 'both',
  isPaused: false,
  isActive: true,
  userId: null,
  ...over,
});

const joiner = (over: Partial<Joiner> = {}): Joiner => ({
  posting: { unit: 'TSG', place: 'Catford (SE)' },
  panelUserIds: [],
  mentorId: null,
  buddyId: null,
  ...over,
});

const detailsOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, ...e.details };
    throw e;
  }
  return null;
};

describe('who may use the pool', () => {
  const roles: Role[] = ['resourcing', 'unit_lead', 'panel_member', 'coordinator', 'admin'];
  const expected: Record<PoolUse, Role[]> = {
    read: ['resourcing', 'coordinator', 'admin'],
    keep: ['coordinator', 'admin'],
    suggest: ['resourcing', 'coordinator'],
  };
  it.each(Object.entries(expected) as [PoolUse, Role[]][])('%s: %o', (use, allowed) => {
    expect(roles.filter((role) => mayUsePool({ role }, use))).toEqual(allowed);
    for (const role of roles) {
      const refused = detailsOf(() => assertMayUsePool({ role }, use));
      expect([role, refused?.code ?? 'ok']).toEqual([role, allowed.includes(role) ? 'ok' : 'FORBIDDEN']);
    }
  });
});

describe('a person in the pool', () => {
  const good = { name: 'PC Sam Lee', unit: 'TSG', place: 'Catford (SE)', capacity: 3, kind: 'both' };
  it.each([
    ['as given', {}, []],
    ['a name of one letter', { name: 'S' }, [['name', 'pool.name_length']]],
    ['a name of spaces around one letter', { name: '  S  ' }, [['name', 'pool.name_length']]],
    ['a name of 2 letters', { name: 'Al' }, []],
    ['a name of 100 letters', { name: 'a'.repeat(100) }, []],
    ['a name of 101 letters', { name: 'a'.repeat(101) }, [['name', 'pool.name_length']]],
    ['a unit that is not one', { unit: 'MO99' }, [['unit', 'pool.unit_unknown']]],
    ['a place of another unit', { place: 'Bow' }, [['place', 'pool.place_not_of_unit']]],
    ['no place', { place: '' }, [['place', 'pool.place_not_of_unit']]],
    ['a BCU place for an SNT officer', { unit: 'SNT', place: 'North Area' }, []],
    ['capacity 0', { capacity: 0 }, [['capacity', 'pool.capacity_out_of_range']]],
    ['capacity 1', { capacity: 1 }, []],
    ['capacity 20', { capacity: 20 }, []],
    ['capacity 21', { capacity: 21 }, [['capacity', 'pool.capacity_out_of_range']]],
    ['capacity 2.5', { capacity: 2.5 }, [['capacity', 'pool.capacity_out_of_range']]],
    ['a kind that is not one', { kind: 'coach' }, [['kind', 'pool.kind_unknown']]],
    ...(['mentor', 'buddy', 'both'] as const).map((kind) => [`kind ${kind}`, { kind }, []] as const),
    [
      'everything wrong at once',
      { name: '', unit: 'MO99', capacity: 99, kind: 'x' },
      [
        ['name', 'pool.name_length'],
        ['unit', 'pool.unit_unknown'],
        ['capacity', 'pool.capacity_out_of_range'],
        ['kind', 'pool.kind_unknown'],
      ],
    ],
  ] as const)('%s → %o', (_what, change, problems) => {
    expect(poolPersonProblems({ ...good, ...change }).map((p) => [p.field, p.code])).toEqual(problems);
  });

  it('is refused with every problem at its field, each with its code', () => {
    expect(detailsOf(() => assertPoolPerson({ ...good, unit: 'METCC', capacity: 0 }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: {
        place: ['Catford (SE) is not a place of Met Command and Control: choose one of its places.'],
        capacity: [expect.stringContaining('from 1 to 20')],
      },
      fieldCodes: { place: ['pool.place_not_of_unit'], capacity: ['pool.capacity_out_of_range'] },
    });
    expect(detailsOf(() => assertPoolPerson(good))).toBeNull();
  });

  it.each([
    [3, 2, null],
    [2, 2, null],
    [1, 2, 'PC Sam Lee has 2 joiners now: the capacity cannot be less than 2. Give some of them someone else first.'],
    [0, 1, 'PC Sam Lee has 1 joiner now: the capacity cannot be less than 1. Give some of them someone else first.'],
  ] as const)('capacity %i with a load of %i → %s', (capacity, load, message) => {
    const refused = detailsOf(() => assertCapacityCoversLoad('PC Sam Lee', capacity, load));
    expect(refused && { fieldErrors: refused.fieldErrors, fieldCodes: refused.fieldCodes }).toEqual(
      message && { fieldErrors: { capacity: [message] }, fieldCodes: { capacity: ['pool.capacity_below_load'] } },
    );
  });
});

describe('whom to suggest', () => {
  it.each([
    ['mentor', 'mentor', true],
    ['mentor', 'buddy', false],
    ['buddy', 'mentor', false],
    ['buddy', 'buddy', true],
    ['both', 'mentor', true],
    ['both', 'buddy', true],
  ] as const)('someone who does %s may be a %s: %s', (kind, role, covers) => {
    expect(kindCovers(kind, role)).toBe(covers);
  });

  // Each exclusion, for each role: [what, the person, the joiner, role, why (null: suggested)].
  const cases: [string, Partial<PoolCandidate>, Partial<Joiner>, MentorRole, PoolExclusion | null][] = [
    ['anyone active with room', {}, {}, 'mentor', null],
    ['anyone active with room', {}, {}, 'buddy', null],
    ['the retired', { isActive: false }, {}, 'mentor', 'retired'],
    ['the retired', { isActive: false }, {}, 'buddy', 'retired'],
    ['the paused', { isPaused: true }, {}, 'mentor', 'paused'],
    ['the paused', { isPaused: true }, {}, 'buddy', 'paused'],
    ['a buddy, as mentor', { kind: 'buddy' }, {}, 'mentor', 'buddy_only'],
    ['a mentor, as buddy', { kind: 'mentor' }, {}, 'buddy', 'mentor_only'],
    ['at capacity', { load: 4, capacity: 4 }, {}, 'mentor', 'at_capacity'],
    ['over capacity', { load: 5, capacity: 4 }, {}, 'buddy', 'at_capacity'],
    ['one place left', { load: 3, capacity: 4 }, {}, 'mentor', null],
    ['someone on the interview panel', { userId: 7 }, { panelUserIds: [3, 7] }, 'mentor', 'interviewed_joiner'],
    ['someone on the interview panel', { userId: 7 }, { panelUserIds: [7] }, 'buddy', 'interviewed_joiner'],
    ['a user not on the panel', { userId: 8 }, { panelUserIds: [3, 7] }, 'mentor', null],
    ['no account, whoever sat on the panel', { userId: null }, { panelUserIds: [3, 7] }, 'mentor', null],
    ["the joiner's buddy, as mentor", { id: 900 }, { buddyId: 900 }, 'mentor', 'is_buddy'],
    ["the joiner's mentor, as buddy", { id: 901 }, { mentorId: 901 }, 'buddy', 'is_mentor'],
    ["the joiner's own mentor, at capacity with them", { id: 902, load: 4, capacity: 4 }, { mentorId: 902 }, 'mentor', null],
    ["the joiner's own buddy, paused since", { id: 903, isPaused: true }, { buddyId: 903 }, 'buddy', null],
    ["the joiner's own mentor, retired since", { id: 904, isActive: false }, { mentorId: 904 }, 'mentor', 'retired'],
  ];
  it.each(cases)('%s (%o, joiner %o) as %s → %s', (_what, over, j, role, why) => {
    const p = person('Pat', over);
    expect(exclusionOf(p, joiner(j), role)).toBe(why);
    expect(suggestMentors([p], joiner(j), role).map((s) => s.name)).toEqual(why === null ? ['Pat'] : []);
  });

  const at = (unit: UnitCode, place: string, load: number, capacity = 4, kind: MentorKind = 'both') => ({
    unit,
    place,
    load,
    capacity,
    kind,
  });
  const pool = [
    person('Ann', at('METCC', 'Bow', 0)),
    person('Ben', at('TSG', 'Catford (SE)', 3)),
    person('Cal', at('TSG', 'Clapham (SW)', 0)),
    person('Dee', at('TSG', 'Catford (SE)', 1)),
    person('Eve', at('BCU', 'Catford (SE)', 0)),
    person('Fay', at('TSG', 'Catford (SE)', 2, 8)),
    person('Gus', at('TSG', 'Catford (SE)', 1)),
    person('Hal', { ...at('TSG', 'Catford (SE)', 0), isPaused: true }),
    person('Ida', at('TSG', 'Catford (SE)', 4)),
    person('Jo', at('TSG', 'Catford (SE)', 0, 4, 'buddy')),
    person('Kit', at('TSG', 'Catford (SE)', 0, 4, 'mentor')),
  ];
  it.each([
    [
      'same unit and place, then same unit, then same place, then the rest; lightest share, then name, within each',
      'mentor',
      { unit: 'TSG', place: 'Catford (SE)' },
      ['Kit', 'Dee', 'Fay', 'Gus', 'Ben', 'Cal', 'Eve', 'Ann'],
    ],
    [
      'the same, for a buddy',
      'buddy',
      { unit: 'TSG', place: 'Catford (SE)' },
      ['Jo', 'Dee', 'Fay', 'Gus', 'Ben', 'Cal', 'Eve', 'Ann'],
    ],
    [
      'no place yet: same unit first',
      'mentor',
      { unit: 'TSG', place: null },
      ['Cal', 'Kit', 'Dee', 'Fay', 'Gus', 'Ben', 'Ann', 'Eve'],
    ],
    [
      'no unit either: lightest share, then name',
      'mentor',
      { unit: null, place: null },
      ['Ann', 'Cal', 'Eve', 'Kit', 'Dee', 'Fay', 'Gus', 'Ben'],
    ],
  ] as const)('%s (%s, posting %o)', (_what, role, posting, names) => {
    expect(suggestMentors(pool, joiner({ posting }), role).map((p) => p.name)).toEqual(names);
  });

  it('leaves the pool it was given alone', () => {
    const before = pool.map((p) => p.name);
    suggestMentors(pool, joiner(), 'mentor');
    expect(pool.map((p) => p.name)).toEqual(before);
  });

  it('lists who is suggested for neither role, by name, with the why of the role their kind covers', () => {
    const both = [
      person('Zed', { isPaused: true }),
      person('Una', { kind: 'buddy', load: 4 }),
      person('Vic', { kind: 'mentor', userId: 5 }),
      person('Wyn', { kind: 'buddy' }),
      person('Xan', { kind: 'mentor' }),
      person('Yas', { isActive: false }),
    ];
    expect(excludedFromBoth(both, joiner({ panelUserIds: [5] })).map((e) => [e.person.name, e.why])).toEqual([
      ['Una', 'at_capacity'],
      ['Vic', 'interviewed_joiner'],
      ['Yas', 'retired'],
      ['Zed', 'paused'],
    ]);
  });
});

describe('giving a joiner a mentor or buddy refuses, with its code, whom the suggestions leave out', () => {
  const person = {
    id: 9,
    name: 'PC Ash',
    unit: 'SNT' as const,
    place: 'Central West',
    capacity: 2,
    load: 0,
    kind: 'both' as const,
    isPaused: false,
    isActive: true,
    userId: 40,
  };
  const joiner = { posting: { unit: 'SNT' as const, place: 'Central West' }, panelUserIds: [], mentorId: null, buddyId: null };
  const codeOf = (f: () => void) => {
    try {
      f();
      return null;
    } catch (e) {
      return (e as { details?: { fieldCodes?: Record<string, string[]> } }).details?.fieldCodes;
    }
  };
  it.each([
    ['anyone with room', {}, {}, 'mentor', null],
    ['someone paused', { isPaused: true }, {}, 'mentor', { mentorId: ['mentor.paused'] }],
    ['someone retired', { isActive: false }, {}, 'buddy', { buddyId: ['mentor.not_in_pool'] }],
    ['someone at capacity', { load: 2 }, {}, 'mentor', { mentorId: ['mentor.at_capacity'] }],
    ['a buddy-only person as mentor', { kind: 'buddy' }, {}, 'mentor', { mentorId: ['mentor.wrong_kind'] }],
    ['who sat on the interview panel', {}, { panelUserIds: [40] }, 'buddy', { buddyId: ['mentor.interviewed_joiner'] }],
    ['the mentor as buddy', {}, { mentorId: 9 }, 'buddy', { buddyId: ['mentor.same_as_buddy'] }],
  ] as const)('%s', (_name, p, j, role, expected) => {
    expect(codeOf(() => assertAssignable({ ...person, ...p }, { ...joiner, ...j }, role))).toEqual(expected);
  });
});
