import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isWeekday, londonDate, startedMinutesAgo } from './interview-clock.ts';
import {
  accounts,
  apiAs,
  createTransferee,
  expectNoAxeViolations,
  launchBrowser,
  openSession,
  repoRoot,
  signIn,
  startServer,
  templateDbPath,
  textOf,
  type TestServer,
} from './support.ts';

/*
 * Interview scorecards, blind: a MetCC interview that has ended, sat by the demo panel member (PC Sam
 * Reid) and resourcing (Priya Shah). Each scores it on the interviews page, seeing the other's scores
 * only once their own is in; the MetCC lead (off the panel) records the outcome from the panel's summary.
 */

const panelMember = 'panel.metcc@muster.test';
const env = {} as { server: TestServer; browser: Browser; dir: string; dbPath: string };

beforeAll(async () => {
  env.dir = mkdtempSync(join(tmpdir(), 'muster-scorecards-'));
  // A file of the spec's own: the interview is moved into the past in it (the API has no clock to set).
  env.dbPath = join(env.dir, 'muster.sqlite');
  if (existsSync(templateDbPath)) copyFileSync(templateDbPath, env.dbPath);
  [env.server, env.browser] = await Promise.all([startServer({ dbPath: env.dbPath }), launchBrowser()]);
}, 150_000);

afterAll(async () => {
  await env.browser?.close();
  await env.server?.stop();
  if (env.dir) rmSync(env.dir, { recursive: true, force: true });
});

type Case = { id: number; name: string; reference: string };

/** A MetCC case interviewed (attended) by Sam Reid and Priya Shah, the interview over. */
async function interviewedMetccCase(): Promise<Case> {
  const c = await createTransferee(env.server.url, { targetUnit: 'METCC', isEligible: true });
  const resourcing = await apiAs(env.server.url, accounts.resourcing);
  const lead = await apiAs(env.server.url, accounts.leadMetcc);
  const moved = await resourcing.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' });
  const panellists = await lead.query<{ id: number; name: string }[]>('interviews.panellists', { unit: 'METCC' });
  const panel = ['PC Sam Reid', 'Priya Shah'].map((n) => {
    const p = panellists.find((x) => x.name === n);
    if (!p) throw new Error(`${n} is not a MetCC panellist: ${panellists.map((x) => x.name).join(', ')}`);
    return p.id;
  });
  const venues = await lead.query<{ id: number; unit: string | null }[]>('interviews.venues', null);
  const venue = venues.find((v) => v.unit === 'METCC') ?? venues[0]!;
  let day = addDays(londonDate(new Date()), 40);
  while (!isWeekday(day)) day = addDays(day, 1);
  const [slot] = await lead.mutate<{ id: number }[]>('interviews.publishSlots', {
    unit: 'METCC',
    venueId: venue.id,
    panel,
    dates: [day],
    startTime: '07:05',
    lengthMinutes: 60,
  });
  const booked = await resourcing.mutate('interviews.book', { id: c.id, expectedVersion: moved.version, slotId: slot!.id });
  // Ended a day ago (due, not yet overdue), then marked attended.
  startedMinutesAgo(env.dbPath, c.id, 25 * 60);
  await lead.mutate('interviews.recordAttendance', { id: c.id, expectedVersion: booked.version, attended: true });
  return { id: c.id, name: c.name, reference: moved.reference as string };
}

async function screenshot(page: Page, name: string) {
  mkdirSync(join(repoRoot, 'tests/.tmp'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'tests/.tmp', `scorecards-${name}.png`), fullPage: true });
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await page.goto('/interviews');
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
}

