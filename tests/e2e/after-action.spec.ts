import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdInterview } from './interview-clock.ts';
import {
  accounts,
  apiAs,
  createTransferee,
  expectNoAxeViolations,
  openSession,
  repoRoot,
  serverAndBrowser,
  signIn,
  textOf,
} from './support.ts';

const env = serverAndBrowser();

/** With AFTER_ACTION_SCREENSHOTS=1, keeps what the page looks like in tests/.tmp (git-ignored), to look at. */
async function keepScreenshot(page: Page, name: string) {
  if (!process.env.AFTER_ACTION_SCREENSHOTS) return;
  mkdirSync(join(repoRoot, 'tests/.tmp'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'tests/.tmp', `after-action-${name}.png`), fullPage: false });
}

/** A transferee case for `targetUnit` at interview, set up through the API as resourcing. */
async function atInterview(targetUnit = 'SNT') {
  const c = await createTransferee(env.server.url, { targetUnit, isEligible: true });
  const api = await apiAs(env.server.url, accounts.resourcing);
  if (targetUnit === 'TSG') {
    // TSG's own criteria on top of the transferee's; then its mentor (a TSG officer in the pool) and base visit.
    const d = await api.query('applications.get', { id: c.id });
    const e = await api.mutate('applications.recordEligibility', {
      id: c.id,
      expectedVersion: d.version,
      targetUnit,
      criteria: d.eligibility.criteria,
      unitCriteria: { fitness: true },
      psdRecords: 'received',
      psdOutcome: 'clear',
      ohRecords: 'received',
      ohOutcome: 'clear',
      hasOpenMisconduct: false,
    });
    const [mentor] = await api.query<{ id: number }[]>('reference.mentors', { unit: 'TSG' });
    if (!mentor) throw new Error('The demo pool has no TSG officer');
    const t = await api.mutate('applications.recordTsgPreAssessment', {
      id: c.id,
      expectedVersion: e.version,
      mentorId: mentor.id,
      hasBaseVisit: true,
    });
    c.version = t.version;
  }
  const moved = await api.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' });
  return { ...c, version: moved.version as number, api };
}

/** The moves on the case page, in the order shown, each with whether it is the primary button. */
async function moveButtons(page: Page) {
  const group = page.getByRole('group', { name: 'Move this case' });
  await group.getByRole('button').first().waitFor();
  return group.getByRole('button').evaluateAll((buttons) =>
    buttons.map((b) => ({
      label: (b.textContent ?? '').trim(),
      isPrimary: b.classList.contains('govuk-button') && !b.classList.contains('govuk-button--secondary'),
    })),
  );
}

/** What the focused element is, as a banner reads: its title and heading ("Success: Note added"). */
const focusedBanner = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const text = (selector: string) => (el?.querySelector(selector)?.textContent ?? '').trim();
    return `${text('.govuk-notification-banner__title')}: ${text('.govuk-notification-banner__heading')}`;
  });

/** A banner's title and heading, as `focusedBanner` gives them. */
const bannerText = async (banner: Locator) =>
  `${await textOf(banner.locator('.govuk-notification-banner__title'))}: ${await textOf(banner.locator('.govuk-notification-banner__heading'))}`;

