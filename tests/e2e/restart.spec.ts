import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startMatch } from './start-match.js';
import { freePort, killHard, startChild, stopGracefully, type ChildServer } from '../integration/child-server.js';

// A server of the test's own (serving the built client), so the test can stop and restart it.
let dataDir = '';
const children: ChildServer[] = [];
test.beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-restart-'));
});
test.afterAll(async () => {
  for (const c of children) await killHard(c);
  rmSync(dataDir, { recursive: true, force: true });
});

test('a server restarted mid-match (stopped or crashed, then started on the same data) brings its players back to their seats', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const port = await freePort();
  children.push(await startChild(port, dataDir));
  const code = await startMatch(page, { name: 'Operator test', url: `http://127.0.0.1:${port}/` });
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();

  // The operator restarts the server: a graceful stop, then a new process on the same data folder.
  await stopGracefully(children[0]);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/Reconnecting/);
  children.push(await startChild(port, dataDir));

  // Without a reload, the page is back in the same match and seat, and can play on.
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Connected/, { timeout: 60_000 });
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(page.getByText('Operator test · United States')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await page.locator('.actions-list').getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Submit 1 order' }).click();
  await expect(page.getByRole('dialog', { name: 'Quarter report: 2026 Q3 resolved' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: /^Continue/ }).click();

  // The server crashes (SIGKILL) and comes back: the page's old token is void, so it joins the code again, same seat.
  await killHard(children[1]);
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/Reconnecting/);
  children.push(await startChild(port, dataDir));
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Connected/, { timeout: 60_000 });
  await expect(page.getByText('Operator test · United States')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q4' })).toBeVisible();
  expect(errors).toEqual([]);
});
