import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accounts,
  apiAs,
  column,
  createTransferee,
  expectNoAxeViolations,
  openSession,
  repoRoot,
  serverAndBrowser,
  signIn,
  textOf,
} from './support.ts';

const env = serverAndBrowser();
const shots = join(repoRoot, 'tests/.tmp/screenshots');
const allMet = { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true };

describe('one search on the board, and a history that says what changed', () => {
  it('searching a reference on the board finds the case, and a closed one beside the columns', async () => {
    const open = await createTransferee(env.server.url);
    const closed = await createTransferee(env.server.url);
    const api = await apiAs(env.server.url, accounts.resourcing);
    const reasons = await api.query<{ id: number; kind: string }[]>('reference.closeReasons', null);
    await api.mutate('applications.move', {
      id: closed.id,
      expectedVersion: closed.version,
      to: 'rejected',
      reasonId: reasons.find((r) => r.kind === 'rejected')!.id,
    });
    const reference = (id: number) => `MUS-${String(id).padStart(6, '0')}`;

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    const search = page.getByRole('search').getByLabel('Search name, email or force, or a reference');
    await search.fill(reference(open.id));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await column(page, 'Review').getByRole('link', { name: open.name }).waitFor();
    expect(await page.locator('.app-card').count()).toBe(1);
    expect(await textOf(page.getByRole('heading', { level: 1 }).locator('..'))).toContain('1 open case');
    await page.getByRole('heading', { name: /Onboarded and closed cases matching/ }).waitFor();
    await page.getByText('None: every case this search finds is on the board above.').waitFor();

    // A rejected case is off the board, but the same search finds it, with its stage.
    await page
      .getByRole('search')
      .getByLabel('Search name, email or force, or a reference')
      .fill(reference(closed.id).toLowerCase());
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const ended = page.getByRole('region', { name: /Onboarded and closed cases matching/ });
    const row = ended.getByRole('row').filter({ hasText: reference(closed.id) });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual([
      reference(closed.id),
      closed.name,
      'Rejected',
      'Transferee',
      'Safer Neighbourhoods',
    ]);
    expect(await page.locator('.app-card').count()).toBe(0);
    expect(await page.getByRole('search').count()).toBe(1);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'board-search-closed.png'), fullPage: true });
    await expectNoAxeViolations(page, 'the board searched for a closed case');
    await row.getByRole('link', { name: reference(closed.id) }).click();
    await page.waitForURL(new RegExp(`/cases/${closed.id}$`));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the forms show the server’s refusals at their fields: a cohort year the programme did not run, records received without an outcome', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto('/applications/new');
    await page.getByLabel('Police Now NDP').check();
    await page.getByLabel('Cohort year', { exact: true }).fill('2017');
    await page.getByLabel('First name', { exact: true }).fill('Robin');
    await page.getByLabel('Last name', { exact: true }).fill(`Cohortcheck${Date.now().toString(36)}`);
    await page.getByLabel('Email address', { exact: true }).fill(`cohort${Date.now().toString(36)}@example.com`);
    for (const [part, value] of Object.entries({ Day: '17', Month: '5', Year: '1999' })) {
      await page.getByRole('group', { name: 'Date of birth', exact: true }).getByLabel(part, { exact: true }).fill(value);
    }
    await page.getByRole('button', { name: 'Create application' }).click();
    const cohortError = page.locator('#new-cohortYear-error');
    await cohortError.waitFor();
    expect(await textOf(cohortError)).toContain(
      'The National Detective Programme took its first cohort in 2019: enter 2019 or later.',
    );
    await page.getByLabel('Cohort year', { exact: true }).fill('2019');
    await page.getByRole('button', { name: 'Create application' }).click();
    await page.waitForURL(/\/cases\/\d+$/);

    const c = await createTransferee(env.server.url);
    await page.goto(`/cases/${c.id}`);
    const eligibility = page.getByRole('form', { name: 'Record eligibility' });
    await eligibility
      .getByRole('group', { name: 'Professional standards (PSD) records' })
      .getByLabel('Received', { exact: true })
      .check();
    await eligibility.getByRole('button', { name: 'Save eligibility' }).click();
    const outcomeError = page.locator('#eligibility-psdOutcome-error');
    await outcomeError.waitFor();
    expect(await textOf(outcomeError)).toContain('Choose the PSD outcome, clear or refer: the records are received.');
    expect(await textOf(eligibility.locator('.govuk-error-summary'))).toContain('Choose the PSD outcome');
    await expectNoAxeViolations(page, 'the eligibility form refusing records received without an outcome');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the history reads two eligibility records apart, in words and UK dates (screenshot)', async () => {
    const c = await createTransferee(env.server.url, { targetUnit: 'METCC' });
    const api = await apiAs(env.server.url, accounts.resourcing);
    const first = await api.mutate('applications.recordEligibility', {
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      criteria: { ...allMet, probation_complete: false },
      psdRecords: 'requested',
      ohRecords: 'requested',
    });
    const second = await api.mutate('applications.recordEligibility', {
      id: c.id,
      expectedVersion: first.version,
      targetUnit: 'TSG',
      criteria: allMet,
      unitCriteria: { fitness: true },
      psdRecords: 'received',
      psdOutcome: 'clear',
      ohRecords: 'requested',
      hasOpenMisconduct: false,
    });
    // TSG's mentor (a TSG officer in the pool) and base visit: a record of their own.
    const [mentor] = await api.query<{ id: number; name: string }[]>('reference.mentors', { unit: 'TSG' });
    if (!mentor) throw new Error('The demo pool has no TSG officer');
    await api.mutate('applications.recordTsgPreAssessment', {
      id: c.id,
      expectedVersion: second.version,
      mentorId: mentor.id,
      hasBaseVisit: true,
    });

    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto(`/cases/${c.id}`);
    const changed = page.locator('.moj-timeline__item').filter({ hasText: 'Eligibility changed' });
    await changed.waitFor();
    const lines = (await changed.getByRole('listitem').allTextContents()).map((l) => l.trim());
    expect(lines).toEqual([
      'Target unit: Met Command and Control → Territorial Support Group (MO7 Taskforce)',
      'PSD records: requested → received',
      'PSD outcome: none → clear',
      'Open misconduct: not known → no',
      'Has completed the 2-year probationary period with their force: not met → met',
      'Has and keeps a good level of fitness: not recorded → met',
    ]);
    const recorded = page.locator('.moj-timeline__item').filter({ hasText: 'Eligibility recorded' });
    expect(await textOf(recorded)).toContain('Target unit: Met Command and Control; 3 of 4 criteria met.');
    expect(await textOf(recorded)).toContain('Not met: Has completed the 2-year probationary period with their force');
    const tsg = page.locator('.moj-timeline__item').filter({ hasText: 'TSG mentor and base visit recorded' });
    expect(await textOf(tsg)).toContain(`Mentor: ${mentor.name}; attachment or base visit done.`);
    mkdirSync(shots, { recursive: true });
    await page.locator('#history').screenshot({ path: join(shots, 'timeline-eligibility.png') });

    // A demo case at mentoring has checks and an induction booking in its history: dates read as dates.
    await page.goto('/');
    await column(page, 'Mentoring').getByRole('listitem').first().getByRole('link').first().click();
    const booked = page.locator('.moj-timeline__item').filter({ hasText: 'Induction booked' });
    await booked.waitFor();
    expect(await textOf(booked)).toMatch(
      /Course on \d{1,2} [A-Z][a-z]+ \d{4} at .+; starts \d{1,2} [A-Z][a-z]+ \d{4}; posted to [A-Z][a-z]+/,
    );
    expect(await textOf(booked)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // (A TSG case re-routed to a BCU reaches mentoring with its Level 2 course failed.)
    const check = page.locator('.moj-timeline__item').filter({ hasText: 'Status: ' }).first();
    expect(await textOf(check)).toMatch(/Status: (not started|requested) → (passed|waived|failed)\./);
    await page.locator('#history').screenshot({ path: join(shots, 'timeline-mentoring.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
