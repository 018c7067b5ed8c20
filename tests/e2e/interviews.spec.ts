import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayLabel, isWeekday, londonDate, startedMinutesAgo } from './interview-clock.ts';
import {
  accounts,
  apiAs,
  createTransferee,
  createUserWithCli,
  expectNoAxeViolations,
  openSession,
  repoRoot,
  serverAndBrowser,
  signIn,
  textOf,
} from './support.ts';

/*
 * The interviewer's home as the MetCC lead: publish a series of slots, book waiting cases into them,
 * see a panel clash refused with every reason at once, withdraw a free slot, record attendance.
 * A panel member of the spec's own (created with the CLI) lands on the page instead of the board.
 */

const panelMember = { email: 'panel.spec@muster.test', name: 'PC Robin Hale', password: 'spec-panel-passphrase-2026' };

const env = serverAndBrowser();

// After start-up, which seeds the demo data into the server's own file.
beforeAll(() => createUserWithCli(env.server.dbPath, { ...panelMember, role: 'panel_member', units: ['METCC'] }), 60_000);

/** Two weekdays a little over two weeks ahead: inside the page's four weeks, past the demo's own interviews. */
function twoWeekdaysAhead(): [string, string] {
  const days: string[] = [];
  for (let d = addDays(londonDate(new Date()), 15); days.length < 2; d = addDays(d, 1)) if (isWeekday(d)) days.push(d);
  return [days[0]!, days[1]!];
}
const [dayA, dayB] = twoWeekdaysAhead();
const place = 'MetCC Lambeth, 109 Lambeth Road, London SE1 7LP';

type Case = { id: number; name: string; reference: string };

/** A MetCC transferee at interview, waiting for a slot. */
async function waitingMetccCase(): Promise<Case> {
  const c = await createTransferee(env.server.url, { targetUnit: 'METCC', isEligible: true });
  const api = await apiAs(env.server.url, accounts.resourcing);
  const moved = await api.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' });
  return { id: c.id, name: c.name, reference: moved.reference as string };
}

async function screenshot(page: Page, name: string) {
  mkdirSync(join(repoRoot, 'tests/.tmp'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'tests/.tmp', `interviews-${name}.png`), fullPage: true });
}

const banner = (page: Page, text: string | RegExp) =>
  page.locator('.govuk-notification-banner--success').filter({ hasText: text }).first();

async function openInterviews(page: Page) {
  await page.getByRole('link', { name: 'Interviews', exact: true }).click();
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Waiting for a slot' }).waitFor();
}

async function book(page: Page, c: Case, slot: RegExp) {
  await page.getByRole('button', { name: `Book a slot for ${c.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Book an interview for ${c.name}` });
  await dialog.getByLabel(slot).check();
  await dialog.getByRole('button', { name: 'Book interview' }).click();
  return dialog;
}

