import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

const seen = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim();
const queueRows = (page: Page) => page.locator('#triage-table tbody tr');
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

async function applyFilters(page: Page, choices: Record<string, string>) {
  for (const [label, value] of Object.entries(choices))
    await page.getByLabel(label, { exact: true }).selectOption({ label: value });
  await page.getByRole('button', { name: 'Apply filters' }).click();
}

describe('the triage queue', () => {
  it('filters overdue unassigned cases in the address, assigns one from its row and two in bulk, and explains a refused bulk action', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Triage' }).click();
    await page.getByRole('heading', { name: 'Triage queue' }).waitFor();
    await queueRows(page).first().waitFor();
    await expectNoAxeViolations(page, 'the triage queue');

    await applyFilters(page, { Age: 'Overdue only', 'Assigned to': 'Nobody (unassigned)' });
    await page.waitForURL(/\/triage\?overdue=yes$/);
    await expect
      .poll(async () => (await page.locator('#triage-table td:nth-child(8)').allInnerTexts()).every((t) => t.includes('Overdue')))
      .toBe(true);
    const assignees = await page.locator('#triage-table td:nth-child(9)').allInnerTexts();
    expect(assignees.length).toBeGreaterThan(3);
    expect(new Set(assignees)).toEqual(new Set(['Nobody']));
    // Oldest first.
    const days = (await page.locator('#triage-table td:nth-child(8)').allInnerTexts()).map((t) => parseInt(t, 10));
    expect(days).toEqual([...days].sort((a, b) => b - a));

    // One case from its row.
    const first = queueRows(page).first();
    const firstRef = await textOf(first.locator('td').nth(1));
    await first.getByRole('button', { name: /^Assign to me/ }).click();
    await status(page, '1 case assigned to you.');
    await expect.poll(() => queueRows(page).filter({ hasText: firstRef }).count()).toBe(0);

    // Two in bulk, to a named reviewer.
    const [a, b] = [
      await textOf(queueRows(page).nth(0).locator('td').nth(1)),
      await textOf(queueRows(page).nth(1).locator('td').nth(1)),
    ];
    await queueRows(page).nth(0).getByRole('checkbox').check();
    await queueRows(page).nth(1).getByRole('checkbox').check();
    await page.getByText('2 cases chosen').waitFor();
    await page.getByLabel('Reviewer', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Assign to reviewer' }).click();
    await status(page, '2 cases assigned to you.');

    await applyFilters(page, { 'Assigned to': 'Me' });
    await page.waitForURL(/assignee=me/);
    for (const ref of [firstRef, a, b]) await queueRows(page).filter({ hasText: ref }).waitFor();
    expect(await seen(queueRows(page).filter({ hasText: firstRef }))).toContain('You');

    // Someone else changes a chosen case first: nothing is assigned, the reason is shown, the list is fresh.
    await page.goto('/triage?overdue=yes');
    await queueRows(page).first().waitFor();
    await page.getByLabel('Select all cases shown').check();
    const stale = queueRows(page).nth(2);
    const staleId = Number((await stale.getByRole('link').getAttribute('href'))!.split('/').pop());
    const api = await apiAs(env.server.url, accounts.resourcing);
    const detail = await api.query('applications.get', { id: staleId });
    await api.mutate('applications.addNote', { id: staleId, expectedVersion: detail.version, body: 'Phoned the officer.' });
    await page.getByRole('button', { name: 'Assign to me', exact: true }).click();
    const summary = page.locator('.govuk-error-summary').filter({ hasText: 'No case was assigned' });
    await summary.waitFor();
    expect(await seen(summary)).toMatch(/changed/i);
    await expectNoAxeViolations(page, 'the triage queue with a refused bulk action');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves the filters in use as a view, applies it, and deletes it', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto('/triage?route=transferee&overdue=yes');
    await queueRows(page).first().waitFor();
    await page.getByText('Save this view', { exact: true }).click();
    await page.getByLabel('Name the filters in use').fill('Overdue transferees');
    await page.getByRole('form', { name: 'Save this view' }).getByRole('button', { name: 'Save' }).click();
    const link = page.getByRole('link', { name: 'Overdue transferees' });
    await link.waitFor();

    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/triage$/);
    await link.click();
    await page.waitForURL(/\/triage\?route=transferee&overdue=yes$/);
    expect(await page.getByLabel('Route', { exact: true }).inputValue()).toBe('transferee');
    expect(await page.getByLabel('Age', { exact: true }).inputValue()).toBe('yes');
    // The previous rows stay on screen (marked busy) until the filtered ones arrive.
    await page.locator('#triage-table[aria-busy="false"]').waitFor();
    await expect
      .poll(async () => new Set(await page.locator('#triage-table td:nth-child(4)').allInnerTexts()))
      .toEqual(new Set(['Transferee']));

    await page.getByRole('button', { name: 'Delete view Overdue transferees' }).click();
    await link.waitFor({ state: 'detached' });
    await page.getByText('You have no saved views yet.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('administration', () => {
  it('an admin adds a reason to reject, reads the access log, and resourcing finds the reason in the bulk reject dialog', async () => {
    // Enough case views for more than one page of the log.
    const api = await apiAs(env.server.url, accounts.resourcing);
    const c = await createTransferee(env.server.url);
    await Promise.all(Array.from({ length: 30 }, () => api.query('applications.get', { id: c.id })));

    const admin = await openSession(env.browser, env.server.url);
    await signIn(admin.page, accounts.admin);
    await admin.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Admin' }).click();
    await admin.page.getByRole('heading', { name: 'Administration' }).waitFor();
    const label = `Failed the fitness test twice ${Date.now().toString(36)}`;
    await admin.page.getByLabel('Reason', { exact: true }).fill(label);
    await admin.page.getByRole('button', { name: 'Add reason' }).click();
    await status(admin.page, `“${label}” added.`);
    expect(await seen(admin.page.getByRole('row').filter({ hasText: label }))).toBe(`Reject ${label} In use Retire “${label}”`);

    const log = admin.page.getByRole('table', { name: 'Access log, newest first' });
    await log.locator('tbody tr').first().waitFor();
    const before = await log.locator('tbody tr').count();
    await admin.page.getByRole('button', { name: 'Show older' }).click();
    await expect.poll(() => log.locator('tbody tr').count()).toBeGreaterThan(before);
    await expectNoAxeViolations(admin.page, 'the admin page');
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/triage?q=${c.lastName}`);
    const row = queueRows(page).filter({ hasText: c.name });
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject 1 case' });
    await dialog.getByRole('button', { name: 'Reject 1 case' }).click();
    await dialog.getByText('Choose a reason for rejecting from the list.').first().waitFor();
    await dialog.getByLabel(label).check();
    await dialog.getByLabel('More detail (optional)').fill('Second attempt at the shuttle run failed.');
    await expectNoAxeViolations(page, 'the bulk reject dialog');
    await dialog.getByRole('button', { name: 'Reject 1 case' }).click();
    await status(page, '1 case rejected.');
    await row.waitFor({ state: 'detached' });
    const detail = await api.query('applications.get', { id: c.id });
    expect(detail.stage).toBe('rejected');
    expect(detail.closeReason).toBe(`${label}: Second attempt at the shuttle run failed.`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin approves an exception for open misconduct, and the eligibility shows who, when and why', async () => {
    const c = await createTransferee(env.server.url);
    const api = await apiAs(env.server.url, accounts.resourcing);
    await api.mutate('applications.recordEligibility', {
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'SNT',
      criteria: { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true },
      psdRecords: 'received',
      psdOutcome: 'clear',
      ohRecords: 'received',
      ohOutcome: 'clear',
      hasOpenMisconduct: true,
      misconductDetails: 'A complaint about a stop, not yet heard.',
    });
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await page.goto(`/cases/${c.id}`);
    const form = page.getByRole('form', { name: 'Approve an exception' });
    await form
      .getByLabel(/Why may this case go on/)
      .fill('The complaint concerns paperwork only; PSD advise it need not delay the transfer.');
    await form.getByRole('button', { name: 'Approve the exception' }).click();
    await form.waitFor({ state: 'detached' });
    const eligibility = page.locator('#eligibility');
    await eligibility.getByText('Exception approved').waitFor();
    // Who and when as the server recorded them (its own clock), shown in London time.
    type Approved = { eligibility: { exception: { approvedBy: string; approvedAt: string } } };
    const { exception } = (await api.query<Approved>('applications.get', { id: c.id })).eligibility;
    const at = (part: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-GB', { ...part, timeZone: 'Europe/London' }).format(new Date(exception.approvedAt));
    const when = `${at({ day: 'numeric' })} \\w+ ${at({ year: 'numeric' })}\\D+${at({ hour: '2-digit', minute: '2-digit' })}`;
    const by = exception.approvedBy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await seen(eligibility)).toMatch(
      new RegExp(`Exception approved by ${by} on ${when}: The complaint concerns paperwork only`),
    );
    await page.locator('.moj-timeline__title', { hasText: 'Eligibility exception approved' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
