import type { CreateMentorInput, PoolPerson } from '@muster/contracts';
import { applications, mentors, type Db } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from '../testing.ts';

type Api = Awaited<ReturnType<typeof setupApi>>;

/** What a refused call came to: its tRPC code, and the codes and words at each field (a rule's, or the schema's paths). */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause as {
      details?: {
        fieldCodes?: Record<string, string[]>;
        fieldErrors?: Record<string, string[]>;
        current?: unknown;
        unmet?: { code: string }[];
      };
      issues?: { path: PropertyKey[]; message: string }[];
    };
    return {
      code: e.code,
      message: e.message,
      fieldCodes: cause?.details?.fieldCodes ?? {},
      fieldErrors: cause?.details?.fieldErrors ?? {},
      current: cause?.details?.current,
      unmet: cause?.details?.unmet?.map((u) => u.code) ?? [],
      /** Schema failures, as `path: message`. */
      issues: cause?.issues?.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [],
    };
  }
  throw new Error('expected a refusal');
}

const samLee: CreateMentorInput = {
  name: 'PC Sam Lee',
  unit: 'METCC',
  place: 'Lambeth',
  capacity: 2,
  kind: 'both',
  userId: null,
};

/** The fields of an update that leaves the person as they are, at the version read. */
const asIs = (p: PoolPerson) => ({
  id: p.id,
  expectedVersion: p.version,
  name: p.name,
  unit: p.unit,
  place: p.place,
  capacity: p.capacity,
  kind: p.kind,
  isPaused: p.isPaused,
  isActive: p.isActive,
});

const poolRows = (db: Db) => db.select().from(mentors).orderBy(mentors.id).all();

async function added(api: Api, input: Partial<CreateMentorInput> = {}) {
  return (await api.as.coordinator.mentors.create({ ...samLee, ...input })).person;
}

