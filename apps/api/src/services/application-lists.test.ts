import type { CountedPage, ListSort, TriageSort } from '@muster/contracts';
import { countCap, listSortKeys, stages, triageSortKeys } from '@muster/contracts';
import { applications, inductionBookings, inductionCourses, mentors } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../testing.ts';

type Api = Awaited<ReturnType<typeof setupApi>>;

/*
 * The triage queue and the list of cases: every sort the API offers, both ways, paged through a few
 * rows at a time, gives each matching case exactly once, in the order asked for, and the same total
 * on every page. The cases share surnames in different cases (smith, Smith), received dates, forces
 * and units, so the keyset's tie-break on id is what keeps each page apart.
 */

const people = [
  ['Ann', 'smith', '2026-11-01T09:00:00Z', 'Kent Police', 'TSG'],
  ['Bea', 'Smith', '2026-11-01T09:00:00Z', null, null],
  ['Ann', 'Smith', '2026-11-02T09:00:00Z', 'Essex Police', 'TSG'],
  ['ann', 'SMITH', '2026-11-01T09:00:00Z', 'Kent Police', 'METCC'],
  ['Cal', 'Adams', '2026-11-03T09:00:00Z', null, 'SNT'],
  ['Dee', 'adams', '2026-11-03T09:00:00Z', 'Kent Police', null],
  ['Eve', 'Zane', '2026-10-20T09:00:00Z', 'Essex Police', 'CT'],
  ['Fay', 'Young', '2026-11-02T09:00:00Z', null, 'TSG'],
  ['Gus', 'Brown', '2026-11-01T09:00:00Z', 'Kent Police', 'SNT'],
] as const;

async function seed(api: Api) {
  const ids: number[] = [];
  for (const [i, [firstName, lastName, receivedAt, force, unit]] of people.entries()) {
    const fields = force
      ? buildApplication({ firstName, lastName, receivedAt, currentForce: force, targetUnit: unit })
      : buildApplication({
          route: i % 2 ? 'police_now_nglp' : 'police_now_ndp',
          cohortYear: 2026,
          firstName,
          lastName,
          receivedAt,
          currentForce: null,
          rank: null,
          warrantNumber: null,
          joinedForceOn: null,
          targetUnit: unit,
        });
    ids.push((await api.as.resourcing.applications.create({ ...fields, dateOfBirth: `1990-01-${String(i + 10)}` })).id);
  }
  return ids;
}

