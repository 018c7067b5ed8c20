/**
 * Time from navigation to an interactive board in headless Chromium: the built dashboard, served by
 * the real server on the benchmark database, signed in as resourcing. "Interactive" = the first card
 * of the review column is on screen, which React renders only once the board query has answered.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { nowMs, summarise, type Latency } from './stats.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type BoardLoad = { firstMs: number; repeat: Latency } | { skipped: string };

export async function measureBoardLoad(baseUrl: string, email: string, password: string, runs: number): Promise<BoardLoad> {
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath} (apt-get install chromium)` };
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await (await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto('/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const firstCard = page.locator('[aria-labelledby="column-review"] a').first();
    const load = async () => {
      const t = nowMs();
      await page.goto('/', { waitUntil: 'commit' });
      await firstCard.waitFor({ state: 'visible' });
      return nowMs() - t;
    };
    // The first visit after sign-in fetches every asset; later ones come from the browser's cache, as for someone using it all day.
    const firstMs = await load();
    const repeat: number[] = [];
    for (let i = 0; i < runs; i++) repeat.push(await load());
    return { firstMs, repeat: summarise(repeat) };
  } finally {
    await browser.close();
  }
}