describe('a coordinator keeps the pool', () => {
  it('adds a mentor and a buddy to an empty pool and assigns the joiner from the suggestions', async () => {
    const api = await setupApi();
    expect(poolRows(api.db)).toEqual([]);
    let c = await applicationAt(api, 'induction');
    const c0 = api.as.coordinator;
    expect(await c0.mentors.suggest({ applicationId: c.id })).toEqual({ mentor: [], buddy: [], excluded: [] });

    const added1 = await c0.mentors.create({
      name: 'PS Ola Bright',
      unit: 'METCC',
      place: 'Lambeth',
      capacity: 3,
      kind: 'mentor',
    });
    expect(added1).toEqual({
      person: {
        id: added1.person.id,
        name: 'PS Ola Bright',
        unit: 'METCC',
        place: 'Lambeth',
        capacity: 3,
        kind: 'mentor',
        isPaused: false,
        isActive: true,
        load: 0,
        hasRoom: true,
        version: 1,
        userId: null,
      },
      summary: 'PS Ola Bright added to the pool.',
      joinersStillAssigned: 0,
    });
    const buddy = (
      await c0.mentors.create({ name: 'PC Ari Dunn', unit: 'TSG', place: 'Catford (SE)', capacity: 2, kind: 'buddy' })
    ).person;

    const suggested = await c0.mentors.suggest({ applicationId: c.id });
    expect(suggested.mentor.map((p) => p.name)).toEqual(['PS Ola Bright']);
    expect(suggested.buddy.map((p) => p.name)).toEqual(['PC Ari Dunn']);
    expect(suggested.excluded).toEqual([]);

    c = await c0.applications.assignMentor({
      id: c.id,
      expectedVersion: c.version,
      mentorId: suggested.mentor[0]!.id,
      buddyId: suggested.buddy[0]!.id,
    });
    expect([c.mentor?.name, c.buddy?.name]).toEqual(['PS Ola Bright', 'PC Ari Dunn']);
    // Their load counts the joiner now; the case can move on to mentoring and be onboarded.
    expect((await c0.mentors.list({})).map((p) => [p.name, p.load])).toEqual([
      ['PC Ari Dunn', 1],
      ['PS Ola Bright', 1],
    ]);
    expect(buddy.kind).toBe('buddy');
  });

  it('lists the pool by name, one unit or all, and retired people only when asked', async () => {
    const api = await setupApi();
    const a = await added(api, { name: 'Zoe Ward', unit: 'TSG', place: 'Clapham (SW)' });
    await added(api, { name: 'Amy Cole' });
    await api.as.coordinator.mentors.update({ ...asIs(a), isActive: false });
    const names = async (input: Parameters<Api['as']['coordinator']['mentors']['list']>[0]) =>
      (await api.as.resourcing.mentors.list(input)).map((p) => p.name);
    expect(await names({})).toEqual(['Amy Cole']);
    expect(await names({ includeRetired: true })).toEqual(['Amy Cole', 'Zoe Ward']);
    expect(await names({ unit: 'TSG', includeRetired: true })).toEqual(['Zoe Ward']);
    expect(await names({ unit: 'METCC' })).toEqual(['Amy Cole']);
  });

  it('edits a person at the version read; the version goes up, and a stale one is a CONFLICT with the person as now', async () => {
    const api = await setupApi();
    const p = await added(api);
    const edited = await api.as.coordinator.mentors.update({ ...asIs(p), place: 'Bow', capacity: 4, kind: 'mentor' });
    expect(edited.person).toMatchObject({ place: 'Bow', capacity: 4, kind: 'mentor', version: 2 });
    expect(edited.summary).toBe("PC Sam Lee's details saved.");

    const stale = await refusal(api.as.admin.mentors.update({ ...asIs(p), name: 'PC Sam Lee-Wright' }));
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message: 'Someone else changed PC Sam Lee in the pool. Look at them again before you carry on.',
      current: edited.person,
    });
    expect(poolRows(api.db)[0]).toMatchObject({ name: 'PC Sam Lee', version: 2 });
    // The admin keeps the pool too.
    expect((await api.as.admin.mentors.update({ ...asIs(edited.person), name: 'PC Sam Lee-Wright' })).person.version).toBe(3);
  });

  it('pauses and resumes: a paused person is not suggested, and keeps the joiners they have', async () => {
    const api = await setupApi();
    const c = await applicationAt(api, 'induction');
    const p = await added(api);
    const withJoiner = await api.as.coordinator.applications.assignMentor({
      id: c.id,
      expectedVersion: c.version,
      mentorId: p.id,
    });
    const other = await applicationAt(api, 'induction');

    const paused = await api.as.coordinator.mentors.update({
      ...asIs((await api.as.coordinator.mentors.list({}))[0]!),
      isPaused: true,
    });
    expect(paused.summary).toBe(
      'PC Sam Lee paused: they will not be suggested for new joiners, and keep the 1 joiner they have.',
    );
    expect(paused.person).toMatchObject({ isPaused: true, load: 1, version: 2 });
    expect(await api.as.coordinator.mentors.suggest({ applicationId: other.id })).toEqual({
      mentor: [],
      buddy: [],
      excluded: [{ id: p.id, name: 'PC Sam Lee', why: 'paused' }],
    });
    // The joiner they have still has them, and they are still that joiner's mentor to offer.
    expect((await api.as.coordinator.mentors.suggest({ applicationId: withJoiner.id })).mentor.map((m) => m.id)).toEqual([p.id]);

    const resumed = await api.as.coordinator.mentors.update({ ...asIs(paused.person), isPaused: false });
    expect(resumed.summary).toBe('PC Sam Lee can take new joiners again.');
    expect((await api.as.coordinator.mentors.suggest({ applicationId: other.id })).mentor.map((m) => m.id)).toEqual([p.id]);
  });

  it('retires someone who still has joiners, saying how many; retired, they are offered for no one and listed only when asked', async () => {
    const api = await setupApi();
    let c = await applicationAt(api, 'mentoring');
    const m = await added(api, { name: 'PS Mo Reid' });
    c = await api.as.coordinator.applications.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: m.id });
    const mentor = (await api.as.coordinator.mentors.list({})).find((p) => p.name === 'PS Mo Reid');
    expect(mentor).toMatchObject({ load: 1 });
    const retired = await api.as.coordinator.mentors.update({ ...asIs(mentor!), isActive: false });
    expect(retired).toMatchObject({
      summary: 'PS Mo Reid retired from the pool. 1 joiner still has them as mentor or buddy: give that joiner someone else.',
      joinersStillAssigned: 1,
      person: { isActive: false, load: 1 },
    });
    // The joiner keeps them until given someone else; nobody is offered them.
    expect(api.db.select().from(applications).where(eq(applications.id, c.id)).get()?.mentorId).toBe(mentor!.id);
    const other = await applicationAt(api, 'induction');
    const s = await api.as.coordinator.mentors.suggest({ applicationId: other.id });
    expect([...s.mentor, ...s.buddy].map((p) => p.name)).not.toContain('PS Mo Reid');
    expect(s.excluded.map((e) => e.name)).not.toContain('PS Mo Reid');

    const back = await api.as.coordinator.mentors.update({ ...asIs(retired.person), isActive: true });
    expect(back.summary).toBe('PS Mo Reid is back in the pool.');
  });

  it('retiring someone with no joiners just says so', async () => {
    const api = await setupApi();
    const p = await added(api);
    expect((await api.as.coordinator.mentors.update({ ...asIs(p), isActive: false })).summary).toBe(
      'PC Sam Lee retired from the pool.',
    );
  });
});

