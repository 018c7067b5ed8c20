import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accounts, apiAs, expectNoAxeViolations, openSession, repoRoot, serverAndBrowser, signIn, textOf } from './support.ts';

const env = serverAndBrowser();

/** A date `days` from today, as the page shows it and as its three boxes take it. */
function dateIn(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  const [year = '', month = '', day = ''] = iso.split('-');
  const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
  return { iso, long, parts: { day: String(Number(day)), month: String(Number(month)), year } };
}

async function fillCourse(
  scope: Page | ReturnType<Page['getByRole']>,
  date: ReturnType<typeof dateIn>['parts'],
  place: string,
  places: string,
) {
  await scope.getByRole('group', { name: 'Start date' }).getByLabel('Day').fill(date.day);
  await scope.getByRole('group', { name: 'Start date' }).getByLabel('Month').fill(date.month);
  await scope.getByRole('group', { name: 'Start date' }).getByLabel('Year').fill(date.year);
  await scope.getByLabel('Place', { exact: true }).fill(place);
  await scope.getByLabel('Places', { exact: true }).fill(places);
}

const courseRow = (page: Page, place: string) =>
  page.getByRole('region', { name: 'Table of induction courses' }).getByRole('row').filter({ hasText: place });

describe('induction courses', () => {
  it('a coordinator adds a course, sees it listed, changes its places and cancels it, telling its joiner', async () => {
    const { page, problems } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.coordinator);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Induction courses' }).waitFor();
    await page.getByRole('region', { name: 'Table of induction courses' }).waitFor();
    await expectNoAxeViolations(page, 'the courses page');

    // Refused: a date in the past and no place, each said at its field and in the summary.
    const add = page.getByRole('form', { name: 'Add a course' });
    await fillCourse(add, dateIn(-3).parts, '', '12');
    await add.getByRole('button', { name: 'Add course' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await textOf(summary)).toContain('or later.');
    expect(await textOf(summary)).toContain('Enter where the course takes place.');
    await expectNoAxeViolations(page, 'the add form with errors');

    // Added: a course beyond the demo's year of courses, with a place no demo course has.
    const place = `Spec Hall ${Date.now().toString(36)}`;
    const when = dateIn(400);
    await fillCourse(add, when.parts, place, '12');
    await add.getByRole('button', { name: 'Add course' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Course added: ${when.long}, ${place}, 12 places.` })
      .waitFor();
    const row = courseRow(page, place);
    await expect.poll(() => textOf(row)).toContain('0 of 12');
    expect(await textOf(row)).toContain(when.long);
    expect(await textOf(row)).toContain('Scheduled');

    // Changed: more places.
    await row.getByRole('button', { name: `Change the course on ${when.long}, ${place}` }).click();
    const edit = page.getByRole('dialog', { name: `Change the course on ${when.long}, ${place}` });
    await edit.waitFor();
    await expectNoAxeViolations(page, 'the change dialog');
    await edit.getByLabel('Places', { exact: true }).fill('20');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Course changed: ${when.long}, ${place}, 20 places.` })
      .waitFor();
    await expect.poll(() => textOf(row)).toContain('0 of 20');

    // A joiner at induction is booked on it (through the API, as the case page would).
    const coordinator = await apiAs(env.server.url, accounts.coordinator);
    const atInduction = (await coordinator.query('applications.list', { stage: 'induction', limit: 5 })).items as {
      id: number;
    }[];
    const joiner = await coordinator.query('applications.get', { id: atInduction[0]!.id });
    const [course] = await coordinator.query<{ id: number; place: string }[]>('courses.list', { from: when.iso });
    expect(course?.place).toBe(place);
    await coordinator.mutate('courses.book', {
      id: joiner.id,
      expectedVersion: joiner.version,
      courseId: course!.id,
      startDate: when.iso,
      postingUnit: joiner.targetUnit,
      postingPlace: joiner.induction?.postingPlace ?? (await placeOf(joiner.targetUnit)),
      postingRole: joiner.targetUnit === 'METCC' ? (joiner.induction?.postingRole ?? 'First Contact') : null,
    });
    await page.reload();
    await expect.poll(() => textOf(courseRow(page, place))).toContain('1 of 20');
    await courseRow(page, place).getByText('1 joiner').click();
    await courseRow(page, place)
      .getByRole('link', { name: `${joiner.firstName} ${joiner.lastName}` })
      .waitFor();

    mkdirSync(join(repoRoot, 'tests/.tmp'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'tests/.tmp/courses-page.png'), fullPage: true });

    // Cancelled: the confirmation says who will be told; the course leaves the list and the joiner is told.
    await courseRow(page, place)
      .getByRole('button', { name: `Cancel the course on ${when.long}, ${place}` })
      .click();
    const cancel = page.getByRole('dialog', { name: `Cancel the course on ${when.long}, ${place}?` });
    await cancel.waitFor();
    expect(await textOf(cancel)).toContain('1 joiner is booked on this course.');
    expect(await textOf(cancel)).toContain('the joiner will be told by email that the course is cancelled.');
    await expectNoAxeViolations(page, 'the cancel confirmation');
    await page.screenshot({ path: join(repoRoot, 'tests/.tmp/courses-cancel-dialog.png') });
    await cancel.getByRole('button', { name: 'Cancel course and tell 1 joiner' }).click();
    expect(await textOf(cancel.getByRole('alert'))).toContain('Give a reason');
    await cancel.getByLabel('Why is the course cancelled?').fill('The trainers are needed for public order duty.');
    await cancel.getByRole('button', { name: 'Cancel course and tell 1 joiner' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Course cancelled: ${when.long}, ${place}. 1 joiner will be told, and needs another course.` })
      .waitFor();
    await courseRow(page, place).waitFor({ state: 'detached' });
    await page.getByLabel('Show cancelled courses').check();
    await expect.poll(() => textOf(courseRow(page, place))).toContain('Cancelled');
    expect(await textOf(courseRow(page, place))).toContain('The trainers are needed for public order duty.');
    await expectNoAxeViolations(page, 'the courses page with a cancelled course');

    // The joiner's case lost its booking and says why; the outbox holds their message.
    const after = await coordinator.query('applications.get', { id: joiner.id });
    expect([after.induction, after.lastChange?.summary]).toEqual([null, 'Induction course cancelled']);
    const admin = await apiAs(env.server.url, accounts.admin);
    const outbox = await admin.query<{ template: string; to: string }[]>('admin.outbox', null);
    expect(outbox).toContainEqual(expect.objectContaining({ template: 'joiner_course_cancelled', to: joiner.email }));
    expect(problems).toEqual([]);
  });

  it('is not offered to resourcing or a unit lead', async () => {
    const { page } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Board' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Courses' }).count()).toBe(0);
    await page.goto('/courses');
    await page.getByText('Induction courses are kept by the coordinators and the admin.').waitFor();
  });
});

/** The first place a unit posts to, as the server lists them. */
async function placeOf(unit: string): Promise<string> {
  const api = await apiAs(env.server.url, accounts.coordinator);
  const reference = await api.query<{ units: { code: string; postingPlaces: string[] }[] }>('reference.all', null);
  return reference.units.find((u) => u.code === unit)!.postingPlaces[0]!;
}
