import { openStages, pipelineStages, type OpenStage, type Route, type UnitCode } from '@muster/contracts';
import { applications, inductionCourses, mentors, users, type Db } from '@muster/db';
import {
  addDays,
  homeOfficeForces,
  isClosed,
  metccRoles,
  metForce,
  postingPlacesOf,
  requiredChecks,
  routeCriteria,
  stageTargetDays,
  unitCriteria,
  units,
  type Actor,
} from '@muster/domain';
import { asc, eq, gte, sql } from 'drizzle-orm';
import { hashPassword } from '../security/passwords.ts';
import type { ServiceCtx } from '../services/service-ctx.ts';
import { demoSettings } from './demo-settings.ts';
import { createApplication } from '../services/candidate-details.ts';
import { listCloseReasons } from '../services/close-reasons.ts';
import { assignApplications } from '../services/triage.ts';
import { insertUser } from '../services/auth.ts';
import { bookCourse } from '../services/courses.ts';
import { moveApplication } from '../services/moves.ts';
import { updateCheck } from '../services/checks.ts';
import { passCheck } from '../services/checks-testing.ts';
import {
  addNote,
  assignMentor,
  mentorLoad,
  recordEligibility,
  recordTsgPreAssessment,
} from '../services/records.ts';
import { firstNames, lastNames, mentorNames } from './people.ts';
import { holdInterview, seedInterviews } from './seed-interviews.ts';

export const demoPassword = 'muster-demo';

export const demoAccounts = [
  { email: 'resourcing@muster.test', name: 'Priya Shah', role: 'resourcing', units: [] },
  { email: 'lead.tsg@muster.test', name: 'Insp. Dan Walker', role: 'unit_lead', units: ['TSG'] },
  { email: 'lead.metcc@muster.test', name: 'Insp. Maria Costa', role: 'unit_lead', units: ['METCC'] },
  { email: 'coordinator@muster.test', name: 'Sgt. Joe Okafor', role: 'coordinator', units: [] },
  { email: 'admin@muster.test', name: 'Alex Morgan', role: 'admin', units: [] },
  { email: 'panel.metcc@muster.test', name: 'PC Sam Reid', role: 'panel_member', units: ['METCC'] },
] as const satisfies readonly { email: string; name: string; role: Actor['role']; units: UnitCode[] }[];

/** A small deterministic random source, so every fresh demo database looks the same. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(next() * xs.length)];
    if (x === undefined) throw new Error('pick() needs a non-empty list');
    return x;
  };
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let r = next() * pairs.reduce((a, [, w]) => a + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    // Rounding can leave r a hair above the last weight: the last value is the one it fell on.
    const last = pairs.at(-1);
    if (!last) throw new Error('weighted() needs at least one pair');
    return last[0];
  };
  return { next, int, pick, weighted };
}

type Rand = ReturnType<typeof prng>;

/** The places of a unit in the reference data (every UnitCode has an entry). */
function placesOf(unit: UnitCode): readonly string[] {
  const found = units.find((u) => u.code === unit);
  if (!found) throw new Error(`Unit ${unit} is missing from the reference data`);
  return found.places;
}
type DemoActors = {
  resourcing: Actor & { name: string };
  coordinator: Actor & { name: string };
  leads: (Actor & { name: string })[];
};

/** Seeds demo accounts, the mentor pool, induction courses and `count` cases, if the database has no users yet. */
export async function seedDemoData(db: Db, opts: { count?: number; today?: Date } = {}) {
  const existing = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .get();
  if (!existing) throw new Error('count(*) returned no row');
  if (existing.n > 0) return null;
  const passwordHash = await hashPassword(demoPassword);
  const today = opts.today ?? new Date();
  // All or nothing: a start-up interrupted half-way leaves an empty database that seeds again next time.
  return db.transaction(() => {
    const accounts = demoAccounts.map((a) => ({
      id: insertUser(db, { ...a, units: [...a.units], passwordHash }, today),
      role: a.role,
      units: [...a.units],
      name: a.name,
    }));
    const [resourcing, tsgLead, metccLead, coordinator, , metccPanel] = accounts;
    if (!resourcing || !tsgLead || !metccLead || !coordinator || !metccPanel) {
      throw new Error(
        'demoAccounts lists resourcing, the two unit leads, the coordinator, the admin and the panel member, in that order',
      );
    }
    const actors: DemoActors = { resourcing, leads: [tsgLead, metccLead], coordinator };
    seedPoolAndCourses(db, today);
    const cases = seedApplications(db, actors, opts.count ?? 320, today, prng(2026));
    seedTriageExamples(db, actors, today, prng(11));
    seedInterviews(db, { resourcing, tsgLead, metccLead, metccPanel }, today, prng(5));
    return { users: accounts.length, cases };
  });
}

