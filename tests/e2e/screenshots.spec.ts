import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accounts, column, openSession, repoRoot, serverAndBrowser, signIn } from './support.ts';

const env = serverAndBrowser();

// `pnpm screenshots` (UPDATE_SCREENSHOTS=1) writes the README's pictures; an ordinary test run writes
// them under tests/.tmp so it leaves the working tree as it found it.
const dir = join(repoRoot, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'tests/.tmp/screenshots');

describe('screenshots for the docs', () => {
  it('writes docs/screenshots/board.png and case.png at 1280×800', async () => {
    mkdirSync(dir, { recursive: true });
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await column(page, 'Mentoring').getByRole('listitem').first().waitFor();
    await page.screenshot({ path: join(dir, 'board.png') });

    // A case part-way through pre-employment shows the most: gates, checks, history.
    await column(page, 'Pre-employment').getByRole('link').nth(2).click();
    await page.locator('.moj-timeline__item').first().waitFor();
    await page.getByRole('list', { name: 'Pre-employment checks' }).waitFor();
    await page.screenshot({ path: join(dir, 'case.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('writes docs/screenshots/triage.png at 1280×800', async () => {
    const { page, problems, context } = await openSession(env.browser, env.server.url);
    await signIn(page, accounts.resourcing);
    await page.goto('/triage');
    await page.locator('#triage-table tbody tr').nth(5).waitFor();
    await page.locator('#triage-table tbody tr').nth(1).getByRole('checkbox').check();
    await page.locator('#triage-table tbody tr').nth(2).getByRole('checkbox').check();
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(dir, 'triage.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
