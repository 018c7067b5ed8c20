import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayLabel, isWeekday, londonDate } from './interview-clock.ts';
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
 * Managing interviews once they are arranged: the MetCC lead moves a booked interview to another
 * slot and cancels one, each with a reason, and changes a free slot's time; the admin adds and
 * retires interview places and sets a panel member's most interviews a day, past which a booking is
 * refused with the server's reason. Slots and bookings are set up through the API, on weekdays a
 * little over two weeks ahead (past the demo's own interviews, inside the pages' four weeks).
 */

const panelMember = { email: 'panel.manage@muster.test', name: 'PC Jo Marsh', password: 'spec-panel-passphrase-2026' };

const env = serverAndBrowser();

// After start-up, which seeds the demo data into the server's own file.
beforeAll(() => createUserWithCli(env.server.dbPath, { ...panelMember, role: 'panel_member', units: ['METCC'] }), 60_000);

/** Four weekdays from 15 days ahead: one for each test that needs a day to itself. */
function weekdaysAhead(n: number): string[] {
  const days: string[] = [];
  for (let d = addDays(londonDate(new Date()), 15); days.length < n; d = addDays(d, 1)) if (isWeekday(d)) days.push(d);
  return days;
}
const [moveDay, cancelDay, editDay, limitDay] = weekdaysAhead(4) as [string, string, string, string];

type Case = { id: number; name: string; reference: string; version: number };
type Slot = { id: number; startsAt: string; version: number };

/** A MetCC transferee at interview, waiting for a slot. */
async function waitingMetccCase(): Promise<Case> {
  const c = await createTransferee(env.server.url, { targetUnit: 'METCC', isEligible: true });
  const api = await apiAs(env.server.url, accounts.resourcing);
  const moved = await api.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' });
  return { id: c.id, name: c.name, reference: moved.reference as string, version: moved.version as number };
}

/** The MetCC lead publishes hour-long slots from 14:00 on `date`, `count` of them back to back, with `panel`. */
async function publish(date: string, count: number, panel: number[]): Promise<Slot[]> {
  const api = await apiAs(env.server.url, accounts.leadMetcc);
  const venues = await api.query<{ id: number; unit: string | null }[]>('interviews.venues', {});
  const venue = venues.find((v) => v.unit === 'METCC')!;
  return api.mutate<Slot[]>('interviews.publishSlots', {
    unit: 'METCC',
    venueId: venue.id,
    panel,
    dates: [date],
    startTime: '14:00',
    lengthMinutes: 60,
    ...(count > 1 ? { repeat: { until: `${14 + count}:00`, everyMinutes: 60 } } : {}),
  });
}

async function book(c: Case, slot: Slot) {
  const api = await apiAs(env.server.url, accounts.leadMetcc);
  const detail = await api.mutate('interviews.book', { id: c.id, expectedVersion: c.version, slotId: slot.id });
  c.version = detail.version as number;
}

/** The panellists of MetCC, as the lead's publish form reads them. */
async function metccPanellist(name: string): Promise<number> {
  const api = await apiAs(env.server.url, accounts.leadMetcc);
  const people = await api.query<{ id: number; name: string }[]>('interviews.panellists', { unit: 'METCC' });
  return people.find((p) => p.name === name)!.id;
}

async function screenshot(target: Page | Locator, name: string) {
  mkdirSync(join(repoRoot, 'tests/.tmp/screenshots'), { recursive: true });
  await target.screenshot({ path: join(repoRoot, 'tests/.tmp/screenshots', `interviews-manage-${name}.png`) });
}

const banner = (page: Page, text: string | RegExp) =>
  page.locator('.govuk-notification-banner--success').filter({ hasText: text }).first();

async function openInterviews(page: Page) {
  await page.goto('/interviews');
  await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Waiting for a slot' }).waitFor();
}

/** The interviews after this week, unfolded. */
async function laterInterviews(page: Page): Promise<Locator> {
  const thisWeek = page.getByRole('region', { name: 'This week', exact: true });
  await thisWeek.locator('summary').filter({ hasText: 'booked after this week' }).click();
  const table = thisWeek.getByRole('region', { name: 'Interviews booked after this week' });
  await table.waitFor();
  return table;
}

const slotsTable = (page: Page) => page.getByRole('region', { name: 'Interview slots in the next 4 weeks' });
const slotRow = (page: Page, text: string) => slotsTable(page).getByRole('row').filter({ hasText: text });
const summaryOf = (within: Locator) => within.locator('.govuk-error-summary');

