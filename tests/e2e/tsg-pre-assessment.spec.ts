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

describe("TSG's mentor and base visit, recorded by the TSG lead", () => {
  it('the TSG lead picks the mentor from TSG’s people in the pool and ticks the base visit; the gate opens and resourcing moves the case on', async () => {
    const c = await createTransferee(env.server.url, { targetUnit: 'TSG', isEligible: true });
    const res = await apiAs(env.server.url, accounts.resourcing);
    // The eligibility record names no mentor any more: TSG's two requirements are what is left.
    const before = await res.query('applications.get', { id: c.id });
    expect(before.gateChecklist.items.filter((i: { isDone: boolean }) => !i.isDone).map((i: { code: string }) => i.code)).toEqual(
      ['eligibility.unit_criteria', 'eligibility.tsg_mentor_missing', 'eligibility.tsg_base_visit_missing'],
    );
    const pool = await res.query<{ name: string; unit: string }[]>('reference.mentors', { unit: 'TSG' });
    expect(pool.length).toBeGreaterThan(0);
    expect(pool.every((m) => m.unit === 'TSG')).toBe(true);

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadTsg);
    await page.goto(`/cases/${c.id}`);
    const form = page.getByRole('form', { name: 'Record the TSG mentor and base visit' });
    await form.waitFor();
    // Only TSG officers are offered, from the pool, with their base.
    const offered = await form.getByLabel('TSG mentor').locator('option').allTextContents();
    expect(offered).toEqual(['None yet', ...pool.map((m) => expect.stringContaining(m.name))]);
    await expectNoAxeViolations(page, 'the TSG pre-assessment form');

    await form.getByLabel('TSG mentor').selectOption({ label: offered[1] ?? '' });
    await form.getByRole('button', { name: 'Save TSG mentor and base visit' }).click();
    await expect.poll(() => textOf(form.getByRole('status'))).toContain('TSG mentor and base visit saved.');
    const mentorRow = page.locator('.govuk-summary-list__row', { hasText: 'TSG mentor' });
    expect(await textOf(mentorRow)).toContain(pool[0]?.name ?? '');
    expect(await textOf(page.locator('.govuk-summary-list__row', { hasText: 'Attachment or base visit' }))).toContain('Not done');

    await form.getByLabel('The officer has done an attachment or base visit').check();
    await form.getByRole('button', { name: 'Save TSG mentor and base visit' }).click();
    await expect
      .poll(() => textOf(page.locator('.govuk-summary-list__row', { hasText: 'Attachment or base visit' })))
      .toContain('Done');
    // The timeline says who did it.
    await expect.poll(() => textOf(page.locator('#history'))).toContain('TSG mentor and base visit recorded');

    const after = await res.query('applications.get', { id: c.id });
    expect(after.gateChecklist.items.filter((i: { isDone: boolean }) => !i.isDone).map((i: { code: string }) => i.code)).toEqual([
      'eligibility.unit_criteria',
    ]);
    expect(after.tsgPreAssessment).toMatchObject({ hasBaseVisit: true, recordedBy: 'Insp. Dan Walker' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
