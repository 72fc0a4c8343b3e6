import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { median, writeSection } from './benchmarks-file.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/client');
const PORT = Number(process.env.BENCH_CLIENT_PORT ?? 4191);
const RUNS = 5;

type Size = { raw: number; gzip: number };

function sizeOf(files: string[]): Size {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = fs.readFileSync(f);
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer at ${url}`);
}

/** Built bundle size (raw and gzip) and first-load timings of the home page and the map, median of five cold loads. */
export async function benchClient(): Promise<void> {
  execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  const assets = fs.readdirSync(path.join(DIST, 'assets')).map((f) => path.join(DIST, 'assets', f));
  const pick = (re: RegExp) => assets.filter((f) => re.test(path.basename(f)));
  const initial = sizeOf([path.join(DIST, 'index.html'), ...pick(/^index-.*\.(js|css)$/)]);
  const map = sizeOf(pick(/^view-.*\.js$/));
  const charts = sizeOf(pick(/^charts-.*\.(js|css)$/));
  const worker = sizeOf(pick(/worker.*\.js$/));
  const all = sizeOf([path.join(DIST, 'index.html'), ...assets]);

  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'leadtime-bench-client-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(PORT), DATA_DIR: data }, stdio: 'ignore' });
  const base = `http://localhost:${PORT}`;
  const fcp: number[] = [];
  const dcl: number[] = [];
  const load: number[] = [];
  const toMap: number[] = [];
  let forecasts: PageForecasts = { first: [], warm: [] };
  try {
    await waitForServer(`${base}/healthz`);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
    for (let run = 0; run < RUNS + 1; run++) {
      // A new context each time: a cold cache, as a first visit.
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await ctx.newPage();
      await page.goto(base, { waitUntil: 'load' });
      await page.getByRole('heading', { name: 'Lead Time' }).waitFor();
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return { fcp: paint?.startTime ?? NaN, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
      });
      // From pressing Start to the map drawn (Phaser loaded on demand, the world view mounted and fed).
      await page.getByLabel('Your name').fill('Bench');
      await page.getByLabel('Private — not listed; join by code or link only').check();
      await page.getByRole('button', { name: 'Create match' }).click();
      await page.getByRole('button', { name: 'Take seat: United States government' }).click();
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Start the match' }).click();
      await page.locator('section.world[data-ready="true"] canvas').waitFor();
      const mapMs = Date.now() - t0;
      if (run > 0) {
        // The first run warms the server and the OS file cache.
        fcp.push(t.fcp);
        dcl.push(t.dcl);
        load.push(t.load);
        toMap.push(mapMs);
      }
      await ctx.close();
    }
    forecasts = await benchPageForecasts(browser, base);
    await browser.close();
  } finally {
    server.kill();
    fs.rmSync(data, { recursive: true, force: true });
  }
  const row = (name: string, xs: number[]) => `| ${name} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} – ${Math.max(...xs).toFixed(0)} ms |`;
  writeSection(
    'client',
    `## Client: bundle size and first load

Command: \`npm run bench -- client\` (tests/bench/client.bench.ts): \`npm run build\`, then gzip -9 of each built file; timings from Playwright (Debian Chromium, headless, software rendering) against the game server on loopback, ${RUNS} cold loads (a new browser context each) after one warm-up, 1280×720.

| built bundle | raw | gzip |
|---|---|---|
| first load: index.html + main script + styles | ${kb(initial.raw)} | ${kb(initial.gzip)} |
| world map (Phaser + the world atlas), loaded on demand from the lobby | ${kb(map.raw)} | ${kb(map.gzip)} |
| dashboard charts (uPlot), on demand | ${kb(charts.raw)} | ${kb(charts.gzip)} |
| forecast worker (after-action analysis), on demand | ${kb(worker.raw)} | ${kb(worker.gzip)} |
| everything in dist/client | ${kb(all.raw)} | ${kb(all.gzip)} |

| first load (navigation timing) | median | min – max |
|---|---|---|
${row('first contentful paint of the home page', fcp)}
${row('DOMContentLoaded', dcl)}
${row('load event', load)}
${row('from pressing Start to the world map drawn', toMap)}

| forecast in the page: ${FORECAST_N.toLocaleString('en-US')} continuations of a ten-quarter baseline match from its opening, on the end screen (Web Workers, one a core) | median | min – max |
|---|---|---|
${row(`the page's first, asked for as soon as the match record has loaded (its workers' warm-up still running); ${FORECAST_PAGES} pages`, forecasts.first)}
${row(`warm, run again on the same page; ${FORECAST_PAGES} pages × ${FORECAST_REPEATS}`, forecasts.warm)}`,
  );
  console.log(`client: first load ${kb(initial.gzip)} gzip, map ${kb(map.gzip)} gzip; FCP ${median(fcp).toFixed(0)} ms; Start→map ${median(toMap).toFixed(0)} ms; page forecast of ${FORECAST_N} first ${median(forecasts.first).toFixed(0)} ms, warm ${median(forecasts.warm).toFixed(0)} ms`);
}

