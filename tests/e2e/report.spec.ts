import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Report } from '../../shared/analysis/report.js';
import { SEATS } from '../../shared/seats.js';
import { playShortMatch } from './finished-match.js';

/** Validate against the shared ReportSchema in a child process (see validate-report.ts). */
function validate(json: string): { ok: boolean; issues: unknown[]; report: Report | null } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('tests/e2e/validate-report.ts')], { input: json, encoding: 'utf8' });
  return JSON.parse(out);
}

const SCREENS = 'test-results/screens';

test('the after-action report: HTML opens offline with its charts, JSON validates, CSV has a row per seat per quarter', async ({ page, request, browser }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const code = await playShortMatch(page, 3);
  const downloads = page.getByTestId('downloads');
  await expect(downloads.getByTestId('report-html')).toHaveAttribute('href', new RegExp(`/api/matches/${code}/report\\.html$`));

  // JSON: validates against the shared schema, one quarter per quarter played.
  const jsonRes = await request.get(`/api/matches/${code}/report.json`);
  expect(jsonRes.ok()).toBe(true);
  const parsed = validate(await jsonRes.text());
  expect(parsed.ok, JSON.stringify(parsed.issues)).toBe(true);
  const report = parsed.report!;
  const quarters = report.quarters.length;
  expect(quarters).toBeGreaterThanOrEqual(1);
  expect(quarters).toBeLessThanOrEqual(3);
  expect(report.quarters[0].orders.US.map((o) => o.action)).toContain('us-tighten-chip-controls');
  // Who played: the one person on the US; the bots everywhere else, every quarter.
  expect(report.seats?.US).toEqual({ players: ['Analyst'], botTurns: [], draftedTurns: [], byTurn: report.quarters.map((q) => ({ turn: q.turn, players: ['Analyst'] })) });
  expect(report.seats?.CN.botTurns).toEqual(report.quarters.map((q) => q.turn));
  expect(report.negotiation).toEqual({ publicChat: [], proposals: [] });

  // CSV: a header, then one row per seat per quarter.
  const csv = await (await request.get(`/api/matches/${code}/report.csv`)).text();
  const lines = csv.trim().split('\n');
  expect(lines[0].split(',').slice(0, 3)).toEqual(['turn', 'quarter', 'seat']);
  expect(lines.length).toBe(1 + quarters * SEATS.length);
  for (let q = 1; q <= quarters; q++) {
    expect(lines.filter((l) => l.startsWith(`${q},`)).map((l) => l.split(',')[2]).sort()).toEqual([...SEATS].sort());
  }

  // HTML: no scripts, and it renders its charts with the network off, from a file.
  const html = await (await request.get(`/api/matches/${code}/report.html`)).text();
  expect(html).not.toMatch(/<script/i);
  const file = path.resolve('test-results', `report-${code}.html`);
  writeFileSync(file, html);
  const offline = await browser.newContext({ offline: true });
  const rp = await offline.newPage();
  const fetched: string[] = [];
  rp.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) fetched.push(r.url());
  });
  await rp.goto(pathToFileURL(file).href);
  await expect(rp.getByRole('heading', { name: 'Lead Time — after-action report' })).toBeVisible();
  const charts = rp.locator('svg.chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  for (const c of await charts.all()) {
    await expect(c).toBeVisible();
    expect((await c.boundingBox())!.width).toBeGreaterThan(200);
    expect(await c.locator('polyline').count()).toBeGreaterThan(0);
  }
  await expect(rp.getByRole('img', { name: /^US lead: best democratic lab/ })).toBeVisible();
  await expect(rp.getByRole('table', { name: 'Players by seat' }).getByRole('row', { name: /^United States Analyst none none$/ })).toBeVisible();
  await expect(rp.getByText('Private and team channels are not included.')).toBeVisible();
  await rp.screenshot({ path: `${SCREENS}/report-offline.png`, fullPage: true });
  expect(fetched).toEqual([]);
  // The same page through setContent, still offline.
  await rp.setContent(html);
  expect(await rp.locator('svg.chart').count()).toBe(await charts.count());
  await offline.close();

  // The browser can make the same files from what the end screen holds (fallback when the server is unreachable).
  const dl = page.waitForEvent('download');
  await downloads.getByRole('button', { name: 'Table (CSV)' }).click();
  const localCsv = readFileSync((await (await dl).path())!, 'utf8');
  expect(localCsv.trim().split('\n').length).toBe(1 + quarters * SEATS.length);
  const dlJson = page.waitForEvent('download');
  await downloads.getByRole('button', { name: 'Report (JSON)' }).click();
  const localParsed = validate(readFileSync((await (await dlJson).path())!, 'utf8'));
  expect(localParsed.ok, JSON.stringify(localParsed.issues)).toBe(true);
  const local = localParsed.report!;
  expect(local.quarters).toEqual(report.quarters);
  expect(local.outcome).toEqual(report.outcome);
  expect(errors).toEqual([]);
});