/** Every page from the first, `limit` at a time: the ids in order and each page's total. */
async function pageThrough<T extends { id: number }>(get: (cursor: string | undefined) => Promise<CountedPage<T>>) {
  const ids: number[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await get(cursor);
    ids.push(...page.items.map((i) => i.id));
    totals.add(page.total);
    if (!page.nextCursor) return { ids, totals: [...totals] };
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

type Row = typeof applications.$inferSelect;
/** The order SQLite's NOCASE collation gives ASCII names. */
const nocase = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeys: Record<ListSort['by'] | TriageSort['by'], (a: Row, b: Row) => number> = {
  created: () => 0,
  received: (a, b) => text(a.receivedAt, b.receivedAt),
  reference: (a, b) => text(a.reference, b.reference),
  name: (a, b) => nocase(a.lastName, b.lastName) || nocase(a.firstName, b.firstName),
  stage: (a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage),
  route: (a, b) => text(a.route, b.route),
  unit: (a, b) => text(a.targetUnit ?? '', b.targetUnit ?? ''),
  force: (a, b) => text(a.currentForce ?? '', b.currentForce ?? ''),
};
/** The ids of these rows as the sort should order them: its keys, then the id, all one way. */
function expected(rows: Row[], sort: { by: keyof typeof byKeys; direction: 'ascending' | 'descending' }) {
  const way = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => way * (byKeys[sort.by](a, b) || a.id - b.id)).map((r) => r.id);
}

describe('the triage queue, counted and sorted', () => {
  it('pages through every case once under each sort, both ways, with the total on every page', async () => {
    const api = await setupApi();
    const ids = await seed(api);
    const rows = api.db.select().from(applications).all();
    expect(rows).toHaveLength(ids.length);
    for (const by of triageSortKeys) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sort = { by, direction };
        const seen = await pageThrough((cursor) =>
          api.as.resourcing.triage.queue({ sort, limit: 2, ...(cursor ? { cursor } : {}) }),
        );
        expect(seen.ids, `${by} ${direction}`).toEqual(expected(rows, sort));
        expect(seen.totals).toEqual([ids.length]);
      }
    }
  });

  it('is oldest first by default, and counts what the filters match, not what the page shows', async () => {
    const api = await setupApi();
    await seed(api);
    const first = await api.as.resourcing.triage.queue({ limit: 3 });
    expect(first.items.map((i) => i.firstName)).toEqual(['Eve', 'Ann', 'Bea']);
    expect(first.total).toBe(people.length);
    const kent = await api.as.resourcing.triage.queue({ q: 'kent', limit: 1 });
    expect([kent.items.length, kent.total]).toEqual([1, 4]);
    expect((await api.as.resourcing.triage.queue({ assignee: 'me' })).total).toBe(0);
    expect((await api.as.resourcing.triage.queue({ stage: 'interview' })).total).toBe(0);
  });

  it('refuses a page link made under another sort, or in the other direction', async () => {
    const api = await setupApi();
    await seed(api);
    const byName = await api.as.resourcing.triage.queue({ sort: { by: 'name', direction: 'ascending' }, limit: 2 });
    for (const sort of [
      { by: 'received', direction: 'ascending' },
      { by: 'name', direction: 'descending' },
    ] as const) {
      const err = await api.as.resourcing.triage.queue({ sort, cursor: byName.nextCursor!, limit: 2 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe('BAD_REQUEST');
      expect((err as TRPCError).message).toMatch(/page link is not valid/);
    }
  });
});

describe('the list of cases, counted and sorted', () => {
  it('pages through every case once under each sort, both ways, with the total on every page', async () => {
    const api = await setupApi();
    const ids = await seed(api);
    // Some cases further on, and two ended, so the stage sort has something to order.
    const move = (id: number, stage: Row['stage']) =>
      api.db.update(applications).set({ stage }).where(eq(applications.id, id)).run();
    move(ids[2]!, 'interview');
    move(ids[4]!, 'rejected');
    move(ids[6]!, 'onboarded');
    move(ids[7]!, 'interview');
    const rows = api.db.select().from(applications).all();
    for (const by of listSortKeys) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sort = { by, direction };
        const seen = await pageThrough((cursor) =>
          api.as.resourcing.applications.list({ sort, limit: 2, ...(cursor ? { cursor } : {}) }),
        );
        expect(seen.ids, `${by} ${direction}`).toEqual(expected(rows, sort));
        expect(seen.totals).toEqual([ids.length]);
      }
    }
    // Under a filter the total is what matches it.
    const ended = await pageThrough((cursor) =>
      api.as.resourcing.applications.list({
        isOpen: false,
        sort: { by: 'stage', direction: 'ascending' },
        limit: 1,
        ...(cursor ? { cursor } : {}),
      }),
    );
    expect(ended).toEqual({ ids: [ids[6], ids[4]], totals: [2] });
  });

  it('is newest first by default; a unit lead counts only the cases of their unit', async () => {
    const api = await setupApi();
    const ids = await seed(api);
    const list = await api.as.resourcing.applications.list({ limit: 2 });
    expect(list.items.map((i) => i.id)).toEqual([...ids].reverse().slice(0, 2));
    expect(list.total).toBe(ids.length);
    const tsg = await api.as.leadTsg.applications.list({ limit: 1 });
    expect([tsg.items.length, tsg.total]).toEqual([1, 3]);
    expect((await api.as.leadTsg.applications.list({ unit: 'METCC' })).total).toBe(0);
  });
});