describe('refusals, each with its code', () => {
  it('a capacity below the joiners someone has now: pool.capacity_below_load, saying the load', async () => {
    const api = await setupApi();
    const p = await added(api, { capacity: 3 });
    for (const stage of ['induction', 'mentoring'] as const) {
      const c = await applicationAt(api, stage);
      const current = api.db.select().from(applications).where(eq(applications.id, c.id)).get()!;
      await api.as.coordinator.applications.assignMentor({
        id: c.id,
        expectedVersion: current.version,
        ...(stage === 'induction' ? { mentorId: p.id } : { buddyId: p.id }),
      });
    }
    const now = (await api.as.coordinator.mentors.list({})).find((x) => x.id === p.id)!;
    expect(now.load).toBe(2);
    const r = await refusal(api.as.coordinator.mentors.update({ ...asIs(now), capacity: 1 }));
    expect(r).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { capacity: ['pool.capacity_below_load'] },
      fieldErrors: {
        capacity: ['PC Sam Lee has 2 joiners now: the capacity cannot be less than 2. Give some of them someone else first.'],
      },
    });
    expect(poolRows(api.db).find((x) => x.id === p.id)).toMatchObject({ capacity: 3, version: 1 });
    // Down to the load itself is allowed.
    expect((await api.as.coordinator.mentors.update({ ...asIs(now), capacity: 2 })).person).toMatchObject({
      capacity: 2,
      hasRoom: false,
    });
  });

  it('a place that is not of the unit: pool.place_not_of_unit, on create and on update', async () => {
    const api = await setupApi();
    expect(await refusal(api.as.coordinator.mentors.create({ ...samLee, place: 'Gravesend' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { place: ['pool.place_not_of_unit'] },
      fieldErrors: { place: ['Gravesend is not a place of Met Command and Control: choose one of its places.'] },
    });
    const p = await added(api);
    // A move to another unit needs one of that unit's places.
    expect(await refusal(api.as.coordinator.mentors.update({ ...asIs(p), unit: 'TSG' }))).toMatchObject({
      fieldCodes: { place: ['pool.place_not_of_unit'] },
    });
    expect(poolRows(api.db)).toHaveLength(1);
  });

  it('an account that is no active user: pool.user_unknown', async () => {
    const api = await setupApi();
    expect(await refusal(api.as.coordinator.mentors.create({ ...samLee, userId: 9999 }))).toMatchObject({
      fieldCodes: { userId: ['pool.user_unknown'] },
    });
    const linked = await added(api, { userId: api.actors.panelMetcc.id });
    expect(linked.userId).toBe(api.actors.panelMetcc.id);
    // Left out of an update, the link stays; null removes it.
    expect((await api.as.coordinator.mentors.update({ ...asIs(linked), capacity: 5 })).person.userId).toBe(
      api.actors.panelMetcc.id,
    );
    const fresh = (await api.as.coordinator.mentors.list({}))[0]!;
    expect((await api.as.coordinator.mentors.update({ ...asIs(fresh), userId: null })).person.userId).toBeNull();
  });

  it('an edit that changes nothing: pool.unchanged', async () => {
    const api = await setupApi();
    const p = await added(api);
    expect(await refusal(api.as.coordinator.mentors.update(asIs(p)))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { '': ['pool.unchanged'] },
      fieldErrors: { '': ['Nothing changed: PC Sam Lee is already as you have them.'] },
    });
  });

  it('no such person: NOT_FOUND', async () => {
    const api = await setupApi();
    const p = await added(api);
    expect(await refusal(api.as.coordinator.mentors.update({ ...asIs(p), id: p.id + 100 }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['a name of one letter', { name: 'S' }, ['name: Enter their name, at least 2 characters, for example “PC Sam Lee”.']],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, ['name: Keep their name under 100 characters.']],
    ['capacity 0', { capacity: 0 }, ['capacity: They must be able to take at least 1 joiner.']],
    ['capacity 21', { capacity: 21 }, ['capacity: At most 20 joiners at once.']],
    ['capacity 1.5', { capacity: 1.5 }, ['capacity: Enter a whole number of joiners.']],
    ['a kind that is not one', { kind: 'coach' }, ['kind: Choose whether they mentor, buddy, or both.']],
    ['a unit that is not one', { unit: 'MO99' }, ['unit: Choose the unit they serve in.']],
    ['no place', { place: ' ' }, ['place: Choose the place they work from.']],
  ])('the schema refuses %s, in words a caseworker can act on', async (_what, change, issues) => {
    const api = await setupApi();
    const r = await refusal(api.as.coordinator.mentors.create({ ...samLee, ...change } as CreateMentorInput));
    expect([r.code, r.issues]).toEqual(['BAD_REQUEST', issues]);
    expect(poolRows(api.db)).toEqual([]);
  });
});

describe('suggestions for a case', () => {
  it('leave out whoever sat on the joiner’s interview panel, saying why', async () => {
    const api = await setupApi();
    // applicationAt interviews every case with resourcing alone on the panel.
    const c = await applicationAt(api, 'induction');
    const panellist = await added(api, { name: 'Rita Resourcing', userId: api.actors.resourcing.id });
    const other = await added(api, { name: 'Pat METCC Panel', userId: api.actors.panelMetcc.id });
    const s = await api.as.coordinator.mentors.suggest({ applicationId: c.id });
    expect(s.mentor.map((p) => p.id)).toEqual([other.id]);
    expect(s.buddy.map((p) => p.id)).toEqual([other.id]);
    expect(s.excluded).toEqual([{ id: panellist.id, name: 'Rita Resourcing', why: 'interviewed_joiner' }]);
  });

  it('put the joiner’s unit and place first, and name who is full', async () => {
    const api = await setupApi();
    let c = await applicationAt(api, 'mentoring');
    // The case is posted to METCC Lambeth (the unit's first place); its mentor and buddy are METCC, at Bow.
    const m = await added(api, { name: 'Mentor Bow', place: 'Bow' });
    const b = await added(api, { name: 'Buddy Bow', place: 'Bow' });
    c = await api.as.coordinator.applications.assignMentor({
      id: c.id,
      expectedVersion: c.version,
      mentorId: m.id,
      buddyId: b.id,
    });
    await added(api, { name: 'Away', unit: 'TSG', place: 'Catford (SE)' });
    await added(api, { name: 'Lambeth', place: 'Lambeth' });
    const full = await added(api, { name: 'Full', place: 'Lambeth', capacity: 1 });
    const k = await applicationAt(api, 'induction');
    await api.as.coordinator.applications.assignMentor({ id: k.id, expectedVersion: k.version, mentorId: full.id });
    const s = await api.as.coordinator.mentors.suggest({ applicationId: c.id });
    expect(s.mentor.map((p) => p.name)).toEqual(['Lambeth', 'Mentor Bow', 'Away']);
    expect(s.buddy.map((p) => p.name)).toEqual(['Lambeth', 'Buddy Bow', 'Away']);
    expect(s.excluded).toEqual([{ id: full.id, name: 'Full', why: 'at_capacity' }]);
  });

  it('are for a case the caller may give a mentor now: FORBIDDEN outside their reach, PRECONDITION_FAILED before induction', async () => {
    const api = await setupApi();
    const review = await applicationAt(api, 'review');
    expect((await refusal(api.as.coordinator.mentors.suggest({ applicationId: review.id }))).code).toBe('FORBIDDEN');
    expect(await refusal(api.as.resourcing.mentors.suggest({ applicationId: review.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      unmet: ['action.wrong_stage'],
    });
    const onboarded = await applicationAt(api, 'onboarded');
    expect((await refusal(api.as.coordinator.mentors.suggest({ applicationId: onboarded.id }))).code).toBe('PRECONDITION_FAILED');
    expect((await refusal(api.as.coordinator.mentors.suggest({ applicationId: 99999 }))).code).toBe('NOT_FOUND');
  });
});

describe('the database guards each person’s capacity', () => {
  it('refuses an update that gives someone more joiners than their capacity, whatever the service checked', async () => {
    const api = await setupApi();
    const a = await applicationAt(api, 'induction');
    const b = await applicationAt(api, 'induction');
    const one = api.db
      .insert(mentors)
      .values({ name: 'PC One Place', unitCode: 'METCC', place: 'Bow', capacity: 1 })
      .returning()
      .get();
    api.db.update(applications).set({ mentorId: one.id }).where(eq(applications.id, a.id)).run();
    // A second joiner, as a second process would write it after its own check: refused by the trigger.
    expect(() => api.db.update(applications).set({ mentorId: one.id }).where(eq(applications.id, b.id)).run()).toThrow(
      /mentors: that person is at capacity/,
    );
    expect(() => api.db.update(applications).set({ buddyId: one.id }).where(eq(applications.id, b.id)).run()).toThrow(
      /mentors: that person is at capacity/,
    );
    // Once the first joiner is onboarded, the place is free again.
    api.db.update(applications).set({ stage: 'onboarded' }).where(eq(applications.id, a.id)).run();
    api.db.update(applications).set({ mentorId: one.id }).where(eq(applications.id, b.id)).run();
    expect(api.db.select().from(applications).where(eq(applications.id, b.id)).get()?.mentorId).toBe(one.id);
  });
});
