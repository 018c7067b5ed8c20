import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accounts, apiAs, expectNoAxeViolations, openSession, repoRoot, serverAndBrowser, signIn, textOf } from './support.ts';

const env = serverAndBrowser();

type PoolPerson = { id: number; name: string; isPaused: boolean; isActive: boolean; load: number; capacity: number };

async function screenshot(target: Page | Locator, name: string) {
  mkdirSync(join(repoRoot, 'tests/.tmp/screenshots'), { recursive: true });
  await target.screenshot({ path: join(repoRoot, 'tests/.tmp/screenshots', `mentor-pool-${name}.png`) });
}

const row = (page: Page, name: string) => page.locator('#pool-table tbody tr').filter({ hasText: name });
const banner = (page: Page, text: string | RegExp) =>
  page.locator('.govuk-notification-banner--success').filter({ hasText: text }).first();

/** The person as the server has them now, by name. */
async function personNamed(name: string): Promise<PoolPerson | undefined> {
  const api = await apiAs(env.server.url, accounts.coordinator);
  return (await api.query<PoolPerson[]>('mentors.list', { includeRetired: true })).find((p) => p.name === name);
}

describe('the mentor pool', () => {
  it('a coordinator adds a person, sees them in the list, filters by unit, pauses them; the case page no longer suggests them', async () => {
    const name = `PC Pool ${Date.now().toString(36)}`;
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.coordinator);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Mentor pool' }).click();
    await page.getByRole('heading', { name: 'Mentor pool', level: 1 }).waitFor();
    await page.locator('#pool-table').waitFor();
    expect(await page.title()).toBe('Mentor pool – Muster');

    // Sent empty: every field says what to do, in the summary and at the field.
    await page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person to the pool' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add to the pool' }).click();
    const summary = dialog.locator('.govuk-error-summary');
    await summary.waitFor();
    const summaryText = await textOf(summary);
    for (const words of [
      'Enter their name, at least 2 characters',
      'Choose the unit they serve in.',
      'Choose the place they work from.',
      'Enter how many joiners they can take at once, as a number.',
    ])
      expect(summaryText).toContain(words);
    expect(await textOf(dialog.locator('#pool-capacity-error'))).toContain('Enter how many joiners they can take at once');
    await expectNoAxeViolations(page, 'the add form with its errors');
    await screenshot(dialog, 'add-errors');

    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Unit').selectOption('TSG');
    await dialog.getByLabel('Place').selectOption('Catford (SE)');
    await dialog.getByLabel('Capacity').fill('3');
    await dialog.getByLabel('Buddy only').check();
    await dialog.getByRole('button', { name: 'Add to the pool' }).click();
    await banner(page, `${name} added to the pool.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const added = row(page, name);
    await added.waitFor();
    expect((await added.locator('td').allTextContents()).slice(0, 6)).toEqual([
      name,
      'TSG',
      'Catford (SE)',
      'Buddy only',
      '0 of 3',
      'Taking joiners',
    ]);

    // Filtered by unit, in the address: only TSG's people.
    await page.getByLabel('Unit', { exact: true }).selectOption('TSG');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/pool\?unit=TSG$/);
    await expect
      .poll(async () => (await page.locator('#pool-table tbody tr td:nth-child(2)').allTextContents()).every((u) => u === 'TSG'))
      .toBe(true);
    await added.waitFor();
    await page.reload();
    await added.waitFor();
    expect(await page.getByLabel('Unit', { exact: true }).inputValue()).toBe('TSG');

    // Paused: said, shown, and so on the server.
    await added.getByRole('button', { name: `Pause ${name}` }).click();
    await banner(page, `${name} paused: they will not be suggested for new joiners.`).waitFor();
    await expect.poll(() => textOf(added.locator('td').nth(5))).toBe('Paused');
    expect(await personNamed(name)).toMatchObject({ isPaused: true, isActive: true });
    await added.getByRole('button', { name: `Resume ${name}` }).waitFor();
    await expectNoAxeViolations(page, 'the mentor pool');
    await screenshot(page, 'list');
    await page.screenshot({ path: join(repoRoot, 'tests/.tmp/screenshots', 'mentor-pool-list-full.png'), fullPage: true });

    // A joiner's case: the mentor form offers the server's suggestions and says who is left out and why.
    const api = await apiAs(env.server.url, accounts.coordinator);
    const [joiner] = (await api.query<{ items: { id: number }[] }>('applications.list', { stage: 'induction', limit: 1 })).items;
    if (!joiner) throw new Error('The demo data has no case at induction');
    await page.goto(`/cases/${joiner.id}`);
    const form = page.getByRole('form', { name: 'Assign a mentor and a buddy' });
    await form.waitFor();
    const buddies = await form.getByLabel('Buddy').locator('option').allTextContents();
    expect(buddies.length).toBeGreaterThan(1);
    expect(buddies.some((o) => o.includes(name))).toBe(false);
    await form.getByText(/^Not suggested/).click();
    expect(await textOf(form.locator('.govuk-details__text'))).toContain(`${name}: paused: taking no new joiners`);
    await expectNoAxeViolations(page, 'the case page with the mentor suggestions');
    await screenshot(form, 'case-form');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('retiring asks to confirm, says so, and takes them off the list; Show retired brings them back into view', async () => {
    const name = `PS Retiring ${Date.now().toString(36)}`;
    const api = await apiAs(env.server.url, accounts.coordinator);
    await api.mutate('mentors.create', { name, unit: 'METCC', place: 'Bow', capacity: 2, kind: 'both' });
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.coordinator);
    await page.goto('/pool?unit=METCC');
    const person = row(page, name);
    await person.waitFor();

    await person.getByRole('button', { name: `Retire ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Retire ${name} from the pool?` });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the retire confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await personNamed(name)).toMatchObject({ isActive: true });

    await person.getByRole('button', { name: `Retire ${name}` }).click();
    await dialog.getByRole('button', { name: 'Retire from the pool' }).click();
    await banner(page, `${name} retired from the pool.`).waitFor();
    await person.waitFor({ state: 'detached' });
    expect(await personNamed(name)).toMatchObject({ isActive: false });

    await page.getByLabel('Show retired people').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/pool\?unit=METCC&retired=1$/);
    await expect.poll(() => textOf(person.locator('td').nth(5))).toBe('Retired');
    await person.getByRole('button', { name: `Bring back ${name}` }).click();
    await banner(page, `${name} is back in the pool.`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('resourcing has no pool page in the navigation, and the page says who keeps it', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    const nav = page.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Board' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Mentor pool' }).count()).toBe(0);
    await page.goto('/pool');
    await page.getByText('The mentor and buddy pool is kept by the mentor coordinators.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
