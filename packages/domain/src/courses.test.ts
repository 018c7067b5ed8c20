import { roles } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertCourseBookable,
  assertCourseOpenToChange,
  assertJoinersAtInduction,
  courseProblems,
  mayKeepCourses,
  mayReadCourses,
  validateCourse,
  type CourseDraft,
  type CourseFacts,
} from './courses.ts';
import { DomainError } from './errors.ts';

const today = '2026-11-23';
const draft = (over: Partial<CourseDraft> = {}): CourseDraft => ({
  startsOn: '2026-12-14',
  place: 'Hendon',
  capacity: 40,
  ...over,
});
/** An edit of a course starting 14 December with `booked` joiners, the first of them starting on `earliest`. */
const editing = (booked: number, earliest: string | null = booked ? '2026-12-14' : null): CourseFacts => ({
  today,
  current: { startsOn: '2026-12-14', booked, earliestJoinerStart: earliest },
});
const codesOf = (d: CourseDraft, f: CourseFacts) => courseProblems(d, f).map((p) => `${p.field}:${p.code}`);

function refusal(f: () => void): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('who keeps and reads the courses', () => {
  const keepers = ['coordinator', 'admin'];
  const readers = ['coordinator', 'admin', 'resourcing'];
  it.each(roles)('%s', (role) => {
    expect([mayKeepCourses({ role }), mayReadCourses({ role })]).toEqual([keepers.includes(role), readers.includes(role)]);
  });
});