describe('after an action, the case page says what happened', () => {
  it('a note added: a success banner names it and takes focus', async () => {
    const c = await createTransferee(env.server.url);
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/cases/${c.id}`);
    await page.getByLabel('Note', { exact: true }).fill('Called the officer.');
    await page.getByRole('button', { name: 'Add note' }).click();

    const banner = page.getByRole('alert').filter({ hasText: 'Success' });
    await banner.waitFor();
    expect(await bannerText(banner)).toBe('Success: Note added');
    expect(await banner.getAttribute('class')).toContain('govuk-notification-banner--success');
    await expect.poll(() => focusedBanner(page)).toBe('Success: Note added');
    await expectNoAxeViolations(page, 'the case page with a success banner');
    await keepScreenshot(page, 'success');

    // Another write: focus was in the form again, and comes back to the banner, announced anew.
    await page.getByLabel('Note', { exact: true }).fill('Emailed the force.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.moj-timeline__description', { hasText: 'Emailed the force.' }).waitFor();
    await expect.poll(() => focusedBanner(page)).toBe('Success: Note added');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a failed interview: the banner on the Interviews page says so, and on the case page the primary move is to reject', async () => {
    const c = await atInterview();
    // Interviewed and scored, its outcome left to record.
    const { reference } = await holdInterview(c.api, env.server.dbPath, c, null);
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/cases/${c.id}`);
    expect((await moveButtons(page)).filter((b) => b.isPrimary)).toEqual([{ label: 'Move to pre-employment', isPrimary: true }]);

    // The outcome is recorded from the panel's scorecards, on the Interviews page.
    await page.goto('/interviews');
    const item = page.getByRole('region', { name: 'Outcomes to record' }).getByRole('region', { name: `${reference} ${c.name}` });
    await item
      .getByRole('group', { name: `Outcome for ${c.name}` })
      .getByLabel('Fail', { exact: true })
      .check();
    await item.getByRole('button', { name: `Record outcome for ${c.name}` }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Success' });
    await banner.waitFor();
    expect(await bannerText(banner)).toBe(`Success: Outcome recorded: failed (${c.name}).`);
    await expect.poll(() => focusedBanner(page)).toBe(`Success: Outcome recorded: failed (${c.name}).`);

    await page.goto(`/cases/${c.id}`);
    await expect.poll(async () => (await moveButtons(page))[0]).toEqual({ label: 'Reject', isPrimary: true });
    const buttons = await moveButtons(page);
    expect(buttons.filter((b) => b.isPrimary)).toEqual([{ label: 'Reject', isPrimary: true }]);
    expect(buttons.find((b) => b.label === 'Move to pre-employment')).toEqual({
      label: 'Move to pre-employment',
      isPrimary: false,
    });
    await keepScreenshot(page, 'failed-interview');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a move from the case page: the banner names the stage', async () => {
    const c = await atInterview();
    await holdInterview(c.api, env.server.dbPath, c, 'pass');
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole('group', { name: 'Move this case' }).getByRole('button', { name: 'Move to pre-employment' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Success' });
    await banner.waitFor();
    expect(await bannerText(banner)).toBe('Success: Moved to pre-employment');
    await expect.poll(() => focusedBanner(page)).toBe('Success: Moved to pre-employment');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('two people on the same case: the second is told who changed it, what and when, in words', async () => {
    const c = await createTransferee(env.server.url, { targetUnit: 'TSG' });
    const first = await openSession(env.browser, env.server.url);
    const second = await openSession(env.browser, env.server.url);
    await Promise.all([signIn(first.page, accounts.resourcing), signIn(second.page, accounts.leadTsg)]);
    await Promise.all([first.page.goto(`/cases/${c.id}`), second.page.goto(`/cases/${c.id}`)]);
    await Promise.all([
      first.page.getByLabel('Note', { exact: true }).waitFor(),
      second.page.getByLabel('Note', { exact: true }).waitFor(),
    ]);

    await first.page.getByLabel('Note', { exact: true }).fill('Called the officer.');
    await first.page.getByRole('button', { name: 'Add note' }).click();
    await first.page.getByRole('alert').filter({ hasText: 'Note added' }).waitFor();

    await second.page.getByLabel('Note', { exact: true }).fill('Spoke to the TSG mentor.');
    await second.page.getByRole('button', { name: 'Add note' }).click();
    const banner = second.page.getByRole('alert').filter({ hasText: 'Your change was not saved.' });
    await banner.waitFor();
    const text = await textOf(banner);
    // Today: the time alone, in UK time (the server's words, as it sent them).
    expect(text).toMatch(/Someone else changed this case: Priya Shah added a note at \d\d:\d\d\. /);
    expect(text).not.toMatch(/version/i);
    await expect.poll(() => second.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await expectNoAxeViolations(second.page, 'the case page with a conflict banner');
    await keepScreenshot(second.page, 'conflict');
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it('a TSG case whose Level 2 course fails shows the re-route, from where to where, when and why', async () => {
    const c = await atInterview('TSG');
    const { api } = c;
    let d = await holdInterview(api, env.server.dbPath, c, 'pass');
    d = await api.mutate('applications.move', { id: c.id, expectedVersion: d.version, to: 'pre_employment' });

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByRole('region', { name: 'Important' }).filter({ hasText: 'Re-routed' }).count()).toBe(0);

    await api.mutate('checks.update', {
      id: c.id,
      expectedVersion: d.version,
      check: 'level2_public_order',
      status: 'failed',
      reason: 'Did not complete the course.',
    });
    await page.reload();
    const banner = page.getByRole('region', { name: 'Important' }).filter({ hasText: 'Re-routed' });
    await banner.waitFor();
    const today = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date());
    expect(await bannerText(banner)).toMatch(
      new RegExp(`^Important: Re-routed from TSG to BCU on ${today}: Level 2 public order course failed: TSG requires it`),
    );
    expect(await textOf(page.locator('#summary'))).toContain('(re-routed from TSG)');
    await expectNoAxeViolations(page, 'the case page with a re-route banner');
    await keepScreenshot(page, 'reroute');
    expect(problems).toEqual([]);
    await context.close();
  });
});
