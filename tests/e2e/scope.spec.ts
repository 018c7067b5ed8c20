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

describe('a unit lead reaches only their unit’s cases', () => {
  it('the METCC lead who types the address of a TSG case is refused in plain words, and shown nothing of it', async () => {
    const c = await createTransferee(env.server.url, { targetUnit: 'TSG' });
    // The case is there and its own unit lead sees it: the refusal below is about scope alone.
    const tsgLead = await apiAs(env.server.url, accounts.leadTsg);
    const seenByItsLead = await tsgLead.query<{ lastName: string; reference: string; email: string }>('applications.get', {
      id: c.id,
    });
    expect(seenByItsLead.lastName).toBe(c.lastName);

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await page.goto(`/cases/${c.id}`);
    await page.getByRole('heading', { level: 1, name: 'You cannot see this case' }).waitFor();
    const main = page.getByRole('main');
    expect(await textOf(main)).toContain('You do not have access to this case.');
    await main.getByRole('link', { name: 'Back to the board' }).waitFor();

    // Nothing of the case reached the page: not the name, the reference, the email, nor any section of it.
    const body = await textOf(page.locator('body'));
    for (const detail of [c.lastName, seenByItsLead.reference, seenByItsLead.email]) expect(body).not.toContain(detail);
    expect(await page.getByRole('heading', { name: /Eligibility|History|Interview/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Move to|Add note|Record/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the refused case page');
    expect(problems).toEqual([]);
    await context.close();
  });
});
