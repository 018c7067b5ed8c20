import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdInterview } from './interview-clock.ts';
import {
  accounts,
  apiAs,
  createTransferee,
  expectNoAxeViolations,
  openSession,
  serverAndBrowser,
  signIn,
  textOf,
} from './support.ts';

const env = serverAndBrowser();

/** Types a date into a GOV.UK date input, found by its legend, as day, month and year. */
async function fillDate(scope: Page | Locator, legend: string, day: string, month: string, year: string) {
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Day', { exact: true }).fill(day);
  await group.getByLabel('Month', { exact: true }).fill(month);
  await group.getByLabel('Year', { exact: true }).fill(year);
}

/** The boxes of a date input that are marked in error, by their labels. */
async function boxesInError(scope: Page | Locator, legend: string): Promise<string[]> {
  const group = scope.getByRole('group', { name: legend, exact: true });
  const out: string[] = [];
  for (const part of ['Day', 'Month', 'Year']) {
    const box = group.getByLabel(part, { exact: true });
    if ((await box.getAttribute('class'))?.includes('govuk-input--error')) out.push(part);
  }
  return out;
}

/** A transferee case at interview, set up through the API, and the API as resourcing. */
async function atInterview(baseURL: string) {
  const c = await createTransferee(baseURL, { isEligible: true });
  const api = await apiAs(baseURL, accounts.resourcing);
  const moved = await api.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' });
  return { ...c, version: moved.version as number, api };
}

