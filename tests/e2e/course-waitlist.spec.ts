import { describe, expect, it } from 'vitest';
import { accounts, apiAs, expectNoAxeViolations, openSession, serverAndBrowser, signIn, textOf } from './support.ts';

const env = serverAndBrowser();

/** A date `days` from today, as YYYY-MM-DD. */
const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Case = { id: number; version: number; targetUnit: string; firstName: string; lastName: string };

describe('an induction course’s waiting list', () => {
  it('a coordinator puts a joiner on a full course’s waiting list; a place frees and the first waiting is offered it', async () => {
    const api = await apiAs(env.server.url, accounts.coordinator);
    const tag = Date.now().toString(36);
    const full = await api.mutate<{ id: number }>('courses.create', {
      startsOn: isoIn(410),
      place: `Waitlist Hall ${tag}`,
      capacity: 1,
    });
    const other = await api.mutate<{ id: number }>('courses.create', {
      startsOn: isoIn(420),
      place: `Other Hall ${tag}`,
      capacity: 5,
    });
    const reference = await api.query<{ units: { code: string; postingPlaces: string[]; postingRoles: string[] }[] }>(
      'reference.all',
      null,
    );
    const postingOf = (unit: string) => {
      const u = reference.units.find((x) => x.code === unit)!;
      return { postingUnit: unit, postingPlace: u.postingPlaces[0]!, postingRole: u.postingRoles[0] ?? null };
    };
    const atInduction = (await api.query('applications.list', { stage: 'induction', limit: 5 })).items as { id: number }[];
    const [first, second] = await Promise.all(
      atInduction.slice(0, 2).map((c) => api.query<Case>('applications.get', { id: c.id })),
    );
    // The first joiner takes the course's one place.
    const bookedFirst = await api.mutate<Case>('courses.book', {
      id: first!.id,
      expectedVersion: first!.version,
      courseId: full.id,
      startDate: isoIn(410),
      ...postingOf(first!.targetUnit),
    });

    // The second, on their case page: the course is full, and the form offers its waiting list.
    const { page, problems } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.coordinator);
    await page.goto(`/cases/${second!.id}`);
    const form = page.getByRole('form', { name: 'Book induction' });
    await form.waitFor();
    const course = form.getByLabel('Induction course', { exact: true });
    const option = await course.locator('option', { hasText: `Waitlist Hall ${tag}` }).getAttribute('value');
    await course.selectOption(option);
    const waiting = form.getByRole('group', { name: 'This course is full. Add the joiner to its waiting list?' });
    await waiting.waitFor();
    await waiting.getByLabel('Yes, add them to the waiting list').check();
    const { postingPlace, postingRole } = postingOf(second!.targetUnit);
    await form.getByLabel('Posting unit', { exact: true }).selectOption(second!.targetUnit);
    await form.getByLabel('Posting place', { exact: true }).selectOption(postingPlace);
    if (postingRole) await form.getByLabel('MetCC role', { exact: true }).selectOption(postingRole);
    await expectNoAxeViolations(page, 'the induction form offering the waiting list');
    await form.getByRole('button', { name: 'Add to the waiting list' }).click();
    await form.getByRole('status').filter({ hasText: 'Added to the waiting list.' }).waitFor();
    const lists = form.getByRole('list', { name: 'Waiting lists' });
    await expect.poll(() => textOf(lists)).toContain('Number 1 on the waiting list');

    // The first joiner moves to another course: their place frees and is offered to the first waiting.
    await api.mutate('courses.book', {
      id: bookedFirst.id,
      expectedVersion: bookedFirst.version,
      courseId: other.id,
      startDate: isoIn(420),
      ...postingOf(first!.targetUnit),
    });
    await page.reload();
    await form.waitFor();
    await expect.poll(() => textOf(form.getByRole('list', { name: 'Waiting lists' }))).toContain('offered a place');
    await expectNoAxeViolations(page, 'the case page with a place offered');

    // The courses page shows the waiting list in order, the offer marked.
    await page.goto('/courses');
    const row = page
      .getByRole('region', { name: 'Table of induction courses' })
      .getByRole('row')
      .filter({ hasText: `Waitlist Hall ${tag}` });
    await row.waitFor();
    const list = row.getByRole('list', { name: /Waiting list of the course/ });
    expect(await textOf(list)).toContain(`${second!.firstName} ${second!.lastName}`);
    expect(await textOf(list)).toContain('Place offered');
    await expectNoAxeViolations(page, 'the courses page with a waiting list');
    expect(problems).toEqual([]);
  });
});
