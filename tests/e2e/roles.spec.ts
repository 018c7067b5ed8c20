import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accounts, column, expectNoAxeViolations, openSession, serverAndBrowser, signIn, textOf } from './support.ts';

const env = serverAndBrowser();

const columnHeadings = async (page: Page) =>
  (await page.locator('.app-column__heading').allTextContents()).map((t) => t.replace(/\s+\d[\d,]*.*$/, '').trim());

describe('each role sees its own work', () => {
  it('shows the login page without accessibility violations and refuses a wrong password', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await page.goto('/');
    await page.waitForURL(/\/login\?returnTo=%2F$/);
    await page.getByRole('heading', { name: 'Sign in to Muster' }).waitFor();
    await expectNoAxeViolations(page, 'the login page');
    await page.getByLabel('Email address').fill(accounts.resourcing);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await textOf(summary)).toContain('The email address or password is not right.');
    await expectNoAxeViolations(page, 'the login page with an error');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('resourcing sees every open stage and can create applications', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await column(page, 'Review').waitFor();
    expect(await columnHeadings(page)).toEqual(['Review', 'Interview', 'Pre-employment', 'Induction', 'Mentoring']);
    expect(await page.getByRole('link', { name: 'New application' }).count()).toBeGreaterThan(0);
    // A column shows its first page; "Show more" fetches the next from where it ended.
    const review = column(page, 'Review');
    const cards = review.getByRole('listitem');
    expect(await cards.count()).toBe(20);
    const applicationLinks = () =>
      review.locator('.app-card__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const firstPage = await applicationLinks();
    await review.getByRole('button', { name: /Show more review cases/ }).click();
    await expect.poll(() => cards.count()).toBeGreaterThan(20);
    const both = await applicationLinks();
    expect(both.slice(0, 20)).toEqual(firstPage);
    expect(new Set(both).size).toBe(both.length);
    await expectNoAxeViolations(page, 'the board (resourcing)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the TSG unit lead sees only TSG cases, and no create button', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadTsg);
    await page.getByRole('heading', { name: 'TSG cases' }).waitFor();
    await column(page, 'Review').waitFor();
    const units = await page.locator('.app-card__facts div:first-child dd').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['TSG']));
    expect(await page.getByRole('link', { name: 'New application' }).count()).toBe(0);
    // The unit filter offers only the units this lead leads.
    const options = await page.getByLabel('Target unit').locator('option').allTextContents();
    expect(options).toEqual(['All units', 'TSG']);
    await expectNoAxeViolations(page, 'the board (unit lead)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the MetCC unit lead sees only MetCC cases', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await column(page, 'Review').waitFor();
    const units = await page.locator('.app-card__facts div:first-child dd').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['MetCC']));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the coordinator sees only the induction and mentoring columns', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.coordinator);
    // A coordinator lands on their home; their board is at /board.
    await page.goto('/board');
    await column(page, 'Induction').waitFor();
    expect(await columnHeadings(page)).toEqual(['Induction', 'Mentoring']);
    expect(await page.getByRole('link', { name: 'New application' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the admin sees everything but is offered no moves or forms', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await column(page, 'Review').waitFor();
    expect(await columnHeadings(page)).toEqual(['Review', 'Interview', 'Pre-employment', 'Induction', 'Mentoring']);
    expect(await page.locator('.app-card__move').count()).toBe(0);
    await column(page, 'Review').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByRole('group', { name: 'Move this case' }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    await expectNoAxeViolations(page, 'the case page (admin)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters live in the address, so a filtered board can be bookmarked', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await column(page, 'Review').waitFor();
    await page.getByLabel('Target unit').selectOption('CT');
    await page.getByLabel('Route').selectOption('transferee');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/unit=CT&route=transferee/);
    await page.reload();
    await column(page, 'Review').waitFor();
    expect(await page.getByLabel('Target unit').inputValue()).toBe('CT');
    await expect
      .poll(async () => new Set(await page.locator('.app-card__facts div:first-child dd').allTextContents()))
      .toEqual(new Set(['Counter Terrorism']));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends a user whose session ended to sign in, then back to where they were', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await column(page, 'Review').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const applicationPath = new URL(page.url()).pathname;
    await context.clearCookies();
    // The next call finds the session gone.
    await page.getByLabel('Note', { exact: true }).fill('Written as the session ended.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.waitForURL(/\/login\?/);
    await page.getByText('Your session has ended').waitFor();
    await page.getByLabel('Email address').fill(accounts.resourcing);
    await page.getByLabel('Password').fill('muster-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === applicationPath);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
