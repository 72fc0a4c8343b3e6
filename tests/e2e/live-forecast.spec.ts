import { expect, test } from '@playwright/test';

test('a player runs a live forecast from the current quarter', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Scenario', { exact: true }).selectOption('baseline');
  await page.getByLabel('Seed (optional)').fill('e2e-live-forecast');
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(page.getByTestId('room-code')).toHaveText(/^[A-Z0-9]{4,}$/);
  await page.getByRole('button', { name: 'Take seat: United States government' }).click();
  await page.getByRole('button', { name: /^Start/ }).click();
  const panel = page.getByRole('region', { name: 'Live forecast' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Continuations').selectOption('1000');
  await panel.getByTestId('live-forecast-run').click();
  const odds = page.getByTestId('live-forecast-odds');
  await expect(odds).toBeVisible({ timeout: 60_000 });
  await expect(odds).toContainText('Contested frontier');
  await expect(panel.getByRole('status')).toContainText('1,000 continuations from 2026 Q3');
  await page.screenshot({ path: 'test-results/screens/live-forecast.png', fullPage: true });
  const stale = panel.getByTestId('live-forecast-stale');
  await expect(stale).toBeHidden();

  // The quarter resolves: the odds on screen are from before it, and say so until run again.
  await page.getByLabel('Fund export enforcement').check();
  await page.getByRole('button', { name: /^Submit 1 order$/ }).click();
  const report = page.getByRole('dialog', { name: /Quarter report/ });
  await report.getByRole('button', { name: /^Continue/ }).click();
  await expect(stale).toBeVisible();
  await expect(stale).toContainText('from an earlier quarter');
  await panel.getByTestId('live-forecast-run').click();
  await expect(panel.getByRole('status')).toContainText('1,000 continuations from 2026 Q4', { timeout: 60_000 });
  await expect(stale).toBeHidden();
});
