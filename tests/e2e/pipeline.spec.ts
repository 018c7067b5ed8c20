import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdInterview } from './interview-clock.ts';
import { accounts, apiAs, expectNoAxeViolations, openSession, serverAndBrowser, signIn, textOf } from './support.ts';

const env = serverAndBrowser();

const stageTag = (page: Page) => page.locator('.app-case-header .govuk-tag');

async function moveTo(page: Page, label: string, stage: string) {
  await page.getByRole('group', { name: 'Move this case' }).getByRole('button', { name: label }).click();
  await expect.poll(() => textOf(stageTag(page))).toBe(stage);
}

describe('one application, start to finish, through the dashboard alone', () => {
  it('creates a transferee and takes the case through every stage to onboarded', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);

    // New application: first with nothing filled in, to see the field errors.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'New application' }).click();
    await page.getByRole('heading', { name: 'New application' }).waitFor();
    await page.getByRole('button', { name: 'Create application' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await textOf(summary)).toContain('Enter the first name.');
    expect(await textOf(page.locator('#new-firstName-error'))).toContain('Enter the first name.');
    await expectNoAxeViolations(page, 'the new application form with errors');

    await page.getByLabel('Transferee', { exact: true }).check();
    await page.getByLabel('First name', { exact: true }).fill('Morgan');
    await page.getByLabel('Last name', { exact: true }).fill('Pipelineton');
    await page.getByLabel('Email address', { exact: true }).fill('morgan.pipelineton@example.com');
    for (const [part, value] of Object.entries({ Day: '17', Month: '5', Year: '1991' })) {
      await page.getByRole('group', { name: 'Date of birth', exact: true }).getByLabel(part, { exact: true }).fill(value);
    }
    await page.getByLabel('Current force', { exact: true }).selectOption('Kent Police');
    await page.getByLabel('PC (uniform)', { exact: true }).check();
    for (const [part, value] of Object.entries({ Day: '1', Month: '6', Year: '2015' })) {
      await page
        .getByRole('group', { name: 'Date joined current force', exact: true })
        .getByLabel(part, { exact: true })
        .fill(value);
    }
    await page.getByLabel('Target unit (optional)', { exact: true }).selectOption('SNT');
    await page.getByRole('button', { name: 'Create application' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    await page.getByRole('heading', { name: 'Morgan Pipelineton' }).waitFor();
    expect(await textOf(stageTag(page))).toBe('Review');

    // Review: the gate lists what is missing; record eligibility.
    const gates = page.getByRole('region', { name: 'What the next stages need' });
    expect(await textOf(gates)).toContain('Eligibility has not been recorded.');
    await expectNoAxeViolations(page, 'the case page with the eligibility form');
    const eligibility = page.getByRole('form', { name: 'Record eligibility' });
    for (const label of [
      'Serving in a Home Office force other than the Met',
      'Holds the rank of constable (PC or DC)',
      'Has completed the 2-year probationary period with their force',
      'Meets the day-to-day requirements of their current role',
    ]) {
      await eligibility.getByLabel(label).check();
    }
    const fromForce = eligibility.getByRole('group', { name: 'From the current force' });
    for (const records of ['Professional standards (PSD) records', 'Occupational health (OH) records']) {
      await fromForce.getByRole('group', { name: records }).getByLabel('Received', { exact: true }).check();
    }
    for (const outcome of ['PSD outcome', 'OH outcome']) {
      await fromForce.getByRole('group', { name: outcome }).getByLabel('Clear', { exact: true }).check();
    }
    await fromForce
      .getByRole('group', { name: 'Any open misconduct matter or investigation?' })
      .getByLabel('No', { exact: true })
      .check();
    await eligibility.getByRole('button', { name: 'Save eligibility' }).click();
    await eligibility.getByText('Eligibility saved.').waitFor();
    await moveTo(page, 'Move to interview', 'Interview');

    // Interview: booked, held and scored by the panel (resourcing, over the API: the panel's own steps
    // have their specs), then the outcome recorded from the scorecards on the Interviews page.
    const caseUrl = page.url();
    const id = Number(caseUrl.split('/').at(-1));
    const api = await apiAs(env.server.url, accounts.resourcing);
    const atInterview = await api.query('applications.get', { id });
    const { reference } = await holdInterview(api, env.server.dbPath, atInterview, null);
    await page.goto('/interviews');
    const toRecord = page
      .getByRole('region', { name: 'Outcomes to record' })
      .getByRole('region', { name: `${reference} Morgan Pipelineton` });
    await toRecord.getByRole('group', { name: 'Outcome for Morgan Pipelineton' }).getByLabel('Pass', { exact: true }).check();
    await expectNoAxeViolations(page, 'the outcome to record');
    await toRecord.getByRole('button', { name: 'Record outcome for Morgan Pipelineton' }).click();
    await page.getByRole('alert').filter({ hasText: 'Outcome recorded: passed' }).waitFor();
    await page.goto(caseUrl);
    await expect.poll(() => textOf(page.locator('#interview'))).toContain('Pass');
    await moveTo(page, 'Move to pre-employment', 'Pre-employment');

    // Pre-employment: every check passed; one waived, which needs a reason.
    const checks = page.getByRole('list', { name: 'Pre-employment checks' });
    await checks.waitFor();
    const checkNames = (await checks.locator('.app-checks__title').allTextContents()).map((t) => t.trim());
    expect(checkNames).toHaveLength(7);
    for (const name of checkNames) {
      const row = page.getByRole('form', { name: `Update ${name}` });
      const isWaived = name.startsWith('Fitness test');
      await row.getByLabel(`Status of ${name}`).selectOption(isWaived ? 'waived' : 'passed');
      if (name === 'Recruitment vetting') {
        // Vetting passes at a level, with the date the clearance expires.
        await row.getByLabel('Vetting level cleared').selectOption('recruitment_vetting');
        const expires = row.getByRole('group', { name: 'Vetting expires on' });
        await expires.getByLabel('Day', { exact: true }).fill('1');
        await expires.getByLabel('Month', { exact: true }).fill('12');
        await expires.getByLabel('Year', { exact: true }).fill('2031');
      }
      if (isWaived) {
        await row.getByRole('button', { name: `Save ${name}` }).click();
        await row.getByText('Give a reason why the check is waived.').waitFor();
        await expectNoAxeViolations(page, 'the checks with a field error');
        await row.getByLabel(`Reason for waiving ${name}`).fill('Passed the same test with the current force last month.');
      }
      await row.getByRole('button', { name: `Save ${name}` }).click();
      await expect
        .poll(() => textOf(checks.locator('li', { hasText: name }).locator('.govuk-tag')))
        .toBe(isWaived ? 'Waived' : 'Passed');
    }
    await moveTo(page, 'Move to induction', 'Induction');

    // Induction: a course far enough ahead for the 28 days' notice, and a posting.
    const induction = page.getByRole('form', { name: 'Book induction' });
    await induction.waitFor();
    const course = await induction.getByLabel('Induction course', { exact: true }).evaluate((select: HTMLSelectElement) => {
      const earliest = Date.now() + 35 * 86_400_000;
      return [...select.options].find((o) => o.value && !o.disabled && Date.parse(o.text.split(',')[0]!) >= earliest)?.value;
    });
    expect(course).toBeTruthy();
    await induction.getByLabel('Induction course', { exact: true }).selectOption(course!);
    const startDate = induction.getByRole('group', { name: 'Start date', exact: true });
    for (const part of ['Day', 'Month', 'Year'])
      expect(await startDate.getByLabel(part, { exact: true }).inputValue()).toMatch(/^\d+$/);
    expect(await induction.getByLabel('Posting unit', { exact: true }).inputValue()).toBe('SNT');
    // An SNT posting names a ward in one of the BCUs.
    const ward = await induction
      .getByLabel('Posting place', { exact: true })
      .evaluate((select: HTMLSelectElement) => [...select.options].find((o) => o.value.endsWith(', Central West'))?.value);
    expect(ward).toBeTruthy();
    await induction.getByLabel('Posting place', { exact: true }).selectOption(ward!);
    await expectNoAxeViolations(page, 'the induction form');
    await induction.getByRole('button', { name: 'Book induction' }).click();
    await induction.getByText('Induction booked.').waitFor();
    await moveTo(page, 'Move to mentoring', 'Mentoring');

    // Mentoring: a mentor and a buddy from the pool.
    const mentoring = page.getByRole('form', { name: 'Assign a mentor and a buddy' });
    await mentoring.waitFor();
    const pick = (label: string, skip: string | null) =>
      mentoring
        .getByLabel(label, { exact: true })
        .evaluate(
          (select: HTMLSelectElement, other) =>
            [...select.options].find((o) => o.value && !o.disabled && o.value !== other)?.value,
          skip,
        );
    await expectNoAxeViolations(page, 'the mentor form');
    const mentorId = await pick('Mentor', null);
    await mentoring.getByLabel('Mentor', { exact: true }).selectOption(mentorId!);
    await mentoring.getByLabel('Buddy', { exact: true }).selectOption((await pick('Buddy', mentorId!))!);
    await mentoring.getByRole('button', { name: 'Save mentor and buddy' }).click();
    await mentoring.getByText('Mentor and buddy saved.').waitFor();

    // A note on the way, then the last move.
    await page.getByLabel('Note', { exact: true }).fill('Start confirmed with the officer by phone.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.').waitFor();
    await moveTo(page, 'Move to onboarded', 'Onboarded');
    expect(await page.getByRole('group', { name: 'Move this case' }).count()).toBe(0);
    expect(await textOf(gates)).toContain('the pipeline is finished');

    // The history shows every step, newest first.
    const titles = () => page.locator('.moj-timeline__title').allTextContents();
    await expect.poll(async () => (await titles())[0]).toBe('Moved to onboarded');
    const all = await titles();
    expect(all.at(-1)).toBe('Application created');
    expect([...all].reverse()).toEqual([
      'Application created',
      'Eligibility recorded',
      'Moved to interview',
      'Interview booked',
      'Interview attended',
      'Interview outcome: pass',
      'Moved to pre-employment',
      ...checkNames.map((n) => `${n}: ${n.startsWith('Fitness test') ? 'waived' : 'passed'}`),
      'Moved to induction',
      'Induction booked',
      'Moved to mentoring',
      'Mentor or buddy assigned',
      'Note added',
      'Moved to onboarded',
    ]);
    expect(await textOf(page.locator('.moj-timeline__item').first())).toContain('by Priya Shah');
    expect(await textOf(page.locator('.moj-timeline'))).toContain(
      'Reason: Passed the same test with the current force last month.',
    );
    await expectNoAxeViolations(page, 'the onboarded case with its history');
    expect(problems).toEqual([]);
    await context.close();
  });
});
