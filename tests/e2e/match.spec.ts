import { expect, test, type Page } from '@playwright/test';
import { OUTCOME_INFO } from '../../shared/outcomes.js';

const SCREENS = 'test-results/screens';

function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
}

/** Pick one action (a different one each quarter), submit, and wait for the server's ack. */
async function playQuarter(page: Page, quarter: number) {
  const hold = page.getByRole('button', { name: 'Submit no orders (hold)' });
  await expect(hold).toBeEnabled();
  const boxes = page.locator('.actions-list').getByRole('checkbox');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(0);
  const box = boxes.nth(quarter % n);
  await box.check();
  const submit = page.getByRole('button', { name: /^Submit 1 order$/ });
  await expect(submit).toBeEnabled();
  await expect(page.getByText(/1 of 8 orders · cost \d+ of \d+/)).toBeVisible();
  await submit.click();
  // The last seat to submit may see the quarter resolve at once, before the ack has been on screen.
  const accepted = page.getByText(/Orders accepted for \d{4} Q\d/);
  await expect(accepted.or(page.getByRole('dialog', { name: /Quarter report/ })).or(page.getByTestId('outcome')).first()).toBeVisible();
}

/** After both seats submit: the quarter report (then continue) or the end screen. */
async function afterResolution(page: Page): Promise<'next' | 'end'> {
  const dialog = page.getByRole('dialog', { name: /Quarter report/ });
  const outcome = page.getByTestId('outcome');
  await expect(dialog.or(outcome)).toBeVisible();
  if (await outcome.isVisible()) return 'end';
  return 'next';
}

test('two players play a whole match in the browser, from the lobby to the outcome', async ({ browser }) => {
  // Ten quarters in two browsers: give it room on a busy two-core machine.
  test.setTimeout(360_000);
  const errors: string[] = [];
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  watchErrors(a, errors);
  watchErrors(b, errors);

  // A creates a baseline match and takes the US seat.
  await a.goto('/');
  await expect(a.getByRole('heading', { name: 'Lead Time' })).toBeVisible();
  await a.getByLabel('Your name').fill('Alice');
  await a.getByLabel('Scenario', { exact: true }).selectOption('baseline');
  await expect(a.getByLabel('Quarters', { exact: true })).toHaveValue('10');
  await a.screenshot({ path: `${SCREENS}/home.png` });
  await a.getByRole('button', { name: 'Create match' }).click();
  const codeEl = a.getByTestId('room-code');
  await expect(codeEl).toHaveText(/^[A-Z0-9]{4,}$/);
  const code = (await codeEl.textContent())!.trim();
  await expect(a.getByRole('link', { name: new RegExp(`/join/${code}$`) })).toBeVisible();
  await a.getByRole('button', { name: 'Take seat: United States government' }).click();
  await expect(a.getByText('You are Alice, playing United States government.')).toBeVisible();

  // B joins by typing the code and takes China.
  await b.goto('/');
  await b.getByLabel('Your name').fill('Bo');
  await b.getByLabel('Room code').fill(code);
  await b.getByRole('button', { name: 'Join match' }).click();
  await b.getByRole('button', { name: 'Take seat: PRC government' }).click();
  await expect(b.getByText('You are Bo, playing PRC government.')).toBeVisible();
  await expect(b.getByRole('button', { name: 'Start the match' })).toBeHidden();

  await expect(a.getByText('Taken by Bo')).toBeVisible();
  await a.screenshot({ path: `${SCREENS}/lobby.png`, fullPage: true });
  await a.getByRole('button', { name: 'Start the match' }).click();

  for (const p of [a, b]) await expect(p.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(a.getByRole('region', { name: 'World view' }).locator('canvas')).toBeVisible();
  await expect(a.getByTestId('resources')).toHaveText(/^\d+$/);
  await a.screenshot({ path: `${SCREENS}/game.png` });
  await b.screenshot({ path: `${SCREENS}/game-china.png` });

  let quarters = 0;
  for (;;) {
    await playQuarter(a, quarters);
    await playQuarter(b, quarters);
    quarters += 1;
    const [ra, rb] = [await afterResolution(a), await afterResolution(b)];
    expect(rb).toBe(ra);
    if (ra === 'end') break;
    if (quarters === 1) {
      await a.screenshot({ path: `${SCREENS}/report.png` });
      // The report gives the lead as the seat's own intelligence has it, the figure its intelligence panel shows, beside the public estimate.
      const own = a.getByRole('dialog').getByRole('row', { name: /US lead \(your intelligence\)/ });
      await expect(a.getByRole('dialog').getByRole('row', { name: /US lead \(public estimate\)/ })).toBeVisible();
      const intelLead = a.locator('section[aria-labelledby="intel-h"] tr', { hasText: 'US lead' }).locator('td.num').first();
      await expect
        .poll(async () => [(await own.locator('td').nth(1).textContent())?.split(' (')[0], await intelLead.textContent()])
        .toEqual([expect.stringMatching(/^−?\d+\.\d mo$/), expect.anything()]);
      const [reported, shown] = [(await own.locator('td').nth(1).textContent())!.split(' (')[0], await intelLead.textContent()];
      expect(reported).toBe(shown);
    }
    for (const p of [a, b]) {
      await p.getByRole('dialog').getByRole('button', { name: /^Continue/ }).click();
      await expect(p.getByRole('dialog')).toBeHidden();
    }
    if (quarters === 4) await a.screenshot({ path: `${SCREENS}/game-later.png` });
    expect(quarters).toBeLessThan(10);
  }
  expect(quarters).toBeGreaterThanOrEqual(1);

  // The end screen names the outcome, its reason and deciding figures, and reveals every seat's orders.
  const titles = Object.values(OUTCOME_INFO).map((o) => o.title);
  for (const p of [a, b]) {
    const heading = p.getByTestId('outcome');
    await expect(heading).toHaveText(new RegExp(`^Outcome: (${titles.join('|')})$`));
    await expect(p.getByText(/^Why:/)).toBeVisible();
    await expect(p.getByRole('table', { name: 'Deciding figures' })).toBeVisible();
    const reveal = p.getByTestId('reveal');
    await expect(reveal.getByRole('columnheader', { name: /United States/ })).toBeVisible();
    await expect(reveal.getByRole('rowheader')).toHaveCount(quarters);
  }
  await a.screenshot({ path: `${SCREENS}/end.png`, fullPage: true });
  await a.screenshot({ path: `${SCREENS}/end-viewport.png` });
  expect(errors).toEqual([]);
  await ctxA.close();
  await ctxB.close();
});
