import { applications, inductionCourses, mentors } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from '../testing.ts';

/*
 * The coordinator's home through the real router: the joiners still needing something oldest first,
 * with what the board says they need; the next eight weeks' courses; the pool fullest first; the days to come.
 */

type Api = Awaited<ReturnType<typeof setupApi>>;

async function codeOf(call: Promise<unknown>) {
  try {
    await call;
    return 'ok';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

const enteredAt = (api: Api, id: number, at: string) =>
  api.db.update(applications).set({ stageEnteredAt: at }).where(eq(applications.id, id)).run();

describe('coordination.home', () => {
  it('coordinators, resourcing and the admin read it; unit leads and panel members may not', async () => {
    const api = await setupApi();
    for (const who of ['coordinator', 'resourcing', 'admin'] as const) expect(await codeOf(api.as[who].coordination.home())).toBe('ok');
    for (const who of ['leadMetcc', 'leadTsg', 'panelMetcc'] as const)
      expect(await codeOf(api.as[who].coordination.home())).toBe('FORBIDDEN');
    expect(await codeOf(api.anonymous.coordination.home())).toBe('UNAUTHORIZED');
  });

  it('lists joiners needing a course, mentor or buddy, oldest at their stage first, with the board’s needs', async () => {
    const api = await setupApi();
    const atMentoring = await applicationAt(api, 'mentoring'); // booked, no mentor or buddy
    const atInduction = await applicationAt(api, 'induction'); // just arrived: needs everything
    await applicationAt(api, 'onboarded'); // nothing needed, and past it
    await applicationAt(api, 'pre_employment'); // not the coordinator's yet
    enteredAt(api, atMentoring.id, '2026-11-20T10:00:00.000Z');
    enteredAt(api, atInduction.id, '2026-11-01T10:00:00.000Z');

    const home = await api.as.coordinator.coordination.home();
    expect(home.joinersWaiting).toBe(2);
    expect(home.joiners.map((j) => [j.applicationId, j.stage, j.daysWaiting, j.needs])).toEqual([
      [atInduction.id, 'induction', 22, ['course', 'mentor', 'buddy']],
      [atMentoring.id, 'mentoring', 3, ['mentor', 'buddy']],
    ]);
    // The same needs the board's cards carry for those cases.
    const board = (await api.as.coordinator.applications.board({})).flatMap((col) => col.items);
    for (const j of home.joiners) expect(board.find((c) => c.id === j.applicationId)?.needs).toEqual(j.needs);
    expect(home.joiners[0]).toMatchObject({ reference: atInduction.reference, name: `${atInduction.firstName} ${atInduction.lastName}` });
  });

  it('shows the courses of the next eight weeks with their fill, and the pool fullest first', async () => {
    const api = await setupApi();
    const add = (startsOn: string, status: 'scheduled' | 'cancelled' = 'scheduled') =>
      api.db.insert(inductionCourses).values({ startsOn, place: 'Hendon', capacity: 10, status }).returning().get();
    const soon = add('2026-12-01');
    const lastIn = add('2027-01-18'); // 56 days on
    add('2027-01-19'); // 57 days on
    add('2026-12-02', 'cancelled');
    add('2026-11-20'); // past
    const person = (name: string, capacity: number) =>
      api.db.insert(mentors).values({ name, unitCode: 'METCC', place: 'Bow', capacity }).returning().get();
    const roomy = person('Alex Roomy', 5);
    const full = person('Bea Full', 1);
    const c = await applicationAt(api, 'mentoring');
    await api.as.coordinator.applications.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: full.id });

    const home = await api.as.coordinator.coordination.home();
    // applicationAt booked the joiner on a course of its own, on their start date.
    expect(home.courses.map((k) => [k.startsOn, k.booked, k.capacity])).toEqual([
      ['2026-12-01', 0, 10],
      ['2026-12-21', 1, 50],
      ['2027-01-18', 0, 10],
    ]);
    expect([home.courses[0]!.id, home.courses[2]!.id]).toEqual([soon.id, lastIn.id]);
    const names = home.mentors.map((m) => m.name);
    expect(names.indexOf('Bea Full')).toBeLessThan(names.indexOf('Alex Roomy'));
    expect(home.mentors.find((m) => m.id === full.id)).toMatchObject({ load: 1, capacity: 1, hasRoom: false });
    expect(home.mentors.find((m) => m.id === roomy.id)).toMatchObject({ load: 0, capacity: 5, hasRoom: true });
  });

  it('shows the development days to come with who is invited, who came and who is still to invite', async () => {
    const api = await setupApi();
    await applicationAt(api, 'onboarded');
    const spring = await api.as.coordinator.developmentDays.create({ heldOn: '2027-03-10', place: 'Hendon', title: 'Spring day' });
    const autumn = await api.as.coordinator.developmentDays.create({ heldOn: '2027-10-06', place: 'Hendon', title: 'Autumn day' });
    await api.as.coordinator.developmentDays.invite({ id: spring.id });
    const cancelled = await api.as.coordinator.developmentDays.create({ heldOn: '2027-05-01', place: 'Hendon', title: 'Off' });
    await api.as.coordinator.developmentDays.cancel({ id: cancelled.id, expectedVersion: 1 });

    const home = await api.as.coordinator.coordination.home();
    expect(home.developmentDays).toEqual([
      { id: spring.id, heldOn: '2027-03-10', place: 'Hendon', title: 'Spring day', invited: 1, attended: 0, toInvite: 0 },
      { id: autumn.id, heldOn: '2027-10-06', place: 'Hendon', title: 'Autumn day', invited: 0, attended: 0, toInvite: 1 },
    ]);
  });
});
