import type { Page } from 'playwright-core';
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

type Reason = { id: number; kind: string; label: string; isActive: boolean };

/** Whether caseworkers are offered the reason, as the server lists it to them. */
async function isOffered(label: string) {
  const api = await apiAs(env.server.url, accounts.resourcing);
  return (await api.query<Reason[]>('reference.closeReasons', {})).some((r) => r.label === label);
}

/** The names in the access log's Who column, as a sighted user reads them (each a link "<name> (show only their views)"). */
const whoInLog = async (page: Page) =>
  (await page.getByRole('table', { name: 'Access log, newest first' }).locator('tbody td:nth-child(2)').allTextContents()).map(
    (t) =>
      t
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/ ?\(show only their views\)$/, ''),
  );

const reasonRow = (page: Page, label: string) =>
  page.getByRole('table', { name: 'Reasons to reject or withdraw' }).getByRole('row').filter({ hasText: label });

describe('administration: reasons to reject or withdraw', () => {
  it('retiring asks to confirm; Cancel leaves the reason in use, confirming retires it, Undo restores it', async () => {
    const admin = await apiAs(env.server.url, accounts.admin);
    const label = `Moved abroad ${Date.now().toString(36)}`;
    await admin.mutate('admin.addCloseReason', { kind: 'withdrawn', label });

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await page.goto('/admin');
    const row = reasonRow(page, label);
    await row.waitFor();

    // Asked, then cancelled: nothing changes.
    await row.getByRole('button', { name: `Retire “${label}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Retire ‘${label}’?` });
    await dialog.waitFor();
    expect(await textOf(dialog)).toContain('Caseworkers will no longer be able to choose it when they withdraw a case.');
    await expectNoAxeViolations(page, 'the retire confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await textOf(row)).toContain('In use');
    expect(await isOffered(label)).toBe(true);

    // Asked, then confirmed: retired, and the banner offers to undo it.
    await row.getByRole('button', { name: `Retire “${label}”` }).click();
    await dialog.getByRole('button', { name: 'Retire reason' }).click();
    const banner = page.getByRole('alert').filter({ hasText: `Retired ‘${label}’.` });
    await banner.waitFor();
    expect(await textOf(banner.locator('.govuk-notification-banner__heading'))).toBe(
      `Retired ‘${label}’. Undo retiring ‘${label}’`,
    );
    await expect.poll(() => textOf(row)).toContain('Retired');
    await row.getByRole('button', { name: `Restore “${label}”` }).waitFor();
    expect(await isOffered(label)).toBe(false);
    await expectNoAxeViolations(page, 'the admin page after retiring');

    // Undo: in use again, and offered again.
    await banner.getByRole('button', { name: `Undo retiring ‘${label}’` }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Restored ‘${label}’.` })
      .waitFor();
    await expect.poll(() => textOf(row)).toContain('In use');
    expect(await isOffered(label)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a retired reason is restored from the list, unless one in use reads the same, and then the page says why', async () => {
    const admin = await apiAs(env.server.url, accounts.admin);
    const label = `Joined another force ${Date.now().toString(36)}`;
    const old = await admin.mutate<Reason>('admin.addCloseReason', { kind: 'withdrawn', label });
    await admin.mutate('admin.retireCloseReason', { id: old.id });
    await admin.mutate('admin.addCloseReason', { kind: 'withdrawn', label });

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await page.goto('/admin');
    const retired = reasonRow(page, label).filter({ hasText: 'Retired' });
    await retired.getByRole('button', { name: `Restore “${label}”` }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `“${label}” is already on the list as a reason to withdraw, so it was not restored.` })
      .waitFor();
    expect(await textOf(retired)).toContain('Retired');

    // Once the newer one is retired, the old one comes back.
    const newer = reasonRow(page, label).filter({ hasText: 'In use' });
    await newer.getByRole('button', { name: `Retire “${label}”` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retire reason' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Retired ‘${label}’.` })
      .waitFor();
    await expect.poll(() => reasonRow(page, label).filter({ hasText: 'Retired' }).count()).toBe(2);
    await reasonRow(page, label)
      .first()
      .getByRole('button', { name: `Restore “${label}”` })
      .click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Restored ‘${label}’.` })
      .waitFor();
    expect(await isOffered(label)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('administration: the access log', () => {
  it('is filtered by case reference and by user, in the address', async () => {
    // A case viewed by resourcing and by the admin.
    const c = await createTransferee(env.server.url);
    const resourcing = await apiAs(env.server.url, accounts.resourcing);
    const { reference } = await resourcing.query<{ reference: string }>('applications.get', { id: c.id });
    await (await apiAs(env.server.url, accounts.admin)).query('applications.get', { id: c.id });

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await page.goto('/admin');
    const filters = page.getByRole('search', { name: 'Filter the access log' });
    await filters.getByLabel('Case reference').fill(reference);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(new RegExp(`/admin\\?case=${reference}$`));
    const log = page.getByRole('table', { name: 'Access log, newest first' });
    await expect
      .poll(async () => new Set(await log.locator('tbody td:nth-child(4)').allInnerTexts()))
      .toEqual(new Set([reference]));

    await expect.poll(async () => new Set(await whoInLog(page))).toEqual(new Set(['Alex Morgan', 'Priya Shah']));

    // A name in the log narrows it to that user, keeping the case.
    await log.getByRole('link', { name: 'Priya Shah (show only their views)' }).first().click();
    await page.waitForURL(new RegExp(`/admin\\?case=${reference}&user=\\d+$`));
    await expect.poll(async () => new Set(await whoInLog(page))).toEqual(new Set(['Priya Shah']));
    expect(await filters.getByLabel('User number').inputValue()).toMatch(/^\d+$/);

    // Opened from the address, the log is filtered the same; a reference no case has is said so.
    await page.goto(`/admin?case=MUS-999999`);
    await page.getByText('No case has the reference “MUS-999999”.').waitFor();
    await filters.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/admin$/);
    await log.locator('tbody tr').first().waitFor();
    await expectNoAxeViolations(page, 'the filtered access log');
    expect(problems).toEqual([]);
    await context.close();
  });
});
