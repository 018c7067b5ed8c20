import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

const sample = join(repoRoot, 'docs/samples/applications-sample.csv');
const header =
  'reference,received_at,route,cohort_year,first_name,last_name,email,phone,date_of_birth,current_force,rank,warrant_number,joined_force_on,unit_preferences,posting_preference,specialist_skills,notes';

async function chooseFile(page: Page, file: string | { name: string; csv: string | Buffer }) {
  await page.goto('/import');
  const input = page.getByLabel('CSV file');
  if (typeof file === 'string') await input.setInputFiles(file);
  else await input.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.csv) });
}

/** What a reader sees: the rendered text, with cells and rows spaced as on screen. */
const seen = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim();

/** The report's figures: "To create" → 8, … */
async function counts(page: Page): Promise<Record<string, number>> {
  const items = page.locator('.app-counts > div');
  const out: Record<string, number> = {};
  for (let i = 0; i < (await items.count()); i++)
    out[await seen(items.nth(i).locator('dt'))] = Number(await seen(items.nth(i).locator('dd')));
  return out;
}

describe('importing applications', () => {
  it('checks the sample file, imports it with progress shown, finds the cases in the triage queue, and a second import changes nothing', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await chooseFile(page, sample);
    await page.getByRole('button', { name: 'Check file (dry run)' }).click();
    await page.getByRole('heading', { name: 'Check of applications-sample.csv' }).waitFor();
    // The bar stays at its end: every row checked.
    const bar = page.getByRole('progressbar', { name: 'Checked 8 of 8 rows.' });
    expect(await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([8, 8]);
    expect(await counts(page)).toEqual({ 'To create': 8, Unchanged: 0, Refused: 0, 'Possible duplicates': 0 });
    expect(await seen(page.locator('.govuk-inset-text'))).toContain('This was a check: nothing was written.');
    const rows = page.locator('.app-table tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await seen(rows.first())).toBe('2 APP-2026-10001 Hannah Osei To create');
    await page.getByText('The columns the file needs').click();
    await page.getByText('unit_preferences', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the import page with a dry-run report');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '8 applications imported' }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Checked and wrote 8 of 8 rows.' }).count()).toBe(1);
    expect(await counts(page)).toEqual({ Created: 8, Unchanged: 0, Refused: 0, 'Possible duplicates': 0 });

    await page.getByRole('link', { name: 'go to the triage queue' }).click();
    await page.getByLabel('Search name, email or force').fill('Kowalski');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/triage\?q=Kowalski$/);
    const row = page.locator('#triage-table tbody tr').filter({ hasText: 'Liam Kowalski' });
    await row.waitFor();
    expect(await seen(row)).toMatch(/Transferee Counter Terrorism, SOIT Essex Police 2 Nov 2026 \d+ Overdue Nobody/);

    // The same file again: every row unchanged, nothing new.
    await chooseFile(page, sample);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import of applications-sample.csv' }).waitFor();
    expect(await counts(page)).toMatchObject({ Unchanged: 8, Refused: 0, 'Possible duplicates': 0 });
    expect(Object.entries(await counts(page)).find(([k]) => k === 'Created' || k === 'To create')?.[1]).toBe(0);
    expect(await page.locator('.app-table tbody tr').filter({ hasText: 'Unchanged' }).count()).toBe(8);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends the file’s bytes: a Windows-1252 file (Excel’s “CSV”) is read as such with a note, and a file over the limit is not sent', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    const csv = `${header}\r\nCP-1,2026-11-10,transferee,,José,Ó Briain,jose.obriain@example.com,,1990-01-01,Kent Police,PC,,2015-01-01,,,,Café\r\n`;
    await chooseFile(page, { name: 'excel.csv', csv: Buffer.from(csv, 'latin1') });
    await page.getByRole('button', { name: 'Check file (dry run)' }).click();
    await page.getByRole('heading', { name: 'Check of excel.csv' }).waitFor();
    expect(await seen(page.locator('.govuk-inset-text').filter({ hasText: 'Windows-1252' }))).toBe(
      "This file was saved as Windows-1252 (Excel's 'CSV'); Muster read it as such. Check the names look right, or save as 'CSV UTF-8' next time.",
    );
    expect(await seen(page.locator('.app-table tbody tr').first())).toBe('2 CP-1 José Ó Briain To create');

    const sent: string[] = [];
    page.on('request', (r) => r.url().includes('imports.start') && sent.push(r.url()));
    await chooseFile(page, { name: 'huge.csv', csv: Buffer.alloc(6_000_001, 0x61) });
    await page.getByRole('button', { name: 'Check file (dry run)' }).click();
    await page.locator('#import-file-error').waitFor();
    expect(await seen(page.locator('#import-file-error'))).toContain(
      'The file is 6.1 MB; Muster imports files of at most 6 MB (about 25,000 applications) at a time. Split it into smaller files.',
    );
    expect(sent).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a file with bad rows shows each row’s errors, and a real import writes nothing', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    const csv = [
      header,
      'BAD-1,2026-11-10,transferee,,Nia,Goodrow,nia.goodrow@example.com,,1990-01-01,Kent Police,PC,K1,2015-01-01,SNT,,,',
      'BAD-2,2026-11-10,transferee,,Omar,Badmail,not-an-email,,1990-01-01,Kent Police,PC,K2,2015-01-01,,,,',
      'BAD-3,2026-11-10,transferee,,Pat,Noforce,pat.noforce@example.com,,1990-01-01,,,,2015-01-01,,,,',
    ].join('\n');
    await chooseFile(page, { name: 'bad-rows.csv', csv });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import of bad-rows.csv' }).waitFor();
    expect(await seen(page.locator('.govuk-warning-text'))).toContain(
      'Nothing was imported: fix the refused rows and import the file again.',
    );
    expect(await counts(page)).toMatchObject({ Refused: 2 });
    // The refused rows are shown first, each with what is wrong.
    const rows = page.locator('.app-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await seen(rows.nth(0))).toContain('BAD-2 Omar Badmail Refused');
    expect(await seen(rows.nth(0))).toContain('email');
    expect(await seen(rows.nth(1))).toContain('Enter the force the officer serves in now.');
    await expectNoAxeViolations(page, 'the import page with refused rows');

    const api = await apiAs(env.server.url, accounts.resourcing);
    const queue = await api.query('triage.queue', { assignee: 'any', q: 'Goodrow' });
    expect(queue.items).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a row matching an existing case is imported with a duplicate flag, and merging withdraws the newer case', async () => {
    const older = await createTransferee(env.server.url);
    const email = `${older.lastName.toLowerCase()}@example.com`;
    const ref = `DUP-${older.lastName}`;
    const csv = `${header}\n${ref},2026-11-20,transferee,,Jordan,${older.lastName}x,${email},,1991-02-02,Essex Police,PC,E77,2016-01-01,BCU,,,`;
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await chooseFile(page, { name: 'one-duplicate.csv', csv });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '1 application imported' }).waitFor();
    expect(await counts(page)).toMatchObject({ Created: 1, 'Possible duplicates': 1 });
    const olderRef = (await apiAs(env.server.url, accounts.resourcing).then((a) => a.query('applications.get', { id: older.id })))
      .reference as string;
    expect(await seen(page.locator('.app-table tbody tr').first())).toContain(`Possible duplicate of ${olderRef}: same email`);

    await page.getByRole('link', { name: 'resolve the possible duplicates' }).click();
    const flag = page.locator('.app-dup').filter({ hasText: ref });
    await flag.waitFor();
    expect(await seen(flag)).toContain('Matched on same email.');
    expect(await seen(flag.locator('.app-dup__case').first())).toContain(`Reference ${ref}`);
    expect(await seen(flag.locator('.app-dup__case').nth(1))).toContain(`Reference ${olderRef}`);
    await expectNoAxeViolations(page, 'the duplicates page');

    await flag.getByRole('button', { name: `Merge into ${olderRef}` }).click();
    const dialog = page.getByRole('dialog', { name: `Merge ${ref} into ${olderRef}` });
    await dialog.getByRole('button', { name: `Merge into ${olderRef}` }).click();
    await dialog.locator('.govuk-error-summary').waitFor();
    await dialog.getByLabel('Why are they the same person?').fill('Same officer: applied on the form and by email.');
    await dialog.getByRole('button', { name: `Merge into ${olderRef}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${ref} merged into ${olderRef}.` })
      .waitFor();
    await flag.waitFor({ state: 'detached' });

    // The newer case is withdrawn, "Merged into …", and its history says so.
    const api = await apiAs(env.server.url, accounts.resourcing);
    const newer = (await api.query('applications.list', { stage: 'withdrawn', q: `${older.lastName}x` })).items[0];
    await page.goto(`/cases/${newer.id}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await textOf(page.locator('.app-case-header .govuk-tag'))).toBe('Withdrawn');
    expect(await seen(page.locator('#summary'))).toContain(`Closed because Merged into ${olderRef}: Same officer`);
    await page.locator('.moj-timeline__title', { hasText: `Merged into ${olderRef}` }).waitFor();
    expect(await page.locator('.moj-timeline__title', { hasText: 'Flagged as a possible duplicate' }).count()).toBe(1);
    expect(await page.locator('.moj-timeline__title', { hasText: 'Imported from the application form' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the application form and correcting details', () => {
  it('creates a transferee with every field, flags a possible duplicate on the case page, and records an edit field by field', async () => {
    const existing = await createTransferee(env.server.url);
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto('/applications/new');
    // Police Now asks for the cohort, not the force; a transferee the other way round.
    await page.getByLabel('Police Now NGLP').check();
    await page.getByLabel('Cohort year', { exact: true }).waitFor();
    expect(await page.getByLabel('Current force', { exact: true }).count()).toBe(0);
    await page.getByLabel('Transferee').check();
    expect(await page.getByLabel('Cohort year', { exact: true }).count()).toBe(0);

    await page.getByLabel('First name', { exact: true }).fill('Robin');
    await page.getByLabel('Last name', { exact: true }).fill(`${existing.lastName}y`);
    await page.getByLabel('Email address', { exact: true }).fill(`${existing.lastName.toLowerCase()}@example.com`);
    for (const [part, value] of Object.entries({ Day: '17', Month: '5', Year: '1989' })) {
      await page.getByRole('group', { name: 'Date of birth', exact: true }).getByLabel(part, { exact: true }).fill(value);
    }
    await page.getByLabel('Current force', { exact: true }).selectOption('Kent Police');
    await page.getByLabel('PC (uniform)').check();
    await page.getByLabel('Warrant number (optional)').fill('K55012');
    for (const [part, value] of Object.entries({ Day: '2', Month: '3', Year: '2015' })) {
      await page
        .getByRole('group', { name: 'Date joined current force', exact: true })
        .getByLabel(part, { exact: true })
        .fill(value);
    }
    await page.getByLabel('1st choice').selectOption('TSG');
    await page.getByLabel('2nd choice').selectOption('BCU');
    await page.getByLabel('Posting preference (optional)').fill('MO3');
    await page.getByLabel('Specialist skills and qualifications (optional)').fill('Public order Level 2\nAdvanced driver');
    await page.getByLabel('Phone (optional)').fill('12');
    await page.getByRole('button', { name: 'Create application' }).click();
    // A server field error is shown against its field.
    await page.locator('#new-phone-error').waitFor();
    expect(await seen(page.locator('.govuk-error-summary'))).toContain('Enter a phone number of 7 to 20 digits.');
    await expectNoAxeViolations(page, 'the new application form with an error');
    await page.getByLabel('Phone (optional)').fill('');
    await page.getByRole('button', { name: 'Create application' }).click();

    await page.waitForURL(/\/cases\/\d+$/);
    const banner = page.getByRole('region', { name: 'Possible duplicate' });
    await banner.waitFor();
    expect(await seen(banner)).toContain(`${existing.name}): same email.`);
    expect(await seen(page.locator('#summary'))).toContain('Unit preferences 1st TSG, 2nd BCU');
    expect(await seen(page.locator('#summary'))).toContain('Specialist skills Public order Level 2; Advanced driver');

    await page.getByText('Edit details', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit details' });
    expect(await form.getByLabel('Specialist skills and qualifications (optional)').inputValue()).toBe(
      'Public order Level 2\nAdvanced driver',
    );
    await form.getByRole('button', { name: 'Save details' }).click();
    await form.locator('.govuk-error-summary').filter({ hasText: 'Nothing changed' }).waitFor();
    await form.getByLabel('Phone (optional)').fill('07700 900999');
    await form.getByLabel('2nd choice').selectOption('SNT');
    await form.getByRole('button', { name: 'Save details' }).click();
    await form.getByText('Details saved.').waitFor();
    const edit = page.locator('.moj-timeline__item').filter({ hasText: 'Details edited' });
    await edit.waitFor();
    expect(await seen(edit)).toContain('Phone: (none) → 07700 900999');
    expect(await seen(edit)).toContain(
      'Unit preferences: Territorial Support Group (MO7 Taskforce), Basic Command Unit → Territorial Support Group (MO7 Taskforce), Safer Neighbourhoods (ward teams)',
    );
    expect(await seen(page.locator('#summary'))).toContain('Unit preferences 1st TSG, 2nd Safer Neighbourhoods');
    await expectNoAxeViolations(page, 'the case page with the edit form and a duplicate banner');
    expect(problems).toEqual([]);
    await context.close();
  });
});
