import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AssignMentorInput,
  CreateApplicationInput,
  RecordEligibilityInput,
  RecordTsgPreAssessmentInput,
  UpdateApplicationInput,
} from './applications.ts';
import { UpdateCheckInput } from './checks.ts';
import { BookCourseInput } from './courses.ts';
import { RecordOutcomeInput, SubmitScorecardInput } from './interviews.ts';

/** Messages by dotted path, as the API's field errors carry them. */
function messages(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

/** zod's own wording ("Invalid option: expected one of …", "Too small: …"), which no user should read. */
const internal = /invalid (input|option)|expected (one of|\w+, received|\w+ to (have|be))|too (small|big)|[<>]=/i;

const write = { id: 7, expectedVersion: 3 };
const transferee = {
  route: 'transferee',
  firstName: 'Jordan',
  lastName: 'Lee',
  email: 'jordan.lee@example.com',
  dateOfBirth: '1990-04-01',
  currentForce: 'Kent Police',
  rank: 'PC',
  joinedForceOn: '2016-09-01',
};

describe('the application form’s messages', () => {
  it('asks for an entry route in plain words when none is given', () => {
    const { route, ...rest } = transferee;
    expect(route).toBe('transferee');
    expect(messages(CreateApplicationInput, rest).route).toEqual(['Select an entry route.']);
    expect(messages(UpdateApplicationInput, { ...write, ...rest }).route).toEqual(['Select an entry route.']);
  });

  it('names the routes for a value not on the list (an import row)', () => {
    expect(messages(CreateApplicationInput, { ...transferee, route: 'constable' }).route).toEqual([
      'Select an entry route. Use one of: transferee, police_now_nglp, police_now_ndp.',
    ]);
  });

  it.each([
    ['date of birth missing', { dateOfBirth: undefined }, 'dateOfBirth', 'Enter the date of birth.'],
    ['date of birth empty', { dateOfBirth: '' }, 'dateOfBirth', 'Enter the date of birth.'],
    ['date of birth not real', { dateOfBirth: '1990-02-31' }, 'dateOfBirth', 'Enter a real date as YYYY-MM-DD.'],
    ['date joined not real', { joinedForceOn: '2016-13-01' }, 'joinedForceOn', 'Enter a real date as YYYY-MM-DD.'],
    ['rank not on the list', { rank: 'SGT' }, 'rank', 'Choose the rank: PC or DC. Use one of: PC, DC.'],
    [
      'target unit not on the list',
      { targetUnit: 'XYZ' },
      'targetUnit',
      expect.stringMatching(/^Choose the target unit from the list\./),
    ],
    [
      'a unit preference not on the list',
      { unitPreferences: ['SNT', 'XYZ'] },
      'unitPreferences.1',
      expect.stringMatching(/^Choose each unit preference/),
    ],
    [
      'cohort year not a number',
      { route: 'police_now_nglp', cohortYear: Number('abc'), currentForce: null, rank: null, joinedForceOn: null },
      'cohortYear',
      'Enter the cohort year as a number, for example 2027.',
    ],
    [
      'cohort year too far ahead',
      { route: 'police_now_nglp', cohortYear: 2200, currentForce: null, rank: null, joinedForceOn: null },
      'cohortYear',
      'Cohort year must be 2100 or earlier.',
    ],
    ['an empty force', { currentForce: ' ' }, 'currentForce', 'Enter the force the officer serves in now.'],
  ])('%s: %s', (_what, change, path, message) => {
    const found = messages(CreateApplicationInput, { ...transferee, ...change });
    // The route's rules (checkCandidate) may say the same again for an empty value: one message, however often.
    expect([...new Set(found[path])]).toEqual([message]);
  });
});

describe('the record forms’ messages', () => {
  it.each([
    [
      'eligibility without a target unit',
      RecordEligibilityInput,
      { ...write, targetUnit: '', criteria: {} },
      'targetUnit',
      'Choose the target unit.',
    ],
    [
      'eligibility records of an unknown state',
      RecordEligibilityInput,
      { ...write, targetUnit: 'SNT', criteria: {}, psdRecords: 'lost' },
      'psdRecords',
      expect.stringMatching(/^Select whether the PSD records are requested or received\./),
    ],
    [
      'eligibility outcome of an unknown kind',
      RecordEligibilityInput,
      { ...write, targetUnit: 'SNT', criteria: {}, ohRecords: 'received', ohOutcome: 'maybe' },
      'ohOutcome',
      expect.stringMatching(/^Select the OH outcome: clear or refer\./),
    ],
    ['an interview without an outcome', RecordOutcomeInput, write, 'outcome', 'Choose pass or fail.'],
    [
      "TSG's pre-assessment without the base visit",
      RecordTsgPreAssessmentInput,
      { ...write, mentorId: null },
      'hasBaseVisit',
      'Say whether the officer has done an attachment or base visit.',
    ],
    ['a check without a status', UpdateCheckInput, { ...write, check: 'medical' }, 'status', 'Choose a status for the check.'],
    ['a check without a name', UpdateCheckInput, { ...write, status: 'passed' }, 'check', 'Choose a check.'],
    [
      'an induction without a course',
      BookCourseInput,
      { ...write, startDate: '2027-02-01', postingUnit: 'SNT', postingPlace: 'Central West' },
      'courseId',
      'Choose a course.',
    ],
    [
      'an induction without a start date',
      BookCourseInput,
      { ...write, courseId: 1, startDate: '', postingUnit: 'SNT', postingPlace: 'Central West' },
      'startDate',
      'Enter the start date.',
    ],
    [
      'an induction without a posting unit',
      BookCourseInput,
      { ...write, courseId: 1, startDate: '2027-02-01', postingPlace: 'Central West' },
      'postingUnit',
      'Choose a posting unit.',
    ],
    [
      'a mentor id that is not a number',
      AssignMentorInput,
      { ...write, mentorId: 'x' },
      'mentorId',
      'Choose a mentor from the pool.',
    ],
  ])('%s', (_what, schema: z.ZodType, input, path, message) => {
    expect(messages(schema, input)[path]).toEqual([message]);
  });

  it('never shows zod’s own wording for a missing or unlisted value', () => {
    const cases: [z.ZodType, unknown][] = [
      [CreateApplicationInput, {}],
      [
        CreateApplicationInput,
        { route: 'x', rank: 'x', targetUnit: 'x', unitPreferences: ['x'], cohortYear: 'x', specialistSkills: [''] },
      ],
      [UpdateApplicationInput, { ...write }],
      [
        RecordEligibilityInput,
        {
          ...write,
          targetUnit: 'x',
          psdRecords: 'x',
          psdOutcome: 'x',
          ohRecords: 'x',
          ohOutcome: 'x',
          criteria: {},
          hasOpenMisconduct: 'x',
        },
      ],
      [RecordOutcomeInput, { ...write, outcome: 'x' }],
      [SubmitScorecardInput, { interviewId: 1, scores: { professionalism: 'x', integrity: 0, courage: 6, compassion: 2.5 } }],
      [RecordTsgPreAssessmentInput, { ...write, mentorId: 'x', hasBaseVisit: 'x' }],
      [UpdateCheckInput, { ...write, check: '', status: 'x' }],
      [BookCourseInput, { ...write, courseId: 'x', startDate: 'x', postingUnit: 'x' }],
      [AssignMentorInput, { ...write, mentorId: 0, buddyId: 'x' }],
    ];
    for (const [schema, input] of cases) {
      const found = Object.entries(messages(schema, input)).flatMap(([path, ms]) => ms.map((m) => `${path}: ${m}`));
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((m) => internal.test(m))).toEqual([]);
    }
  });
});
