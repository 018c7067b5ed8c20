import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdInterview } from './interview-clock.ts';
import {
  accounts,
  apiAs,
  createTransferee,
  expectNoAxeViolations,
  openSession,
  repoRoot,
  serverAndBrowser,
  signIn,
  textOf,
} from './support.ts';

const env = serverAndBrowser();

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('the overdue checks page', () => {
  it('resourcing sees overdue checks grouped by who they wait on, chases one from the list and downloads them as CSV', async () => {
    const c = await createTransferee(env.server.url, { isEligible: true });
    const api = await apiAs(env.server.url, accounts.resourcing);
    let d = await api.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' });
    d = await holdInterview(api, env.server.dbPath, { id: c.id, version: d.version }, 'pass');
    d = await api.mutate('applications.move', { id: c.id, expectedVersion: d.version, to: 'pre_employment' });
    // The fitness test (the candidate's, 14 days) asked for 30 days ago; references (21 days) 40 days ago.
    d = await api.mutate('checks.update', {
      id: c.id,
      expectedVersion: d.version,
      check: 'fitness_test',
      status: 'requested',
      requestedOn: daysAgo(30),
    });
    d = await api.mutate('checks.update', {
      id: c.id,
      expectedVersion: d.version,
      check: 'references',
      status: 'requested',
      requestedOn: daysAgo(40),
    });

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Checks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdue checks' }).waitFor();
    const candidate = page.getByRole('region', { name: /^Candidate/ });
    await candidate.waitFor();
    expect(await textOf(candidate.getByRole('heading', { level: 2 }))).toMatch(/^Candidate \(\d+ checks?\)$/);
    const row = candidate.getByRole('row').filter({ hasText: c.lastName });
    expect(await textOf(row)).toContain('16 days');
    expect(await textOf(row)).toContain('Never');
    await expectNoAxeViolations(page, 'the overdue checks page');
    await page.screenshot({ path: `${repoRoot}/tests/.tmp/checks-page.png`, fullPage: true });

    // Chased from the list: the email to the candidate is queued, and the row says when.
    await row.getByRole('button', { name: /^Chase/ }).click();
    await page
      .getByText(
        `Fitness test (15 m shuttle run) for ${(d as { reference: string }).reference} chased: an email to the candidate is queued.`,
      )
      .waitFor();
    await row.getByRole('cell', { name: 'Never' }).waitFor({ state: 'detached' });
    await expectNoAxeViolations(page, 'the page after a chaser');

    // Filtered in the URL: only the referees.
    await page.getByLabel('Waits on').selectOption('referee');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/waitsOn=referee/);
    await page
      .getByRole('region', { name: /^Referees/ })
      .getByRole('row')
      .filter({ hasText: c.lastName })
      .waitFor();
    // The filtered answer replaces the whole list (the referees' row is in both, so wait for the rest to go).
    await expect.poll(() => page.getByRole('region', { name: /^Candidate/ }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('"Waits on","Reference","Name","Check","Requested","Due","Days overdue","Last chased"');
    expect(csv).toContain(`"Referees","${(d as { reference: string }).reference}","${c.name}","References","${daysAgo(40)}"`);

    // The case's task list shows the chaser and the overdue tag.
    await page.goto(`/cases/${c.id}`);
    const checks = page.getByRole('list', { name: 'Pre-employment checks' });
    await checks.waitFor();
    const fitness = checks.getByRole('listitem').filter({ hasText: 'Fitness test' });
    expect(await textOf(fitness)).toContain('Waits on: Candidate');
    expect(await textOf(fitness)).toContain('Overdue');
    expect(await textOf(fitness)).toContain('Chased:');
    await expectNoAxeViolations(page, 'the case with its checks as a task list');
    expect(problems).toEqual([]);
    await context.close();
  });
});
