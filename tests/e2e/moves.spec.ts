import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accounts,
  column,
  createTransferee,
  expectNoAxeViolations,
  openSession,
  serverAndBrowser,
  signIn,
  textOf,
} from './support.ts';

const env = serverAndBrowser();

/** The board searched down to one case, by its unique surname. */
async function boardFor(page: Page, lastName: string) {
  await page.goto(`/?q=${lastName}`);
  await column(page, 'Review')
    .getByRole('link', { name: new RegExp(lastName) })
    .waitFor();
}

describe('moving cases on the board and the case page', () => {
  it('a refused drag-and-drop move lists every unmet gate, each linking to the form that fixes it', async () => {
    const c = await createTransferee(env.server.url, { targetUnit: 'TSG' });
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await boardFor(page, c.lastName);
    await column(page, 'Review').getByRole('listitem').filter({ hasText: c.name }).dragTo(column(page, 'Interview'));

    const dialog = page.getByRole('dialog', { name: `${c.name} cannot move to interview yet` });
    await dialog.waitFor();
    const reasons = (await dialog.getByRole('listitem').allTextContents()).map((r) => r.trim());
    expect(reasons).toContain('Eligibility has not been recorded.');
    expect(reasons.some((r) => r.startsWith('TSG: the officer needs a TSG mentor'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('TSG: the officer must do an attachment or base visit'))).toBe(true);
    await expectNoAxeViolations(page, 'the refused-move dialog');
    // The card has not moved.
    expect(await column(page, 'Review').getByRole('listitem').filter({ hasText: c.name }).count()).toBe(1);

    await dialog.getByRole('link', { name: 'Eligibility has not been recorded.' }).click();
    await page.waitForURL(new RegExp(`/cases/${c.id}#eligibility$`));
    await page.getByRole('form', { name: 'Record eligibility' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('eligibility');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves a card with the keyboard alone', async () => {
    const c = await createTransferee(env.server.url, { isEligible: true });
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await boardFor(page, c.lastName);

    // Tab to the card's "Move…" control, as someone without a mouse would.
    const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());
    for (let i = 0; i < 60 && (await focused()) !== `Move ${c.name}…`; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(`Move ${c.name}…`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Move');
    await page.keyboard.press('Enter');

    await column(page, 'Interview').getByRole('link', { name: c.name }).waitFor();
    expect(await column(page, 'Review').getByRole('link', { name: c.name }).count()).toBe(0);
    await page
      .getByRole('status')
      .filter({ hasText: `${c.name} moved to interview.` })
      .waitFor({ state: 'attached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('rejecting asks for a reason, and says so when none is given', async () => {
    const c = await createTransferee(env.server.url);
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await boardFor(page, c.lastName);
    const card = column(page, 'Review').getByRole('listitem').filter({ hasText: c.name });
    await card.getByText(`Move ${c.name}…`).click();
    await card.getByLabel(`Move ${c.name} to`).selectOption({ label: 'Reject' });
    await card.getByRole('button', { name: 'Move', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: `Reject: ${c.name}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Reject' }).click();
    const errors = dialog.locator('.govuk-error-summary');
    await errors.waitFor();
    // The server names what is missing: a reason from the list (or, on older servers, the user's words).
    expect(await textOf(errors)).toMatch(/Choose a reason for rejecting from the list\.|Give a reason for rejecting\./);
    await expectNoAxeViolations(page, 'the reason dialog with an error');
    await dialog.getByRole('radio').first().check();
    await dialog.getByLabel(/More detail|Reason/).fill('Has not completed the 2-year probationary period.');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => column(page, 'Review').getByRole('link', { name: c.name }).count()).toBe(0);

    await page.goto(`/cases/${c.id}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await textOf(page.locator('.app-case-header .govuk-tag'))).toBe('Rejected');
    const latest = page.locator('.moj-timeline__item').first();
    expect(await textOf(latest)).toContain('Rejected');
    expect(await textOf(latest)).toMatch(/Reason: .*Has not completed the 2-year probationary period\./);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when two people move the same case, the second is told of the conflict and sees the case fresh', async () => {
    const c = await createTransferee(env.server.url, { isEligible: true });
    const first = await openSession(env.browser, env.server.url);
    const second = await openSession(env.browser, env.server.url);
    await Promise.all([signIn(first.page, accounts.resourcing), signIn(second.page, accounts.resourcing)]);
    await Promise.all([first.page.goto(`/cases/${c.id}`), second.page.goto(`/cases/${c.id}`)]);
    const moveButton = (page: Page) =>
      page.getByRole('group', { name: 'Move this case' }).getByRole('button', { name: 'Move to interview' });
    await Promise.all([moveButton(first.page).waitFor(), moveButton(second.page).waitFor()]);

    await moveButton(first.page).click();
    await expect.poll(() => textOf(first.page.locator('.app-case-header .govuk-tag'))).toBe('Interview');

    await moveButton(second.page).click();
    const dialog = second.page.getByRole('dialog', { name: 'Someone else changed this case' });
    await dialog.waitFor();
    expect(await textOf(dialog)).toContain('Nothing was changed');
    await expectNoAxeViolations(second.page, 'the conflict dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => textOf(second.page.locator('.app-case-header .govuk-tag'))).toBe('Interview');
    expect(await second.page.locator('.moj-timeline__title', { hasText: 'Moved to interview' }).count()).toBe(1);
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it('a stale form write is refused with a conflict banner, and the case is shown as it now stands', async () => {
    const c = await createTransferee(env.server.url);
    const first = await openSession(env.browser, env.server.url);
    const second = await openSession(env.browser, env.server.url);
    await Promise.all([signIn(first.page, accounts.resourcing), signIn(second.page, accounts.resourcing)]);
    await Promise.all([first.page.goto(`/cases/${c.id}`), second.page.goto(`/cases/${c.id}`)]);
    await Promise.all([
      first.page.getByLabel('Note', { exact: true }).waitFor(),
      second.page.getByLabel('Note', { exact: true }).waitFor(),
    ]);

    await first.page.getByLabel('Note', { exact: true }).fill('Called the officer.');
    await first.page.getByRole('button', { name: 'Add note' }).click();
    await first.page.getByText('Note added.').waitFor();

    await second.page.getByLabel('Note', { exact: true }).fill('Emailed the current force.');
    await second.page.getByRole('button', { name: 'Add note' }).click();
    const banner = second.page.getByRole('alert').filter({ hasText: 'Someone else changed this case' });
    await banner.waitFor();
    expect(await textOf(banner)).toContain('Your change was not saved.');
    await second.page.locator('.moj-timeline__title', { hasText: 'Note added' }).waitFor();
    await expectNoAxeViolations(second.page, 'the case page with a conflict banner');
    // The text the user typed is kept, so they can send it again.
    expect(await second.page.getByLabel('Note', { exact: true }).inputValue()).toBe('Emailed the current force.');
    await second.page.getByRole('button', { name: 'Add note' }).click();
    await second.page.getByText('Note added.').waitFor();
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