const FORECAST_N = 10_000;
const FORECAST_PAGES = 3;
const FORECAST_REPEATS = 3;

type PageForecasts = { first: number[]; warm: number[] };

/**
 * The forecast panel of the end screen, timed in the page from pressing Run to the odds drawn as done:
 * on each of a few fresh pages (new workers), the first forecast and then the same again, warm.
 */
async function benchPageForecasts(browser: Browser, base: string): Promise<PageForecasts> {
  const out: PageForecasts = { first: [], warm: [] };
  for (let p = 0; p < FORECAST_PAGES; p++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await playHoldingToEnd(page, base, `bench-forecast-${p}`);
    await page.getByText(/Match record loaded: \d+ quarters?/).waitFor({ timeout: 60_000 });
    const panel = page.getByTestId('forecast-panel');
    await panel.getByLabel('Forecast from').selectOption({ index: 0 });
    await panel.getByLabel('Continuations').selectOption(String(FORECAST_N));
    out.first.push(await timedForecast(page));
    for (let r = 0; r < FORECAST_REPEATS; r++) out.warm.push(await timedForecast(page));
    await ctx.close();
  }
  return out;
}

/** A private ten-quarter match as the US holding every quarter, bots in every other seat, to its end screen. */
async function playHoldingToEnd(page: Page, base: string, seed: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel('Your name').fill('Bench');
  await page.getByLabel('Scenario', { exact: true }).selectOption('baseline');
  await page.getByLabel('Quarters', { exact: true }).fill('10');
  await page.getByLabel('Seed (optional)').fill(seed);
  await page.getByLabel('Private — not listed; join by code or link only').check();
  await page.getByRole('button', { name: 'Create match' }).click();
  await page.getByRole('button', { name: 'Take seat: United States government' }).click();
  await page.getByRole('button', { name: 'Start the match' }).click();
  const outcome = page.getByTestId('outcome');
  for (let q = 0; q < 10 && !(await outcome.isVisible()); q++) {
    await page.getByRole('button', { name: 'Submit no orders (hold)' }).click();
    const report = page.getByRole('dialog', { name: /Quarter report/ });
    await report.or(outcome).first().waitFor({ timeout: 60_000 });
    if (await report.isVisible()) await report.getByRole('button', { name: /^Continue/ }).click();
  }
  await outcome.waitFor({ timeout: 60_000 });
}

/** Press Run forecast and time, in the page, until the panel marks its odds done. */
function timedForecast(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const panel = document.querySelector('[data-testid="forecast-panel"]');
        const result = panel?.querySelector<HTMLElement>('[data-testid="forecast"]');
        const run = [...(panel?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Run forecast');
        if (!result || !run) return reject(new Error('no forecast panel on the end screen'));
        const t0 = performance.now();
        const seen = new MutationObserver(() => {
          if (result.dataset.state === 'stopped') reject(new Error('the forecast stopped'));
          if (result.dataset.state !== 'done') return;
          seen.disconnect();
          resolve(performance.now() - t0);
        });
        seen.observe(result, { attributes: true, attributeFilter: ['data-state'] });
        run.click();
      }),
  );
}
