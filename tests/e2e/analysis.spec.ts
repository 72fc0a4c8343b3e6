import { expect, test } from '@playwright/test';
import { OUTCOME_INFO } from '../../shared/outcomes.js';
import { playShortMatch } from './finished-match.js';

const SCREENS = 'test-results/screens';

test('after the match: forecast odds in workers, what-if that changes the result, replay quarter by quarter', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const code = await playShortMatch(page, 3);
  const analysis = page.getByTestId('analysis');
  await expect(analysis.getByText(/Match record loaded: \d+ quarters/)).toBeVisible();

  // Replay viewer: buttons and arrow keys step through the quarters.
  const viewer = page.getByTestId('replay-viewer');
  const label = viewer.getByTestId('replay-quarter');
  await expect(label).toHaveText(/^2026 Q3 — quarter 1 of (\d)$/);
  const total = Number((await label.textContent())!.match(/of (\d)$/)![1]);
  await expect(viewer.getByTestId('replay-orders')).toContainText('Tighten chip export controls ×3');
  await viewer.focus();
  await page.keyboard.press('ArrowRight');
  if (total > 1) {
    await expect(label).toHaveText(`2026 Q4 — quarter 2 of ${total}`);
    await expect(viewer.getByTestId('replay-orders')).toContainText('Fund export enforcement');
    await page.keyboard.press('ArrowLeft');
    await expect(label).toHaveText(`2026 Q3 — quarter 1 of ${total}`);
    await viewer.getByRole('button', { name: 'Next quarter' }).click();
    await expect(label).toHaveText(`2026 Q4 — quarter 2 of ${total}`);
    await page.keyboard.press('End');
    await expect(label).toHaveText(new RegExp(`quarter ${total} of ${total}$`));
    // Next is now disabled; focus moved to Previous, so the keys still work.
    await expect(viewer.getByRole('button', { name: 'Previous quarter' })).toBeFocused();
    await page.keyboard.press('Home');
    await expect(label).toHaveText(`2026 Q3 — quarter 1 of ${total}`);
    await expect(viewer.getByRole('button', { name: 'Next quarter' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(label).toHaveText(`2026 Q4 — quarter 2 of ${total}`);
  }
  await viewer.screenshot({ path: `${SCREENS}/replay-viewer.png` });

  // Forecast from the opening: every outcome's chance with its 95% interval, computed in workers.
  const fc = page.getByTestId('forecast-panel');
  await fc.getByLabel('Forecast from').selectOption({ label: 'The opening (before the first quarter)' });
  await fc.getByLabel('Continuations').selectOption('500');
  await fc.getByRole('button', { name: 'Run forecast' }).click();
  // The page stays responsive while the workers run.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(Date.now() - t0).toBeLessThan(2000);
  await expect(fc.getByText(/^500 continuations in [\d.]+ s on \d+ workers?\.$/)).toBeVisible({ timeout: 60_000 });
  const odds = fc.getByTestId('forecast-odds');
  await expect(odds.locator('tbody tr')).toHaveCount(Object.keys(OUTCOME_INFO).length);
  const ps = await odds.locator('td.odds-p').allTextContents();
  const sum = ps.reduce((t, x) => t + Number(x.replace('%', '')), 0);
  expect(sum).toBeGreaterThan(99.5);
  expect(sum).toBeLessThan(100.5);
  await expect(odds.locator('td.band').first()).toHaveText(/^\d+\.\d% – \d+\.\d%$/);
  await fc.screenshot({ path: `${SCREENS}/forecast.png` });

  // What-if: the US loosens instead of tightening chip controls in the first quarter.
  const wi = page.getByTestId('whatif');
  await wi.getByLabel('Quarter').selectOption({ index: 0 });
  await wi.getByLabel('Seat').selectOption('US');
  await expect(wi.getByTestId('whatif-played')).toContainText('Tighten chip export controls ×3');
  const run = wi.getByRole('button', { name: 'Replay with these orders' });
  await expect(run).toBeDisabled();
  // Every seat's orders as played (bots give theirs in their own order, not the catalogue's) count as unchanged.
  for (const other of ['CN', 'EU', 'JK', 'TW', 'HUB', 'USLAB', 'CNLAB', 'US']) {
    await wi.getByLabel('Seat').selectOption(other);
    await expect(run, `${other}: unchanged orders`).toBeDisabled();
  }
  await wi.getByRole('checkbox', { name: 'Tighten chip export controls' }).uncheck();
  await wi.getByRole('checkbox', { name: 'Loosen chip export controls' }).check();
  await wi.getByLabel('Intensity of Loosen chip export controls').selectOption('3');
  await expect(run).toBeEnabled();
  await run.click();
  const verdict = wi.getByTestId('whatif-verdict');
  await expect(verdict).toHaveText(/^(The change turns the ending|Same ending, but the figures move|The change avoids the ending as played)/);
  if ((await verdict.textContent())!.startsWith('The change avoids')) {
    // The match as played ended early and the what-if line did not: the record has no orders past that
    // quarter, so the line stops there, open, and gets its odds from there.
    await expect(verdict).toHaveText(/^The change avoids the ending as played \(.+ after quarter \d\)\. The record has no orders past that quarter/);
    await expect(wi.getByTestId('whatif-open')).toContainText(/^How the what-if line would likely end, with bots in every seat from \d{4} Q\d/);
    await expect(wi.getByTestId('whatif-open-odds')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  } else {
    await expect(wi.getByTestId('whatif-open')).toBeHidden();
  }
  await expect(wi.getByTestId('whatif-verdict')).not.toContainText('no difference');
  await expect(wi.getByTestId('whatif-original')).toContainText(/Final lead −?\d+\.\d months/);
  // Side-by-side odds from the quarter after the change.
  await expect(wi.getByTestId('whatif-changed-odds-odds')).toBeVisible({ timeout: 60_000 });
  await expect(wi.getByTestId('whatif-played-odds-odds')).toBeVisible();
  await expect(wi.getByTestId('whatif-changed-odds')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await wi.screenshot({ path: `${SCREENS}/whatif.png` });
  await expect(wi.getByTestId('whatif-dropped')).toHaveCount(0);
  // More than the US can afford: the replay says which orders the model dropped, and why.
  await wi.getByRole('checkbox', { name: 'Mandate chip location verification' }).check();
  await wi.getByLabel('Intensity of Mandate chip location verification').selectOption('3');
  await run.click();
  await expect(wi.getByTestId('whatif-dropped')).toContainText(/in the what-if that (was|were) not dropped as played/);
  await expect(wi.getByTestId('whatif-dropped').getByRole('listitem').first()).toHaveText(/^\d{4} Q\d, United States: ".+" costs \d+, (more than|but only)/);

  // Sensitivity (tornado), a quick run with few matches.
  await page.getByText('Sensitivity of the scenario (tornado chart)').click();
  const sens = page.getByTestId('sensitivity');
  await sens.getByLabel('Matches per end').selectOption('10');
  await sens.getByRole('button', { name: 'Run sensitivity' }).click();
  await expect(sens.getByText(/^Done in [\d.]+ s\./)).toBeVisible({ timeout: 90_000 });
  await expect(sens.getByTestId('tornado').locator('svg')).toBeVisible();
  // At ten matches per end most swings are within their margin: the table says which could be chance.
  await expect(sens.getByRole('table').getByText('could be chance').first()).toBeVisible();
  await sens.screenshot({ path: `${SCREENS}/sensitivity.png` });
  expect(code).toMatch(/^[A-Z0-9]+$/);

  // The room closes when its last player leaves; reloading the join link reopens the end screen and its
  // analysis from the server's record.
  const outcome = (await page.getByTestId('outcome').textContent())!;
  await page.goto('about:blank');
  await page.goto(`/join/${code}`);
  await expect(page.getByTestId('outcome')).toHaveText(outcome);
  await expect(page.locator('.end .conn')).toContainText('Match over · from the record');
  await expect(page.getByTestId('analysis').getByText(/Match record loaded: \d+ quarters/)).toBeVisible();
  await expect(page.getByTestId('reveal')).toContainText('Tighten chip export controls ×3');
  await expect(page.getByTestId('replay-viewer').getByTestId('replay-quarter')).toHaveText(/^2026 Q3 — quarter 1 of \d$/);
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  await page.getByRole('button', { name: 'Back to the home page' }).click();
  await expect(page.getByRole('button', { name: 'Create match' })).toBeVisible();
  // A code that is neither running nor stored says so plainly.
  await page.getByLabel('Room code').fill('acd-efg');
  await page.getByRole('button', { name: 'Join match' }).click();
  await expect(page.getByText('No match “ACDEFG” is running or stored here: check the code.')).toBeVisible();
  // One that cannot be a code is refused before anything is asked of the server.
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.getByLabel('Room code').fill('B00K');
  await page.getByRole('button', { name: 'Join match' }).click();
  await expect(page.getByText(/^“B00K” is not a room code: codes are 6 letters and digits, like KXWQTR/)).toBeVisible();
  expect(asked.filter((u) => /matchmake|\/api\/matches/.test(u))).toEqual([]);
  // A link with such a code says so as the page opens.
  await page.goto('/join/B00K');
  await expect(page.getByRole('alert').filter({ hasText: 'is not a room code' })).toHaveText(/^“B00K” is not a room code: .* Check the link, or type the code\.$/);
  expect(errors).toEqual([]);
});
