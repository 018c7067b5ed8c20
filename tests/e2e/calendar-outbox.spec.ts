import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, type Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accounts, apiAs, expectNoAxeViolations, openSession, repoRoot, serverAndBrowser, signIn, textOf } from './support.ts';

/*
 * Interviews in people's calendars, on the demo data (which books MetCC interviews for the next two
 * weeks through the real service, so the outbox holds their invitations): one interview's calendar
 * file from the interviews page, a private feed made, read without a session and stopped; the
 * admin's outbox and the templates its messages come from.
 */

const env = serverAndBrowser();

/** What the spec reads of interviews.agenda's interviews. */
type AgendaInterview = { id: number; status: string; application: { reference: string; lastName: string } };

async function screenshot(locator: Locator, name: string) {
  const dir = join(repoRoot, 'tests/.tmp/screenshots');
  mkdirSync(dir, { recursive: true });
  await locator.screenshot({ path: join(dir, `${name}.png`) });
}

describe('interviews in a calendar', () => {
  it('the MetCC lead downloads an interview’s calendar file: the reference, not the candidate’s name', async () => {
    const api = await apiAs(env.server.url, accounts.leadMetcc);
    const agenda = await api.query<{ upcoming: AgendaInterview[] }>('interviews.agenda', {});
    const interview = agenda.upcoming.find((i) => i.status === 'booked');
    expect(interview, 'the demo books MetCC interviews in the next two weeks').toBeDefined();
    const { reference, lastName } = interview!.application;

    const { page, problems } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.leadMetcc);
    await page.goto('/interviews');
    const link = page.getByRole('link', { name: `Add to calendar (${reference})` }).first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/interviews/${interview!.id}.ics`);

    // A plain download, with the session's cookie.
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);

    const res = await page.request.get(`/interviews/${interview!.id}.ics`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(reference);
    expect(ics).not.toContain(lastName);

    // Without a session the file is not given.
    const anonymous = await request.newContext({ baseURL: env.server.url });
    expect((await anonymous.get(`/interviews/${interview!.id}.ics`)).status()).toBe(401);
    await anonymous.dispose();
    expect(problems).toEqual([]);
  });

  it('a feed is made, shown once, read by a calendar without a session, and stopped', async () => {
    const api = await apiAs(env.server.url, accounts.leadMetcc);
    const agenda = await api.query<{ upcoming: AgendaInterview[] }>('interviews.agenda', {});
    const { reference, lastName } = agenda.upcoming[0]!.application;

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await signIn(page, accounts.leadMetcc);
    await page.goto('/interviews');
    const section = page.getByRole('region', { name: 'Your calendar feed', exact: true });
    await section.waitFor();
    expect(await textOf(section)).toContain('can subscribe to your interviews');
    const names = section.getByRole('checkbox', { name: 'Show candidates’ names in the titles' });
    expect(await names.isChecked()).toBe(false);
    await expectNoAxeViolations(page, 'the calendar feed section');
    await screenshot(section, 'calendar-feed');

    await section.getByRole('button', { name: 'Create a feed address' }).click();
    const address = section.getByRole('textbox', { name: 'Your feed address' });
    await address.waitFor();
    expect(await textOf(section)).toContain('Copy it now: Muster will not show it again');
    expect(await address.getAttribute('readonly')).not.toBeNull();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${env.server.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await section.getByRole('button', { name: 'Copy the feed address' }).click();
    await expect.poll(() => textOf(section.getByRole('status'))).toMatch(/^Copied\./);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expectNoAxeViolations(page, 'the new feed address');
    await screenshot(section, 'calendar-feed-address');

    // A calendar service fetches it with no cookie.
    const calendar = await request.newContext();
    const feed = await calendar.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(reference);
    expect(ics).not.toContain(lastName);

    // Shown once: back on the page, the address is gone.
    await page.reload();
    await section.getByRole('button', { name: 'Create a feed address' }).waitFor();
    expect(await section.getByRole('textbox', { name: 'Your feed address' }).count()).toBe(0);

    // Stopped, after a confirmation: Cancel keeps it, confirming ends it.
    await section.getByRole('button', { name: 'Stop the feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop your calendar feed?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the stop-the-feed confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await calendar.get(url)).status()).toBe(200);

    await section.getByRole('button', { name: 'Stop the feed' }).click();
    await dialog.getByRole('button', { name: 'Stop the feed' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Your calendar feed is stopped' });
    await banner.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect((await calendar.get(url)).status()).toBe(404);
    await calendar.dispose();
    expect(problems).toEqual([]);
  });
});

describe('the outbox', () => {
  it('the admin reads the demo’s invitations, waiting with no mail server, and the templates', async () => {
    const { page, problems } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.admin);
    await page.goto('/admin');
    const section = page.getByRole('region', { name: 'Outbox', exact: true });
    const table = section.getByRole('table', { name: /messages?, [\d,]+ waiting, newest first$/ });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    expect(await textOf(first)).toContain('Waiting: not sent yet');
    expect(await textOf(first)).toMatch(/(candidate|panel)_(booked|rescheduled|cancelled)/);

    // An invitation to a candidate, read as it would be sent.
    const invitation = rows.filter({ hasText: 'candidate_booked' }).first();
    await invitation.locator('summary').click();
    const body = await textOf(invitation.locator('.govuk-details__text'));
    expect(body).toMatch(/^Dear .+ You are invited to an interview for/);
    expect(body).toContain('With the interview’s calendar file attached.');
    await expectNoAxeViolations(page, 'the outbox');
    await screenshot(section, 'outbox');

    const templates = page.getByRole('region', { name: 'Message templates', exact: true });
    expect(await textOf(templates)).toContain('panel_booked');
    expect(await textOf(templates)).toContain('Interview {reference} ({unit}): {when}');
    expect(await textOf(templates)).toContain('Dear {candidate},');
    await screenshot(templates, 'message-templates');
    expect(problems).toEqual([]);
  });
});