describe('the forms speak to caseworkers, and dates are typed as day, month and year', () => {
  it('a new application without a route asks for one; a date of birth that is not real is caught before sending; a real one reads UK style on the case', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto('/applications/new');
    await page.getByRole('heading', { name: 'New application' }).waitFor();

    // The date input is GOV.UK's: a fieldset named by its legend, a hint, three numeric boxes.
    const dob = page.getByRole('group', { name: 'Date of birth', exact: true });
    expect(await textOf(dob.locator('.govuk-hint'))).toBe('For example, 27 3 2007');
    for (const part of ['Day', 'Month', 'Year']) {
      expect(await dob.getByLabel(part, { exact: true }).getAttribute('inputmode')).toBe('numeric');
    }

    // No route: the server's field error, in the words the contract gives it.
    const lastName = `Formcheck${Date.now().toString(36)}`;
    await page.getByLabel('First name', { exact: true }).fill('Alex');
    await page.getByLabel('Last name', { exact: true }).fill(lastName);
    await page.getByLabel('Email address', { exact: true }).fill(`${lastName.toLowerCase()}@example.com`);
    await fillDate(page, 'Date of birth', '27', '3', '1991');
    await page.getByRole('button', { name: 'Create application' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await textOf(summary)).toContain('Select an entry route');
    expect(await textOf(summary)).not.toMatch(/Invalid option|expected one of/);
    expect(await textOf(page.locator('#new-route-error'))).toContain('Select an entry route');

    // 31 February: the browser says so, highlights the day, and sends nothing.
    await page.getByLabel('Police Now NGLP', { exact: true }).check();
    await page.getByLabel('Cohort year', { exact: true }).fill(String(new Date().getFullYear()));
    await fillDate(page, 'Date of birth', '31', '2', '1990');
    let creates = 0;
    page.on('request', (r) => {
      if (r.url().includes('applications.create')) creates++;
    });
    await page.getByRole('button', { name: 'Create application' }).click();
    await expect.poll(() => textOf(summary)).toContain('Date of birth must be a real date');
    expect(await textOf(summary)).not.toContain('Select an entry route');
    expect(await textOf(page.locator('#new-dateOfBirth-error'))).toContain('Date of birth must be a real date');
    expect(await boxesInError(page, 'Date of birth')).toEqual(['Day']);
    expect(await summary.getByRole('link', { name: 'Date of birth must be a real date.' }).getAttribute('href')).toBe(
      '#new-dateOfBirth-day',
    );
    expect(creates).toBe(0);
    await expectNoAxeViolations(page, 'the new application form with a date error');

    // A missing part is named, and only that box is highlighted.
    await fillDate(page, 'Date of birth', '27', '', '1991');
    await page.getByRole('button', { name: 'Create application' }).click();
    await expect.poll(() => textOf(summary)).toContain('Date of birth must include a month');
    expect(await boxesInError(page, 'Date of birth')).toEqual(['Month']);
    expect(creates).toBe(0);

    await fillDate(page, 'Date of birth', '27', '3', '1991');
    await page.getByRole('button', { name: 'Create application' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    expect(creates).toBe(1);
    await page.getByRole('heading', { name: `Alex ${lastName}` }).waitFor();
    expect(await textOf(page.locator('main'))).toContain('27 Mar 1991');

    // Editing the details shows the date as its three parts.
    const edit = page.getByRole('form', { name: 'Edit details' });
    if (!(await edit.isVisible())) await page.getByText('Edit details', { exact: true }).first().click();
    const editDob = edit.getByRole('group', { name: 'Date of birth', exact: true });
    expect(
      await Promise.all(['Day', 'Month', 'Year'].map((part) => editDob.getByLabel(part, { exact: true }).inputValue())),
    ).toEqual(['27', '3', '1991']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the induction form shows the course already booked, and a missing course says "Choose a course"', async () => {
    const c = await atInterview(env.server.url);
    const { api } = c;
    let d = await holdInterview(api, env.server.dbPath, c, 'pass');
    d = await api.mutate('applications.move', { id: c.id, expectedVersion: d.version, to: 'pre_employment' });
    for (const check of d.checks as { check: string }[]) {
      const isVetting = ['vetting', 'counter_terrorist_check', 'security_check'].includes(check.check);
      d = await api.mutate('checks.update', {
        id: c.id,
        expectedVersion: d.version,
        check: check.check,
        status: 'passed',
        ...(isVetting ? { level: 'security_check', expiresOn: '2099-12-31' } : {}),
      });
    }
    d = await api.mutate('applications.move', { id: c.id, expectedVersion: d.version, to: 'induction' });

    // First, unbooked: a missing course is asked for in plain words.
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/cases/${c.id}`);
    const induction = page.getByRole('form', { name: 'Book induction' });
    await induction.waitFor();
    await fillDate(induction, 'Start date', '1', '9', String(new Date().getFullYear() + 1));
    await induction.getByLabel('Posting place', { exact: true }).selectOption('Highbury, Central North');
    await induction.getByRole('button', { name: 'Book induction' }).click();
    const courseError = induction.locator('#induction-courseId-error');
    await courseError.waitFor();
    expect(await textOf(courseError)).toContain('Choose a course.');

    // Booked through the API: the form opens on that course and says which it is.
    const reference = await api.query('reference.all', null);
    const earliest = (d.earliestStartDate as string | null) ?? '';
    const course = (
      reference.inductionCourses as { id: number; startsOn: string; place: string; booked: number; capacity: number }[]
    ).find((k) => k.startsOn >= earliest && k.booked < k.capacity);
    expect(course).toBeTruthy();
    if (!course) return;
    await api.mutate('courses.book', {
      id: c.id,
      expectedVersion: d.version,
      courseId: course.id,
      startDate: course.startsOn,
      postingUnit: 'SNT',
      postingPlace: 'Highbury, Central North',
    });
    await page.reload();
    await induction.waitFor();
    const select = induction.getByLabel('Induction course', { exact: true });
    expect(await select.inputValue()).toBe(String(course.id));
    expect(await textOf(select.locator('option:checked'))).toContain(course.place);
    expect(await textOf(induction.locator('#induction-courseId-hint'))).toContain(`Booked on the course starting`);
    expect(await textOf(induction.locator('#induction-courseId-hint'))).toContain(course.place);
    const [year, month, day] = course.startsOn.split('-').map(Number);
    const start = induction.getByRole('group', { name: 'Start date', exact: true });
    expect(
      await Promise.all(['Day', 'Month', 'Year'].map((part) => start.getByLabel(part, { exact: true }).inputValue())),
    ).toEqual([String(day), String(month), String(year)]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