describe('interviews', () => {
  let cases: Case[] = [];
  beforeAll(async () => {
    cases = [await waitingMetccCase(), await waitingMetccCase(), await waitingMetccCase()];
  });
  const slotsTable = (page: Page) => page.getByRole('region', { name: 'Interview slots in the next 4 weeks' });
  const slotRow = (page: Page, text: string) => slotsTable(page).getByRole('row').filter({ hasText: text });

  it('the MetCC lead publishes a series, books two waiting cases, meets a clash, withdraws a slot and records attendance', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await openInterviews(page);
    expect(await page.title()).toBe('Interviews – Muster');
    await expectNoAxeViolations(page, 'the interviews page (MetCC lead)');

    // Nothing chosen: the server's field errors, in the summary and at each field.
    await page.getByRole('button', { name: 'Publish slots' }).click();
    const summary = page.locator('.govuk-error-summary').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await textOf(summary)).toContain('Choose where the interviews take place.');
    expect(await textOf(summary)).toContain('Choose at least one day.');
    expect(await textOf(page.locator('#publish-venue-error'))).toContain('Choose where the interviews take place.');
    await expectNoAxeViolations(page, 'the publish form with errors');

    // A series: two days, two hour-long slots each from 14:00, with the lead (ticked already) and the spec's panel member.
    await page.getByLabel('Place').selectOption({ label: place });
    const panel = page.getByRole('group', { name: /^Panel/ });
    expect(await panel.getByLabel('Insp. Maria Costa (Unit lead)').isChecked()).toBe(true);
    await panel.getByLabel(`${panelMember.name} (Panel member)`).check();
    const days = page.getByRole('group', { name: /^Days/ });
    await days.getByLabel(dayLabel(dayA), { exact: true }).check();
    await days.getByLabel(dayLabel(dayB), { exact: true }).check();
    await page.getByLabel('Start time').fill('14:00');
    await page.getByLabel('Length of each interview').fill('60');
    await page.getByLabel('A series of slots').check();
    await page.getByLabel('Last slot ends by').fill('16:00');
    await page.getByLabel('A new slot starts every').fill('60');
    await page.getByRole('button', { name: 'Publish slots' }).click();
    await banner(page, `4 slots published for MetCC, ${dayLabel(dayA)} to ${dayLabel(dayB)}.`).waitFor();
    for (const day of [dayA, dayB])
      for (const time of ['14:00 to 15:00', '15:00 to 16:00']) {
        const row = slotRow(page, `${dayLabel(day)}, ${time}`);
        await row.waitFor();
        expect(await textOf(row)).toContain(`Insp. Maria Costa, ${panelMember.name}`);
        expect(await textOf(row)).toContain('Free');
      }

    // Two waiting cases booked into the first day's two slots.
    const [first, second, third] = cases as [Case, Case, Case];
    await book(page, first, new RegExp(`^${dayLabel(dayA)}, 14:00 to 15:00`));
    await banner(page, `${first.name} is booked for interview: ${dayLabel(dayA)}, 14:00 to 15:00 at MetCC Lambeth`).waitFor();
    await book(page, second, new RegExp(`^${dayLabel(dayA)}, 15:00 to 16:00`));
    await banner(page, `${second.name} is booked for interview: ${dayLabel(dayA)}, 15:00 to 16:00`).waitFor();
    await expect.poll(() => textOf(slotRow(page, `${dayLabel(dayA)}, 14:00 to 15:00`))).toContain(`Booked: ${first.reference}`);
    await expect.poll(() => textOf(slotRow(page, `${dayLabel(dayA)}, 15:00 to 16:00`))).toContain(`Booked: ${second.reference}`);
    const waiting = page.getByRole('region', { name: 'Waiting for a slot' });
    await expect.poll(() => waiting.getByRole('button', { name: `Book a slot for ${first.name}` }).count()).toBe(0);
    await screenshot(page, 'after-booking');

    // A slot overlapping both with the same panel: published (a slot is only a time), but booking into it is refused, each member named.
    await page.getByLabel('One slot').check();
    await days.getByLabel(dayLabel(dayA), { exact: true }).check();
    await page.getByLabel('Start time').fill('14:30');
    await page.getByRole('button', { name: 'Publish slots' }).click();
    await banner(page, `1 slot published for MetCC on ${dayLabel(dayA)}.`).waitFor();
    const dialog = await book(page, third, new RegExp(`^${dayLabel(dayA)}, 14:30 to 15:30`));
    const refusal = dialog.locator('.govuk-error-summary');
    await refusal.waitFor();
    const refused = await textOf(refusal);
    expect(refused).toContain('This interview cannot be booked into that slot.');
    expect(refused).toMatch(/Insp\. Maria Costa is on another interview from (14:00 to 15:00|15:00 to 16:00) that day\./);
    expect(refused).toMatch(
      new RegExp(`${panelMember.name} is on another interview from (14:00 to 15:00|15:00 to 16:00) that day\\.`),
    );
    await expectNoAxeViolations(page, 'the booking dialog with a refusal');
    await screenshot(page, 'clash');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The free overlapping slot withdrawn, at the version read.
    const clashing = `${dayLabel(dayA)}, 14:30 to 15:30`;
    await slotsTable(page)
      .getByRole('button', { name: `Withdraw the slot on ${clashing}` })
      .click();
    await page.getByText(`The slot on ${clashing} was withdrawn.`).waitFor();
    await expect.poll(() => textOf(slotRow(page, clashing))).toContain('Withdrawn');

    // The first two interviews have started (the clock stood in for by the database): attendance to record.
    const firstStart = startedMinutesAgo(env.server.dbPath, first.id, 90);
    startedMinutesAgo(env.server.dbPath, second.id, 30);
    await page.reload();
    const attendance = page.getByRole('region', { name: 'Attendance to record' });
    await attendance.getByRole('button', { name: `Attended (${first.name})` }).waitFor();
    if (londonDate(firstStart) === londonDate(new Date())) {
      const today = page
        .getByRole('region', { name: 'This week' })
        .getByRole('table')
        .filter({ hasText: /^Today/ });
      expect(await textOf(today)).toContain(first.name);
    }
    await screenshot(page, 'attendance');
    await attendance.getByRole('button', { name: `Attended (${first.name})` }).click();
    await banner(page, `${first.name} attended: record the interview's outcome next.`).waitFor();
    const outcomes = page.getByRole('region', { name: 'Outcomes to record' });
    const record = outcomes.getByRole('link', { name: `Open the case of ${first.name}` });
    await record.waitFor();
    expect(await record.getAttribute('href')).toBe(`/cases/${first.id}#interview`);

    // Did not attend: the reason is asked for by the server, then kept.
    await attendance.getByRole('button', { name: `Did not attend (${second.name})` }).click();
    const notAttended = page.getByRole('dialog', { name: `${second.name} did not attend` });
    await notAttended.getByRole('button', { name: 'Record did not attend' }).click();
    await notAttended.locator('.govuk-error-summary').filter({ hasText: 'Say why the candidate did not attend.' }).waitFor();
    await notAttended.getByLabel('Why did the candidate not attend?').fill('Called in sick on the morning.');
    await notAttended.getByRole('button', { name: 'Record did not attend' }).click();
    await banner(page, `${second.name} did not attend: recorded.`).waitFor();
    await expect.poll(() => attendance.getByRole('button', { name: `Did not attend (${second.name})` }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the interviews page after recording attendance');
    await screenshot(page, 'lead');

    await record.click();
    await page.waitForURL(new RegExp(`/cases/${first.id}#interview$`));
    await page.getByRole('heading', { name: 'Interview', level: 2 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a panel member lands on their interviews, with no board, no publishing and no case links', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await page.goto('/login');
    await page.getByLabel('Email address').fill(panelMember.email);
    await page.getByLabel('Password').fill(panelMember.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/interviews$/);
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Primary' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Interviews']);
    expect(await page.getByRole('heading', { name: 'Publish slots' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Waiting for a slot' }).count()).toBe(0);
    // The slots they sit on, the booking by reference only.
    const row = slotRow(page, `${dayLabel(dayB)}, 14:00 to 15:00`);
    await row.waitFor();
    expect(await textOf(row)).toContain('Free');
    expect(await slotsTable(page).getByRole('link').count()).toBe(0);
    expect(await slotsTable(page).getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'the interviews page (panel member)');
    await screenshot(page, 'panel-member');
    expect(problems).toEqual([]);
    await context.close();
  });
});
