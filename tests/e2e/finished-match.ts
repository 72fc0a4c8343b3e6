import { expect, type Page } from '@playwright/test';

/**
 * Play a short private match alone as the US (bots in every other seat) to its end, giving one order a
 * quarter ("Tighten chip export controls" ×3 in the first), and return its room code.
 */
export async function playShortMatch(page: Page, quarters: number, name = 'Analyst'): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Scenario', { exact: true }).selectOption('baseline');
  await page.getByLabel('Quarters', { exact: true }).fill(String(quarters));
  await page.getByLabel('Seed (optional)').fill(`e2e-analysis-${quarters}`);
  await page.getByLabel('Private — not listed; join by code or link only').check();
  await page.getByRole('button', { name: 'Create match' }).click();
  const code = (await page.getByTestId('room-code').textContent())!.trim();
  await page.getByRole('button', { name: 'Take seat: United States government' }).click();
  await page.getByRole('button', { name: 'Start the match' }).click();
  for (let q = 0; q < quarters; q++) {
    await expect(page.getByRole('heading', { name: /^Orders for \d{4} Q\d$/ })).toBeVisible();
    if (q === 0) {
      await page.getByLabel('Tighten chip export controls').check();
      await page.locator('#act-us-tighten-chip-controls-int').selectOption('3');
    } else {
      await page.getByLabel('Fund export enforcement').check();
    }
    await page.getByRole('button', { name: /^Submit 1 order$/ }).click();
    const dialog = page.getByRole('dialog', { name: /Quarter report/ });
    const outcome = page.getByTestId('outcome');
    await expect(dialog.or(outcome)).toBeVisible();
    if (await outcome.isVisible()) break;
    await dialog.getByRole('button', { name: /^Continue/ }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('outcome')).toHaveText(/^Outcome: /);
  return code;
}