export function seedPoolAndCourses(db: Db, today: Date) {
  const rand = prng(7);
  db.transaction((tx) => {
    for (const name of mentorNames) {
      const unit = rand.weighted<UnitCode>([
        ['SNT', 5],
        ['BCU', 5],
        ['TSG', 3],
        ['METCC', 3],
        ['SOIT', 2],
        ['CT', 1],
        ['MO19', 1],
        ['MO3', 1],
      ]);
      const place = rand.pick(placesOf(unit));
      tx.insert(mentors)
        .values({ name, unitCode: unit, place, capacity: rand.int(3, 6) })
        .run();
    }
    const todayIso = today.toISOString().slice(0, 10);
    for (let week = -40; week <= 52; week += 2) {
      tx.insert(inductionCourses)
        .values({
          startsOn: addDays(todayIso, week * 7),
          place: week % 4 === 0 ? 'Hendon (Peel Centre)' : 'Marlowe House, Sidcup',
          capacity: 40,
        })
        .run();
    }
  });
}

/**
 * The most days the demo's steps at each stage take before the case moves on (the sum of the largest
 * `step`s below): a case bound for a later stage starts this long before it is due to get there.
 */
const longestStageDays: Record<Exclude<OpenStage, 'mentoring'>, number> = {
  review: 17,
  interview: 25,
  pre_employment: 75,
  induction: 11,
};

/** The share of open cases the demo makes overdue at their stage: some, as in a working week, not most. */
const overdueShare = 0.07;

const endStages = [
  ['review', 22],
  ['interview', 14],
  ['pre_employment', 16],
  ['induction', 9],
  ['mentoring', 9],
  ['onboarded', 14],
  ['rejected', 11],
  ['withdrawn', 5],
] as const;

/** Per closing stage: the listed reason, and the free text a caseworker would add. */
const rejectReasons = {
  review: [
    'Does not meet the eligibility criteria',
    ['Has not completed the 2-year probationary period.', 'Not serving in a Home Office force.'],
  ],
  interview: [
    'Interview not passed',
    ['Scores below the standard for integrity and courage.', 'Did not attend the interview and did not respond.'],
  ],
  pre_employment: [
    'Pre-employment check not passed',
    ['Vetting not passed.', 'Occupational health: not fit for the role.', 'References did not support the application.'],
  ],
} as const;
const withdrawReasons = [
  ['Accepted another role or promotion', 'The officer accepted a promotion in their home force.'],
  ['Candidate withdrew', 'Family circumstances: the officer can no longer relocate.'],
  ['Candidate withdrew', 'The officer asked to withdraw and may reapply next year.'],
  ['No response to contact', 'No response to three contact attempts over 30 days.'],
] as const;

/**
 * Makes the triage queue look like a working week: some review cases already assigned, and a few
 * people who applied twice, flagged as possible duplicates by the same rule a real create uses.
 */
function seedTriageExamples(db: Db, actors: DemoActors, today: Date, rand: Rand) {
  const ctx = (daysAgo: number): ServiceCtx => ({
    db,
    config: demoSettings,
    actor: actors.resourcing,
    now: () => new Date(today.getTime() - daysAgo * 86_400_000),
  });
  const review = db.select().from(applications).where(eq(applications.stage, 'review')).orderBy(asc(applications.id)).all();
  const toAssign = review.filter(() => rand.next() < 0.35);
  if (toAssign.length)
    assignApplications(ctx(1), { cases: toAssign.map((a) => ({ id: a.id, expectedVersion: a.version })), assignee: 'me' });
  for (const original of review.filter((a) => a.route === 'transferee').slice(0, 3)) {
    createApplication(ctx(rand.int(0, 3)), {
      route: original.route,
      cohortYear: null,
      firstName: original.firstName,
      lastName: original.lastName,
      email: original.email,
      phone: original.phone,
      dateOfBirth: original.dateOfBirth,
      currentForce: original.currentForce,
      rank: original.rank,
      warrantNumber: original.warrantNumber,
      joinedForceOn: original.joinedForceOn,
      targetUnit: null,
      unitPreferences: original.unitPreferences,
      postingPreference: null,
      specialistSkills: ['Applied again through the online form'],
    });
  }
}