describe('managing interviews', () => {
  it('the MetCC lead moves a booked interview to another slot, with a reason', async () => {
    const lead = await metccPanellist('Insp. Maria Costa');
    const [from, to] = (await publish(moveDay, 2, [lead])) as [Slot, Slot];
    const c = await waitingMetccCase();
    await book(c, from);

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await openInterviews(page);
    const later = await laterInterviews(page);
    const row = later.getByRole('row').filter({ hasText: c.name });
    expect(await textOf(row)).toContain(`${dayLabel(moveDay)}, 14:00 to 15:00`);
    await expectNoAxeViolations(page, 'the interviews after this week, with their actions');
    await screenshot(page.getByRole('region', { name: 'This week', exact: true }), 'this-week');
    await row.getByRole('button', { name: `Move the interview for ${c.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Move the interview for ${c.name}` });
    await dialog.getByLabel(new RegExp(`^${dayLabel(moveDay)}, 15:00 to 16:00`)).waitFor();
    expect(await textOf(dialog)).toContain(`Booked now: ${dayLabel(moveDay)}, 14:00 to 15:00 at`);
    await expectNoAxeViolations(page, 'the move dialog');

    // Nothing chosen: the server's field errors, in the summary and at each field.
    await dialog.getByRole('button', { name: 'Move interview' }).click();
    const summary = summaryOf(dialog);
    await summary.filter({ hasText: 'Choose a slot.' }).waitFor();
    expect(await textOf(summary)).toContain('Give a reason of at least 3 characters.');
    expect(await textOf(dialog.locator('#move-slot-error'))).toContain('Choose a slot.');
    expect(await textOf(dialog.locator('#move-reason-error'))).toContain('Give a reason of at least 3 characters.');
    await expectNoAxeViolations(page, 'the move dialog with errors');
    await screenshot(dialog, 'move-dialog');

    await dialog.getByLabel(new RegExp(`^${dayLabel(moveDay)}, 15:00 to 16:00`)).check();
    await dialog.getByLabel('Why is the interview moving?').fill('The candidate is on a course that afternoon.');
    await dialog.getByRole('button', { name: 'Move interview' }).click();
    await banner(page, `${c.name}'s interview is moved to ${dayLabel(moveDay)}, 15:00 to 16:00`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // In the new slot; the old one is free again.
    await expect.poll(() => textOf(slotRow(page, `${dayLabel(moveDay)}, 15:00 to 16:00`))).toContain(`Booked: ${c.reference}`);
    await expect.poll(() => textOf(slotRow(page, `${dayLabel(moveDay)}, 14:00 to 15:00`))).toContain('Free');
    await expect
      .poll(() => textOf(later.getByRole('row').filter({ hasText: c.name })))
      .toContain(`${dayLabel(moveDay)}, 15:00 to 16:00`);
    const api = await apiAs(env.server.url, accounts.leadMetcc);
    const slots = await api.query<{ id: number; interview: { applicationId: number } | null }[]>('interviews.slots', {
      unit: 'METCC',
    });
    expect(slots.find((s) => s.id === to.id)?.interview?.applicationId).toBe(c.id);
    expect(slots.find((s) => s.id === from.id)?.interview).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the MetCC lead cancels a booked interview, with a reason, and the case waits for a slot again', async () => {
    const lead = await metccPanellist('Insp. Maria Costa');
    const [slot] = (await publish(cancelDay, 1, [lead])) as [Slot];
    const c = await waitingMetccCase();
    await book(c, slot);

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await openInterviews(page);
    const waiting = page.getByRole('region', { name: 'Waiting for a slot' });
    expect(await waiting.getByRole('button', { name: `Book a slot for ${c.name}` }).count()).toBe(0);
    const later = await laterInterviews(page);
    await later.getByRole('button', { name: `Cancel the interview for ${c.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel the interview for ${c.name}?` });
    await dialog.waitFor();
    expect(await textOf(dialog)).toContain(`${c.reference}: interview on ${dayLabel(cancelDay)}, 14:00 to 15:00 at`);

    // No reason: asked for by the server.
    await dialog.getByRole('button', { name: 'Cancel interview' }).click();
    await summaryOf(dialog).filter({ hasText: 'Give a reason of at least 3 characters.' }).waitFor();
    expect(await textOf(dialog.locator('#cancel-reason-error'))).toContain('Give a reason of at least 3 characters.');
    await expectNoAxeViolations(page, 'the cancel dialog with an error');
    await screenshot(dialog, 'cancel-dialog');

    await dialog.getByLabel('Why is the interview cancelled?').fill('The candidate asked to wait until after their exams.');
    await dialog.getByRole('button', { name: 'Cancel interview' }).click();
    await banner(page, `${c.name}'s interview is cancelled.`).waitFor();
    await waiting.getByRole('button', { name: `Book a slot for ${c.name}` }).waitFor();
    await expect.poll(() => textOf(slotRow(page, `${dayLabel(cancelDay)}, 14:00 to 15:00`))).toContain('Free');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the MetCC lead changes a free slot’s time', async () => {
    const lead = await metccPanellist('Insp. Maria Costa');
    await publish(editDay, 1, [lead]);

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await openInterviews(page);
    const before = `${dayLabel(editDay)}, 14:00 to 15:00`;
    await screenshot(slotRow(page, before), 'slot-row');
    await slotsTable(page)
      .getByRole('button', { name: `Change the slot on ${before}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Change the slot on ${before}` });
    await dialog.getByRole('group', { name: /^Panel/ }).waitFor();
    expect(await dialog.getByLabel('Start time').inputValue()).toBe('14:00');
    expect(await dialog.getByLabel('Length of the interview').inputValue()).toBe('60');
    expect(await dialog.getByLabel('Insp. Maria Costa (Unit lead)').isChecked()).toBe(true);

    // A time off the five-minute grid: the server's words at the field.
    await dialog.getByLabel('Start time').fill('16:31');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await summaryOf(dialog).filter({ hasText: 'Enter a time as hours and minutes' }).waitFor();
    expect(await textOf(dialog.locator('#slot-start-error'))).toContain('Enter a time as hours and minutes');
    await expectNoAxeViolations(page, 'the change-slot dialog with an error');
    await screenshot(dialog, 'edit-slot-dialog');

    await dialog.getByLabel('Start time').fill('16:30');
    await dialog.getByLabel('Length of the interview').fill('45');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = `${dayLabel(editDay)}, 16:30 to 17:15`;
    await page.getByText(`The slot is changed: ${after} at`).waitFor();
    await expect.poll(() => textOf(slotRow(page, after))).toContain('Free');
    expect(await slotRow(page, before).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the admin adds an interview place, which the lead can publish slots at, and retires another', async () => {
    const stamp = Date.now().toString(36);
    const place = { name: `Spec Hall ${stamp}`, address: '1 Spec Street, London SE1 7AA' };
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await page.goto('/admin');
    const section = page.getByRole('region', { name: 'Interview places', exact: true });
    await section.getByRole('region', { name: 'Table of interview places' }).waitFor();
    const form = section.getByRole('form', { name: 'Add a place' });

    // Nothing typed: the server's field errors.
    await form.getByRole('button', { name: 'Add place' }).click();
    await summaryOf(form).filter({ hasText: 'Name the place.' }).waitFor();
    expect(await textOf(summaryOf(form))).toContain('Give the address.');
    expect(await textOf(form.locator('#venue-name-error'))).toContain('Name the place.');
    await expectNoAxeViolations(page, 'the interview places with errors');

    await form.getByLabel('Name').fill(place.name);
    await form.getByLabel('Address').fill(place.address);
    await form.getByLabel('Unit').selectOption({ label: 'MetCC' });
    await form.getByRole('button', { name: 'Add place' }).click();
    await banner(page, `${place.name} added`).waitFor();
    const row = section.getByRole('row').filter({ hasText: place.name });
    expect(await textOf(row)).toContain(place.address);
    expect(await textOf(row)).toContain('MetCC');

    // The same name again is refused, at the field.
    await form.getByLabel('Name').fill(place.name);
    await form.getByLabel('Address').fill(place.address);
    await form.getByRole('button', { name: 'Add place' }).click();
    await summaryOf(form).filter({ hasText: 'A place with that name is already on the list.' }).waitFor();
    await screenshot(section, 'venues-section');

    // A second place, retired after a confirmation: no longer listed.
    const other = `Spec Annexe ${stamp}`;
    await form.getByLabel('Name').fill(other);
    await form.getByLabel('Address').fill('2 Spec Street, London SE1 7AA');
    await form.getByRole('button', { name: 'Add place' }).click();
    await banner(page, `${other} added`).waitFor();
    await section.getByRole('button', { name: `Retire ${other}` }).click();
    const dialog = page.getByRole('dialog', { name: `Retire ${other}?` });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the retire-place dialog');
    await screenshot(dialog, 'retire-venue-dialog');
    await dialog.getByRole('button', { name: 'Retire place' }).click();
    await banner(page, `${other} retired`).waitFor();
    await expect.poll(() => section.getByRole('row').filter({ hasText: other }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();

    // The lead publishes a slot at the new place; the retired one is not offered.
    const lead = await openSession(env.browser, env.server.url);
    await signIn(lead.page, accounts.leadMetcc);
    await openInterviews(lead.page);
    const placeSelect = lead.page.getByLabel('Place', { exact: true });
    await placeSelect.locator('option', { hasText: place.name }).waitFor({ state: 'attached' });
    expect(await placeSelect.locator('option', { hasText: other }).count()).toBe(0);
    await placeSelect.selectOption({ label: `${place.name}, ${place.address}` });
    await lead.page.getByRole('group', { name: /^Days/ }).getByLabel(dayLabel(editDay), { exact: true }).check();
    await lead.page.getByLabel('Start time').fill('10:00');
    await lead.page.getByRole('button', { name: 'Publish slots' }).click();
    await banner(lead.page, `1 slot published for MetCC on ${dayLabel(editDay)}.`).waitFor();
    await expect.poll(() => textOf(slotRow(lead.page, `${dayLabel(editDay)}, 10:00 to 11:00`))).toContain(place.name);
    expect(lead.problems).toEqual([]);
    await lead.context.close();
  });

  it('the admin sets a panel member’s limit to 1 a day, and a second booking that day is refused with the server’s reason', async () => {
    const member = await metccPanellist(panelMember.name);
    const [first, second] = (await publish(limitDay, 2, [member])) as [Slot, Slot];
    const [a, b] = [await waitingMetccCase(), await waitingMetccCase()];
    await book(a, first);

    const admin = await openSession(env.browser, env.server.url);
    await signIn(admin.page, accounts.admin);
    await admin.page.goto('/admin');
    const section = admin.page.getByRole('region', { name: 'Interviews a day', exact: true });
    const form = section.getByRole('form', { name: "Set a person's interviews a day" });
    await form.getByLabel('Person').locator('option', { hasText: panelMember.name }).waitFor({ state: 'attached' });

    // Nothing chosen: the server's field errors.
    await form.getByRole('button', { name: 'Save limit' }).click();
    await summaryOf(form).filter({ hasText: 'Choose a person.' }).waitFor();
    expect(await textOf(summaryOf(form))).toContain('Enter a number of interviews.');
    expect(await textOf(form.locator('#limit-max-error'))).toContain('Enter a number of interviews.');
    await expectNoAxeViolations(admin.page, 'the interviews-a-day form with errors');

    await form.getByLabel('Person').selectOption({ label: `${panelMember.name} (METCC): at most 4 interviews a day` });
    await form.getByLabel('Most interviews a day').fill('1');
    await form.getByRole('button', { name: 'Save limit' }).click();
    await banner(admin.page, `${panelMember.name} may now sit on at most 1 interview a day.`).waitFor();
    await expectNoAxeViolations(admin.page, 'the admin page after setting a limit');
    await screenshot(section, 'limits-section');
    await screenshot(admin.page, 'admin-page');
    expect(admin.problems).toEqual([]);
    await admin.context.close();

    // The lead books the second case into the panel member's second slot that day: refused, in the server's words.
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await openInterviews(page);
    await page.getByRole('button', { name: `Book a slot for ${b.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Book an interview for ${b.name}` });
    await dialog.getByLabel(new RegExp(`^${dayLabel(limitDay)}, 15:00 to 16:00`)).check();
    await dialog.getByRole('button', { name: 'Book interview' }).click();
    const refusal = summaryOf(dialog);
    await refusal.waitFor();
    expect(await textOf(refusal)).toContain('This interview cannot be booked into that slot.');
    expect(await textOf(refusal)).toContain(`${panelMember.name} already has 1 interview on ${limitDay}, their most in a day.`);
    await expectNoAxeViolations(page, 'the booking refused past the daily limit');
    const api = await apiAs(env.server.url, accounts.leadMetcc);
    const slots = await api.query<{ id: number; interview: unknown }[]>('interviews.slots', { unit: 'METCC', isFree: true });
    expect(slots.some((s) => s.id === second.id)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