describe('what the coordinator sees on a card', () => {
  it('at induction and mentoring: the course, mentor and buddy each joiner still needs, from the server', async () => {
    const api = await setupApi();
    const [bare, booked, mentored, done, atReview] = await seed(api);
    const set = (id: number | undefined, values: Partial<Row>) =>
      api.db.update(applications).set(values).where(eq(applications.id, id!)).run();
    const course = api.db
      .insert(inductionCourses)
      .values({ startsOn: '2027-03-01', place: 'Hendon', capacity: 50 })
      .returning()
      .get();
    const book = (id: number | undefined) =>
      api.db
        .insert(inductionBookings)
        .values({
          applicationId: id!,
          courseId: course.id,
          startDate: '2027-03-01',
          postingUnit: 'TSG',
          postingPlace: 'Lambeth',
          bookedBy: api.actors.resourcing.id,
          bookedAt: '2026-11-20T09:00:00.000Z',
        })
        .run();
    const [m, b] = ['Mentor One', 'Buddy One'].map(
      (name) => api.db.insert(mentors).values({ name, unitCode: 'TSG', place: 'Lambeth', capacity: 5 }).returning().get().id,
    );
    set(bare, { stage: 'induction' });
    set(booked, { stage: 'induction' });
    book(booked);
    set(mentored, { stage: 'mentoring', mentorId: m });
    book(mentored);
    set(done, { stage: 'mentoring', mentorId: m, buddyId: b });
    book(done);
    // Not due before induction, even with nothing booked.
    set(atReview, { mentorId: null });

    const board = await api.as.coordinator.applications.board({});
    expect(board.map((c) => c.stage)).toEqual(['induction', 'mentoring']);
    const needs = Object.fromEntries(board.flatMap((c) => c.items).map((i) => [i.id, i.needs]));
    expect(needs).toEqual({
      [bare!]: ['course', 'mentor', 'buddy'],
      [booked!]: ['mentor', 'buddy'],
      [mentored!]: ['buddy'],
      [done!]: [],
    });
    // The same on a column's later pages and in the list; nothing at review.
    const column = await api.as.resourcing.applications.column({ stage: 'induction', limit: 1 });
    const rest = await api.as.resourcing.applications.column({ stage: 'induction', limit: 1, cursor: column.nextCursor! });
    expect([...column.items, ...rest.items].map((i) => [i.id, i.needs])).toEqual(
      expect.arrayContaining([
        [bare, ['course', 'mentor', 'buddy']],
        [booked, ['mentor', 'buddy']],
      ]),
    );
    const listed = await api.as.resourcing.applications.list({});
    expect(listed.items.find((i) => i.id === atReview)?.needs).toEqual([]);
  });

  it('carries its days at the stage and whether that is past the stage target, by the server clock', async () => {
    const api = await setupApi({ now: new Date('2026-11-23T10:00:00Z') });
    const [late, fresh] = await seed(api);
    api.db.update(applications).set({ stageEnteredAt: '2026-11-08T09:00:00.000Z' }).where(eq(applications.id, late!)).run();
    api.db.update(applications).set({ stageEnteredAt: '2026-11-22T09:00:00.000Z' }).where(eq(applications.id, fresh!)).run();
    const review = (await api.as.resourcing.applications.board({})).find((c) => c.stage === 'review')!;
    const card = (id: number | undefined) => review.items.find((i) => i.id === id);
    expect(card(late)).toMatchObject({ daysInStage: 15, isOverdue: true });
    expect(card(fresh)).toMatchObject({ daysInStage: 1, isOverdue: false });
  });
});

describe('a broad list counts up to its cap', () => {
  it('says "more than 1,000" instead of counting every match', async () => {
    const api = await setupApi();
    const first = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC', lastName: 'Hutchinson' }));
    // 1,100 more of the same case, written directly (only the count is under test).
    const cols = (api.db.$client.prepare('PRAGMA table_info(applications)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'reference');
    api.db.$client
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
         INSERT INTO applications (reference, ${cols.join(', ')}) SELECT 'COPY-' || i, ${cols.join(', ')} FROM n, applications WHERE applications.id = ?`,
      )
      .run(first.id);
    const page = await api.as.resourcing.applications.list({ q: 'hutchinson' });
    expect([page.total, page.isTotalCapped, page.items.length]).toEqual([countCap, true, 25]);
    const narrow = await api.as.resourcing.applications.list({ q: first.reference });
    expect([narrow.total, narrow.isTotalCapped]).toEqual([1, false]);
  });
});
