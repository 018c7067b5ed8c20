import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, apiAs, expectNoAxeViolations, openSession, repoRoot, serverAndBrowser, signIn, textOf } from './support.ts';

const env = serverAndBrowser();
const shots = join(repoRoot, 'tests/.tmp/screenshots');

/** A date `days` from today, as its three boxes take it and as the page shows it. */
function dateIn(days: number) {
  const iso = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [year = '', month = '', day = ''] = iso.split('-');
  const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
  return { iso, long, parts: { day: String(Number(day)), month: String(Number(month)), year } };
}

describe('the coordinator’s home', () => {
  it('a coordinator lands on their home, sees the joiners needing something, plans a development day and invites to it', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    const api = await apiAs(env.server.url, accounts.coordinator);
    type Home = { joiners: { name: string; needs: string[] }[]; joinersWaiting: number };
    const home = await api.query<Home>('coordination.home', null);
    expect(home.joiners.length).toBeGreaterThan(0);

    await signIn(page, accounts.coordinator);
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { name: 'Joiners and what they need' }).waitFor();
    const waiting = page.getByRole('region', { name: 'Joiners needing a course, a mentor or a buddy' });
    await waiting.waitFor();
    const first = home.joiners[0]!;
    const row = waiting.getByRole('row').filter({ has: page.getByRole('link', { name: first.name, exact: true }) });
    const text = await textOf(row.first());
    for (const need of first.needs) expect(text.toLowerCase()).toContain(need);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'coordination-home.png'), fullPage: true });
    await expectNoAxeViolations(page, 'the coordinator’s home');

    // Plan a day, then invite the joiners it is for.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Development days' }).click();
    await page.getByRole('heading', { name: 'Development days', level: 1 }).waitFor();
    const when = dateIn(40);
    const title = `Development day ${Date.now()}`;
    const group = page.getByRole('group', { name: 'Date' });
    await group.getByLabel('Day').fill(when.parts.day);
    await group.getByLabel('Month').fill(when.parts.month);
    await group.getByLabel('Year').fill(when.parts.year);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Place', { exact: true }).fill('Peel Centre, Hendon');
    await page.getByRole('button', { name: 'Add development day' }).click();
    await page.getByText(`Development day added: ${title}, ${when.long}.`).waitFor();

    const [day] = (await api.query<{ id: number; title: string; toInvite: number }[]>('developmentDays.list', {})).filter(
      (d) => d.title === title,
    );
    expect(day!.toInvite).toBeGreaterThan(0);
    const card = page.getByRole('region', { name: `${title}, ${when.long}` });
    await card.getByRole('button', { name: new RegExp(`^Invite ${day!.toInvite} joiner`) }).click();
    await page.getByText(new RegExp(`${day!.toInvite} joiners? invited to ${title}`)).waitFor();
    await card.getByText('Still to invite').waitFor();
    expect(await textOf(card)).toContain(`Invited${day!.toInvite} joiner`);
    const after = (await api.query<{ title: string; invited: number; toInvite: number }[]>('developmentDays.list', {})).find(
      (d) => d.title === title,
    );
    expect(after).toMatchObject({ invited: day!.toInvite, toInvite: 0 });
    await expectNoAxeViolations(page, 'the development days page');

    // The home counts the day's invitations.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Home' }).click();
    await page.getByText(`${when.long}, ${title} at Peel Centre, Hendon: ${day!.toInvite}`).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
