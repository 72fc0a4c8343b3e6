import { expect, type Page } from '@playwright/test';

/**
 * From the home page (`url`, the test server's by default): create a private baseline match, take a seat
 * (the United States unless told), start it, and return its room code once the first orders are shown.
 */
export async function startMatch(page: Page, opts: { seat?: string; seed?: string; quarters?: number; name?: string; url?: string; timerSeconds?: number } = {}): Promise<string> {
  await page.goto(opts.url ?? '/');
  await page.getByLabel('Your name').fill(opts.name ?? 'Tester');
  await page.getByLabel('Scenario', { exact: true }).selectOption('baseline');
  if (opts.quarters) await page.getByLabel('Quarters', { exact: true }).fill(String(opts.quarters));
  // A fixed seed unless a test asks for another: a random one sometimes ends the match in its first quarter
  // (a Strait crisis), and a test that expects a quarter report then finds the end screen.
  await page.getByLabel('Seed (optional)').fill(opts.seed ?? 'e2e');
  if (opts.timerSeconds !== undefined) await page.getByLabel('Order timer (seconds)').fill(String(opts.timerSeconds));
  await page.getByLabel('Private — not listed; join by code or link only').check();
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(page.getByTestId('room-code')).toHaveText(/^[A-Z0-9]{4,}$/);
  const code = (await page.getByTestId('room-code').textContent())!.trim();
  await page.getByRole('button', { name: `Take seat: ${opts.seat ?? 'United States government'}` }).click();
  await page.getByRole('button', { name: 'Start the match' }).click();
  await expect(page.getByRole('heading', { name: /^Orders for \d{4} Q\d$/ })).toBeVisible();
  return code;
}
