/**
 * `npm run screenshots`: the README's pictures of the demo, each page in light and dark, taken from a production
 * build of the demo in Chromium against its in-page executor, so they stay current with the code. Writes
 * `docs/screenshots/<page>-<theme>.png` (the README shows them). `--only <page>` takes one page; `--skip-build` reuses `dist-demo`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { serve } from '../bench/shared.ts';
import { chromiumArgs, chromiumPath } from '../test/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/screenshots`;

interface Shot {
  /** `?page=` of the demo. */
  page: string;
  /** More query parameters (a sub-view). */
  query?: Record<string, string>;
  /** Brings the page to the state worth showing once it has loaded. */
  prepare?: (page: Page) => Promise<void>;
}

/** Opens the first row of a list whose run has `status` (its expand toggle), and waits for its steps. */
const expandRow = (status: string) => async (page: Page) => {
  await page.locator(`[data-slot="run-list-row"][data-status="${status}"] button[aria-expanded]`).first().click();
  await page.locator('[data-slot="timeline-step"]').first().waitFor({ timeout: 20_000 });
};

/** Opens the first card of a run with `status`, and waits for its steps. */
const expandCard = (status: string) => async (page: Page) => {
  await page.locator(`[data-slot="run-list-card"][data-status="${status}"] button[aria-expanded]`).first().click();
  await page.locator('[data-slot="timeline-step"]').first().waitFor({ timeout: 20_000 });
};

/** Opens the first run link of the list (a page of its own), and waits for its overview. */
const openRun = async (page: Page) => {
  await page.locator('[data-slot="run-list-row"] a').first().click();
  await page.locator('[data-slot="run-detail-overview"]').waitFor({ timeout: 20_000 });
};

const SHOTS: Shot[] = [
  { page: 'item-runs' },
  { page: 'history', prepare: expandRow('succeeded') },
  { page: 'monitoring', query: { 'runs.status': 'failed' }, prepare: openRun },
  { page: 'cards', prepare: expandCard('succeeded') },
  { page: 'operations', query: { workflow: 'lead-enrichment' } },
];

async function shoot(page: Page, base: string, shot: Shot, theme: 'light' | 'dark') {
  const query = new URLSearchParams({ scenario: 'demo', speed: '4', theme, page: shot.page, ...shot.query });
  await page.goto(`${base}/?${query}`);
  await page.locator('.demo-main').waitFor();
  // The first answers of every view (the executor builds a week of history first): a picture of a loading
  // screen is never taken.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], [data-state="loading"]'), null, { timeout: 30_000 });
  await shot.prepare?.(page);
  await page.waitForTimeout(800);
  const name = `${shot.page}-${theme}.png`;
  await page.screenshot({ path: `${out}/${name}` });
  console.log(`docs/screenshots/${name}`);
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  if (only !== undefined && !SHOTS.some((s) => s.page === only)) {
    throw new Error(`No page "${only}". Pages: ${SHOTS.map((s) => s.page).join(', ')}.`);
  }
  if (!args.includes('--skip-build')) execFileSync('npm', ['run', '--silent', 'build:demo'], { cwd: root, stdio: 'inherit' });
  mkdirSync(out, { recursive: true });
  const server = await serve(`${root}dist-demo`);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const shot of SHOTS.filter((s) => only === undefined || s.page === only)) await shoot(page, base, shot, theme);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