/**
 * Creates `count` cases and takes each through the real services to a stage of its own, so every
 * history is one the rules allow. Returns how many were made.
 */
export function seedApplications(db: Db, actors: DemoActors, count: number, today: Date, rand: Rand): number {
  const forces = homeOfficeForces.filter((f) => f !== metForce);
  const closeReasonIds = new Map(
    listCloseReasons({ db, config: demoSettings, actor: actors.resourcing, now: () => today }, { includeRetired: false }).map(
      (r) => [`${r.kind}:${r.label}`, r.id],
    ),
  );
  for (let n = 0; n < count; n++) {
    db.transaction(() => seedOneApplication(db, actors, today, rand, forces, n, closeReasonIds));
  }
  return count;
}

function seedOneApplication(
  db: Db,
  actors: DemoActors,
  today: Date,
  rand: Rand,
  forces: readonly string[],
  n: number,
  closeReasonIds: Map<string, number>,
) {
  const end = rand.weighted(endStages);
  const route = rand.weighted<Route>([
    ['transferee', 70],
    ['police_now_nglp', 18],
    ['police_now_ndp', 12],
  ]);
  const unit: UnitCode =
    route === 'transferee'
      ? rand.weighted<UnitCode>([
          ['SNT', 24],
          ['METCC', 13],
          ['TSG', 15],
          ['CT', 7],
          ['MO19', 6],
          ['MO3', 5],
          ['SOIT', 10],
          ['BCU', 20],
        ])
      : route === 'police_now_nglp'
        ? rand.weighted<UnitCode>([
            ['SNT', 3],
            ['BCU', 1],
          ])
        : rand.weighted<UnitCode>([
            ['BCU', 2],
            ['SOIT', 1],
          ]);
  const isClosing = isClosed(end);
  const depth = isClosing ? rand.int(0, 3) : pipelineStages.indexOf(end);
  const latest = today.getTime() - 60_000;
  // A case still open arrives at its stage a chosen number of days ago: within the stage's target for
  // most, past it for some. It starts early enough for every step before to fit.
  const openEnd = (openStages as readonly string[]).includes(end) ? (end as OpenStage) : null;
  let arrivesAt: number | null = null;
  let clock: number;
  if (openEnd) {
    const target = stageTargetDays[openEnd];
    const daysInStage = rand.next() < overdueShare ? rand.int(target + 1, target * 2) : rand.int(0, Math.floor(target * 0.9));
    arrivesAt = today.getTime() - daysInStage * 86_400_000 - rand.int(3_600_000, 10 * 3_600_000);
    const before = openStages.slice(0, openStages.indexOf(openEnd)) as (keyof typeof longestStageDays)[];
    clock = arrivesAt - before.reduce((n, s) => n + longestStageDays[s], 0) * 86_400_000;
  } else {
    // Onboarded and closed cases: older ones have gone further; leave room for the steps before today.
    clock = today.getTime() - (depth * 22 + rand.int(1, 40)) * 86_400_000 - rand.int(0, 86_400_000);
  }
  // Once at its last stage, each step takes a share of the time left before today.
  let isAtEnd = openEnd === 'review';
  const step = (minDays: number, maxDays: number) => {
    clock = isAtEnd
      ? clock + (latest - clock) * (0.1 + rand.next() * 0.4)
      : Math.min(clock + rand.int(minDays, maxDays) * 86_400_000 + rand.int(0, 8 * 3_600_000), latest);
  };
  /** Just before the move to `to`: a case that stays there arrives when it was meant to. */
  const arrive = (to: OpenStage) => {
    if (to !== openEnd || arrivesAt === null) return;
    clock = Math.max(clock, arrivesAt);
    isAtEnd = true;
  };
  const as = (a: Actor & { name: string }): ServiceCtx => ({ db, config: demoSettings, actor: a, now: () => new Date(clock) });
  const lead = actors.leads.find((l) => l.units.includes(unit)) ?? actors.resourcing;
  const first = rand.pick(firstNames);
  const last = rand.pick(lastNames);
  const todayIso = today.toISOString().slice(0, 10);
  const isRecentJoiner = route === 'transferee' && end === 'review' && rand.next() < 0.15;

  let c = createApplication(as(actors.resourcing), {
    route,
    cohortYear: route === 'transferee' ? null : today.getUTCFullYear() + rand.int(-1, 1),
    firstName: first,
    lastName: last,
    email: `${first}.${last}${n}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@example.com',
    phone: `07${rand.int(100, 999)} ${rand.int(100000, 999999)}`,
    dateOfBirth: addDays(todayIso, -rand.int(22 * 365, 45 * 365)),
    currentForce: route === 'transferee' ? rand.pick(forces) : null,
    rank:
      route === 'transferee'
        ? rand.weighted([
            ['PC', 3],
            ['DC', 1],
          ] as const)
        : null,
    warrantNumber: route === 'transferee' ? String(rand.int(100000, 999999)) : null,
    joinedForceOn:
      route === 'transferee'
        ? addDays(new Date(clock).toISOString(), -(isRecentJoiner ? rand.int(200, 600) : rand.int(800, 6000)))
        : null,
    targetUnit: rand.next() < 0.6 ? unit : null,
    unitPreferences: rand.next() < 0.7 ? [unit, ...(unit === 'BCU' ? [] : (['BCU'] as const))] : [],
    postingPreference: unit === 'MO3' ? 'MO3' : null,
    specialistSkills:
      rand.next() < 0.4
        ? [
            rand.pick([
              'Advanced driver',
              'Public order Level 2',
              'Taser trained',
              'Detective (PIP2)',
              'Mobile surveillance',
              'Cycle trained',
            ]),
          ]
        : [],
    receivedAt: new Date(clock).toISOString(),
  });
  const write = () => ({ id: c.id, expectedVersion: c.version });
  const close = (stage: keyof typeof rejectReasons) => {
    step(1, 6);
    const to = end === 'withdrawn' ? 'withdrawn' : 'rejected';
    const [label, text] =
      to === 'withdrawn' ? rand.pick(withdrawReasons) : [rejectReasons[stage][0], rand.pick(rejectReasons[stage][1])];
    const reasonId = closeReasonIds.get(`${to}:${label}`);
    c = moveApplication(as(actors.resourcing), { ...write(), to, reasonId, reason: text });
  };

  // review
  if (end === 'review' && rand.next() < 0.45) return;
  step(1, 9);
  const criteria = Object.fromEntries(
    routeCriteria[route].map((k) => [k.code, !(isRecentJoiner && k.code === 'probation_complete')]),
  );
  const unitMet = Object.fromEntries(unitCriteria[unit].map((k) => [k.code, !(end === 'review' && rand.next() < 0.2)]));
  const isTsgReady = unit !== 'TSG' || end !== 'review' || rand.next() < 0.5;
  const isTransferee = route === 'transferee';
  const recordsArrived = end !== 'review' || rand.next() < 0.6;
  const hasMisconduct = isTransferee && end === 'review' && rand.next() < 0.08;
  c = recordEligibility(as(actors.resourcing), {
    ...write(),
    targetUnit: unit,
    criteria,
    unitCriteria: unitMet,
    psdRecords: !isTransferee ? 'not_requested' : recordsArrived ? 'received' : 'requested',
    psdOutcome: isTransferee && recordsArrived ? 'clear' : null,
    ohRecords: !isTransferee ? 'not_requested' : recordsArrived ? 'received' : 'requested',
    ohOutcome: isTransferee && recordsArrived ? (end === 'review' && rand.next() < 0.1 ? 'refer' : 'clear') : null,
    hasOpenMisconduct: isTransferee ? hasMisconduct : null,
    misconductDetails: hasMisconduct
      ? 'Open investigation into a complaint about use of force; the current force’s PSD reference is awaited.'
      : null,
    notes: rand.next() < 0.3 ? 'Spoke to the officer by phone; keen to start in the spring.' : null,
  });
  if (c.targetUnit === 'TSG' && isTsgReady) {
    // The TSG lead records the mentor from TSG's people in the pool, and the base visit.
    const tsgMentors = db.select().from(mentors).where(eq(mentors.unitCode, 'TSG')).all();
    const mentor = tsgMentors[n % tsgMentors.length];
    if (!mentor) throw new Error('The demo pool has no TSG officer');
    c = recordTsgPreAssessment(as(lead), { ...write(), mentorId: mentor.id, hasBaseVisit: true });
  }
  if (rand.next() < 0.2) {
    step(0, 2);
    c = addNote(as(actors.resourcing), {
      ...write(),
      body: rand.pick([
        'Officer asked about relocation support.',
        'Chased current force for PSD records.',
        'Prefers an early shift pattern; noted for posting.',
      ]),
    });
  }
  if (end === 'review') return;
  if (isClosing && depth === 0) return close('review');
  step(1, 5);
  arrive('interview');
  c = moveApplication(as(actors.resourcing), { ...write(), to: 'interview' });

  // interview
  if (end === 'interview' && rand.next() < 0.5) return;
  const fails = isClosing && depth === 1 && end === 'rejected';
  const held = holdInterview(
    db,
    lead,
    c,
    { from: clock, latest },
    {
      outcome: fails ? 'fail' : 'pass',
      score: () => (fails ? rand.int(1, 3) : rand.int(3, 5)),
      notes: fails
        ? 'Struggled with the scenario questions on use of force.'
        : 'Clear examples of community engagement and sound judgement.',
    },
  );
  c = held.c;
  if (!c.interview) return;
  step(5, 20);
  clock = Math.max(clock, held.at);
  if (end === 'interview') return;
  if (isClosing && depth === 1) return close('interview');
  step(1, 4);
  arrive('pre_employment');
  c = moveApplication(as(lead.role === 'unit_lead' ? lead : actors.resourcing), { ...write(), to: 'pre_employment' });

  // pre-employment checks
  const checks = requiredChecks(route, unit);
  const done = end === 'pre_employment' ? rand.int(0, checks.length - 1) : checks.length;
  const isRerouted = unit === 'TSG' && rand.next() < 0.25;
  for (const [i, check] of checks.entries()) {
    // After a TSG re-route the TSG-only checks no longer apply.
    if (!requiredChecks(route, c.targetUnit).some((t) => t.code === check.code)) continue;
    if (i >= done) {
      if (rand.next() < 0.5) {
        step(0, 3);
        c = updateCheck(as(actors.resourcing), { ...write(), check: check.code, status: 'requested' });
      }
      continue;
    }
    step(1, 7);
    if (isRerouted && check.code === 'level2_public_order') {
      c = updateCheck(as(actors.resourcing), {
        ...write(),
        check: check.code,
        status: 'failed',
        reason: 'Did not complete the Level 2 shield phase.',
      });
      continue;
    }
    if (isRerouted && check.code === 'cbrn_medical') continue;
    const isWaived = check.code === 'fitness_test' && rand.next() < 0.05;
    c = updateCheck(
      as(actors.resourcing),
      isWaived
        ? {
            ...write(),
            check: check.code,
            status: 'waived',
            reason: 'Passed the same test with the current force within 6 months.',
          }
        : { ...passCheck(c, check.code, '2031-06-30'), ...write() },
    );
  }
  if (end === 'pre_employment') return;
  if (isClosing) return close('pre_employment');
  step(1, 3);
  arrive('induction');
  c = moveApplication(as(actors.resourcing), { ...write(), to: 'induction' });

  // induction
  if (end === 'induction' && rand.next() < 0.4) return;
  step(1, 6);
  const { finalOfferAt, targetUnit } = c;
  if (!finalOfferAt || !targetUnit) throw new Error(`${c.reference} reached induction without a final offer and a target unit`);
  const earliest = addDays(finalOfferAt, route === 'transferee' ? 28 : 0);
  const course = db
    .select()
    .from(inductionCourses)
    .where(gte(inductionCourses.startsOn, earliest))
    .orderBy(asc(inductionCourses.startsOn))
    .get();
  if (!course) throw new Error(`No induction course starts on or after ${earliest}: seedPoolAndCourses plans a year ahead`);
  c = bookCourse(as(actors.coordinator), {
    ...write(),
    courseId: course.id,
    startDate: course.startsOn,
    postingUnit: targetUnit,
    postingPlace: rand.pick(postingPlacesOf(targetUnit)),
    postingRole: targetUnit === 'METCC' ? rand.pick(metccRoles) : null,
  });
  if (end === 'induction') return;
  step(1, 4);
  arrive('mentoring');
  c = moveApplication(as(actors.coordinator), { ...write(), to: 'mentoring' });

  // mentoring
  step(1, 10);
  const pool = db
    .select()
    .from(mentors)
    .all()
    .filter((m) => mentorLoad(db, m.id) < m.capacity);
  const sameUnit = pool.filter((m) => m.unitCode === c.targetUnit);
  const mentor = (sameUnit.length ? sameUnit : pool)[0];
  const buddy = pool.find((m) => m.id !== mentor?.id);
  if (!mentor || !buddy || (end === 'mentoring' && rand.next() < 0.4)) return;
  c = assignMentor(as(actors.coordinator), { ...write(), mentorId: mentor.id, buddyId: buddy.id });
  if (end === 'mentoring') return;
  step(14, 40);
  c = moveApplication(as(actors.coordinator), { ...write(), to: 'onboarded' });
}