describe('scorecards', () => {
  let c: Case;
  beforeAll(async () => {
    c = await interviewedMetccCase();
  }, 60_000);

  const scorecard = (page: Page) => page.getByRole('region', { name: `Scorecard: ${c.reference} ${c.name}` });
  const openScorecard = async (page: Page) => {
    const due = page.getByRole('region', { name: 'Interviews you are to score' });
    await due.getByRole('button', { name: `Score this interview (${c.name})` }).click();
    const form = page.getByRole('form', { name: `Scorecard for ${c.name}` });
    await form.waitFor();
    return form;
  };
  const score = async (page: Page, scores: Record<string, string>) => {
    for (const [criterion, value] of Object.entries(scores))
      await page.getByRole('group', { name: criterion }).getByLabel(value, { exact: true }).check();
  };

  it('the panel member scores blind: a missing score is refused at its field, then no other scores are shown', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signInAs(page, panelMember);
    await page.getByRole('heading', { name: 'Scorecards due' }).waitFor();
    const form = await openScorecard(page);
    expect(await textOf(form)).toContain("You will see the others' scores here once you have submitted yours.");
    await expectNoAxeViolations(page, 'the scorecard form');
    await screenshot(page, 'form');

    await score(page, { Professionalism: '4', Courage: '3', Compassion: '5' });
    await form.getByLabel('Evidence for professionalism').fill('Calm and clear when describing a difficult call.');
    await form.getByRole('button', { name: 'Submit scorecard' }).click();
    const summary = form.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await textOf(summary)).toMatch(/Score integrity from 1 to 5\./);
    expect(await textOf(form.locator('#scorecard-integrity-error'))).toContain('Score integrity from 1 to 5.');
    await expectNoAxeViolations(page, 'the scorecard form with an error');
    await screenshot(page, 'form-error');

    await score(page, { Integrity: '4' });
    await form.getByRole('button', { name: 'Submit scorecard' }).click();
    await scorecard(page).getByText(`Your scorecard for ${c.name} is submitted.`).waitFor();
    const mine = scorecard(page).getByRole('region', { name: `Scores for ${c.name}` });
    await mine.waitFor();
    const headers = await mine.getByRole('columnheader').allTextContents();
    // Blind: their own column only (the server's summary, with their own scores, gives the mean).
    expect(headers).toEqual(['Criterion', 'PC Sam Reid (you)', 'Mean']);
    expect(await textOf(scorecard(page))).toContain("No other panel member's scores are shown to you yet.");
    // The interview has left the list of what is due.
    await expect.poll(() => page.getByRole('button', { name: `Score this interview (${c.name})` }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('resourcing, on the panel, scores and then sees the panel member’s scores and the means', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signInAs(page, accounts.resourcing);
    await openScorecard(page);
    await score(page, { Professionalism: '3', Integrity: '5', Courage: '4', Compassion: '4' });
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    const scores = scorecard(page).getByRole('region', { name: `Scores for ${c.name}` });
    await scores.waitFor();
    expect(await scores.getByRole('columnheader').allTextContents()).toEqual([
      'Criterion',
      'Priya Shah (you)',
      'PC Sam Reid',
      'Mean',
    ]);
    const row = async (criterion: string) =>
      (await scores.getByRole('row').filter({ hasText: criterion }).getByRole('cell').allTextContents()).map((t) => t.trim());
    expect(await row('Professionalism')).toEqual(['3', '4', '3.5']);
    expect(await row('Integrity')).toEqual(['5', '4', '4.5']);
    expect(await row('Courage')).toEqual(['4', '3', '3.5']);
    expect(await row('Compassion')).toEqual(['4', '5', '4.5']);
    await expectNoAxeViolations(page, 'the scorecard after submitting, with the panel’s scores');
    await screenshot(page, 'panel-scores');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the MetCC lead records the outcome from the panel’s summary: the case passes its interview', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signInAs(page, accounts.leadMetcc);
    const outcomes = page.getByRole('region', { name: 'Outcomes to record' });
    const item = page.getByRole('region', { name: `${c.reference} ${c.name}` });
    const summary = item.getByRole('region', { name: `Panel scores for ${c.name}` });
    await summary.waitFor();
    expect(await summary.getByRole('columnheader').allTextContents()).toEqual(['Criterion', 'PC Sam Reid', 'Priya Shah', 'Mean']);
    const who = item.getByRole('definition').allTextContents();
    expect((await who).map((t) => t.trim())).toEqual(['Submitted', 'Submitted']);

    // Nothing chosen: the server's field error.
    await item.getByRole('button', { name: `Record outcome for ${c.name}` }).click();
    await item.locator('.govuk-error-summary').filter({ hasText: 'Choose pass or fail.' }).waitFor();
    await expectNoAxeViolations(page, 'the panel summary and the outcome form');
    await screenshot(page, 'outcome');

    await item
      .getByRole('group', { name: `Outcome for ${c.name}` })
      .getByLabel('Pass', { exact: true })
      .check();
    await item.getByLabel('Notes (optional)').fill('A strong panel: both scored integrity high.');
    await item.getByRole('button', { name: `Record outcome for ${c.name}` }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .filter({ hasText: `Outcome recorded: passed (${c.name}).` })
      .waitFor();
    await expect.poll(() => outcomes.getByRole('region', { name: `${c.reference} ${c.name}` }).count()).toBe(0);

    await page.goto(`/cases/${c.id}#interview`);
    const section = page.locator('#interview');
    await section
      .getByRole('definition')
      .filter({ hasText: /^Pass$/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Move to pre-employment' }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