describe('a new course', () => {
  it.each([
    ['today', draft({ startsOn: today }), []],
    ['in a year', draft({ startsOn: '2027-11-23' }), []],
    ['yesterday', draft({ startsOn: '2026-11-22' }), ['startsOn:courses.starts_in_past']],
    ['a place of 2 characters', draft({ place: 'Bo' }), []],
    ['a place of 100 characters', draft({ place: 'x'.repeat(100) }), []],
    ['a place of 1 character', draft({ place: 'B' }), ['place:courses.place_length']],
    ['a place of 101 characters', draft({ place: 'x'.repeat(101) }), ['place:courses.place_length']],
    ['a place of spaces', draft({ place: '   ' }), ['place:courses.place_length']],
    ['1 place', draft({ capacity: 1 }), []],
    ['200 places', draft({ capacity: 200 }), []],
    ['no places', draft({ capacity: 0 }), ['capacity:courses.capacity_out_of_range']],
    ['201 places', draft({ capacity: 201 }), ['capacity:courses.capacity_out_of_range']],
    ['half a place', draft({ capacity: 2.5 }), ['capacity:courses.capacity_out_of_range']],
    [
      'everything wrong at once',
      draft({ startsOn: '2026-01-01', place: '', capacity: -1 }),
      ['startsOn:courses.starts_in_past', 'place:courses.place_length', 'capacity:courses.capacity_out_of_range'],
    ],
  ])('%s', (_what, d, codes) => {
    expect(codesOf(d, { today })).toEqual(codes);
  });

  it('is refused with every problem at its field, in words and codes', () => {
    const e = refusal(() => validateCourse(draft({ startsOn: '2026-11-01', place: 'B' }), { today }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.details).toEqual({
      fieldErrors: {
        startsOn: ['The course must start today (23 November 2026) or later.'],
        place: ['Enter the place in 2 to 100 characters.'],
      },
      fieldCodes: { startsOn: ['courses.starts_in_past'], place: ['courses.place_length'] },
    });
    expect(() => validateCourse(draft(), { today })).not.toThrow();
  });
});

describe('an edited course', () => {
  it.each([
    ['more places than booked', draft({ capacity: 40 }), editing(12), []],
    ['as many places as booked', draft({ capacity: 12 }), editing(12), []],
    ['fewer places than booked', draft({ capacity: 11 }), editing(12), ['capacity:courses.capacity_below_booked']],
    ['no joiners, 1 place', draft({ capacity: 1 }), editing(0), []],
    // Out of range says so first; below booked only once it is in range.
    ['201 places with 12 booked', draft({ capacity: 201 }), editing(12), ['capacity:courses.capacity_out_of_range']],
    ['moved earlier', draft({ startsOn: '2026-12-07' }), editing(3), []],
    ['moved to the first joiner’s start', draft({ startsOn: '2026-12-21' }), editing(3, '2026-12-21'), []],
    [
      'moved after the first joiner starts',
      draft({ startsOn: '2026-12-22' }),
      editing(3, '2026-12-21'),
      ['startsOn:courses.after_joiner_start'],
    ],
    ['moved later with no joiners', draft({ startsOn: '2027-02-01' }), editing(0), []],
    ['moved into the past', draft({ startsOn: '2026-11-20' }), editing(0), ['startsOn:courses.starts_in_past']],
    // A date already past may stay as it is (assertCourseOpenToChange decides whether it may change at all).
    [
      'its past date kept',
      draft({ startsOn: '2026-11-20' }),
      { today, current: { startsOn: '2026-11-20', booked: 0, earliestJoinerStart: null } },
      [],
    ],
  ])('%s', (_what, d, facts, codes) => {
    expect(codesOf(d, facts)).toEqual(codes);
  });

  it('says how many joiners are booked when the places would be fewer', () => {
    expect(courseProblems(draft({ capacity: 2 }), editing(3))[0]?.message).toBe(
      '3 joiners are booked on this course: it must take at least 3.',
    );
    expect(courseProblems(draft({ capacity: 0 }), editing(1))[0]?.message).toBe('A course takes 1 to 200 joiners.');
  });
});

describe('a course open to change', () => {
  it.each([
    ['scheduled, to come', { status: 'scheduled', startsOn: '2026-12-14' }, null],
    ['scheduled, starting today', { status: 'scheduled', startsOn: today }, null],
    ['scheduled, started yesterday', { status: 'scheduled', startsOn: '2026-11-22' }, 'courses.already_started'],
    ['cancelled', { status: 'cancelled', startsOn: '2026-12-14' }, 'courses.cancelled'],
    ['cancelled and past', { status: 'cancelled', startsOn: '2026-10-01' }, 'courses.cancelled'],
  ] as const)('%s', (_what, course, code) => {
    for (const what of ['change', 'cancel'] as const) {
      if (code === null) expect(() => assertCourseOpenToChange(course, today, what)).not.toThrow();
      else {
        const e = refusal(() => assertCourseOpenToChange(course, today, what));
        expect([e.code, e.details.unmet?.map((u) => u.code)]).toEqual(['PRECONDITION_FAILED', [code]]);
      }
    }
  });

  it('is cancelled only while no joiner has moved on past induction, naming those who have', () => {
    expect(() =>
      assertJoinersAtInduction([
        { reference: 'MUS-000001', stage: 'induction' },
        { reference: 'MUS-000002', stage: 'pre_employment' },
      ]),
    ).not.toThrow();
    const e = refusal(() =>
      assertJoinersAtInduction([
        { reference: 'MUS-000001', stage: 'induction' },
        { reference: 'MUS-000002', stage: 'mentoring' },
        { reference: 'MUS-000003', stage: 'onboarded' },
      ]),
    );
    expect(e.details.unmet).toEqual([
      {
        code: 'courses.joiners_moved_on',
        section: null,
        message:
          'MUS-000002, MUS-000003 have moved on past induction on this course’s booking. Move those cases back to induction before cancelling the course.',
      },
    ]);
  });

  it('a cancelled course is booked by nobody', () => {
    expect(() => assertCourseBookable({ status: 'scheduled' })).not.toThrow();
    expect(refusal(() => assertCourseBookable({ status: 'cancelled' })).details.fieldCodes).toEqual({
      courseId: ['induction.course_cancelled'],
    });
  });
});
