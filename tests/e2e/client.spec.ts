import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startMatch } from './start-match.js';

/**
 * The client people look at: the real map and its flows, dashboards, the order preview, the guide and
 * "why this number?", keyboard-only play, a phone-sized run, and axe checks on every screen.
 */

const SCREENS = 'test-results/screens';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Count the pixels of an element's screenshot that differ from a background colour. */
async function paintedShare(page: Page, png: Buffer, bg: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ b64, bg }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 10) n++;
      return n / (d.length / 4);
    },
    { b64: png.toString('base64'), bg },
  );
}

async function axeCheck(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the map is drawn and lists the flows of a seeded quarter, as China knows them', async ({ page }) => {
  const errors = watchErrors(page);
  await startMatch(page, { seat: 'PRC government', seed: 'e2e-flows-9' });
  const world = page.getByRole('region', { name: 'World view' });
  const canvas = world.locator('canvas');
  await expect(canvas).toBeVisible();
  await expect(world).toHaveAttribute('data-ready', 'true');

  // The canvas is painted: much of it differs from the canvas's background colour (the ocean, the countries, bars and gauges).
  await expect.poll(async () => paintedShare(page, await canvas.screenshot(), [0x0d, 0x13, 0x20]), { timeout: 15_000 }).toBeGreaterThan(0.45);
  await page.screenshot({ path: `${SCREENS}/map-china-start.png` });

  // China knows its own supply by source exactly: the flow list says so in words.
  const flows = page.getByTestId('flow-list');
  await expect(flows.locator('li[data-flow="smuggled"]')).toContainText(/Chip smuggling route: .* → China, [\d.]+k? H100e \(exact\)/);
  await expect(flows.locator('li[data-flow="offshore"]')).toContainText('(exact)');
  await expect(flows.locator('li[data-flow="legal"]')).toContainText('Licensed chip sales: United States → China');

  // Order a smuggling push and see the estimate move before submitting.
  await page.getByRole('checkbox', { name: 'Run smuggling networks' }).check();
  await page.locator('#act-cn-smuggling-int').selectOption('3');
  const preview = page.getByRole('region', { name: /Expected effect of these orders/ });
  await expect(preview.getByRole('row', { name: /smuggled/ })).toContainText(/\+\d/);
  await expect(page.getByText(/^Estimate: .*smuggled \+/)).toBeVisible();
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/order-preview.png` });

  await page.getByRole('button', { name: /^Submit 1 order$/ }).click();
  const report = page.getByRole('dialog', { name: /Quarter report/ });
  await expect(report).toBeVisible();
  // What moved tension, cause by cause, each with its signed points.
  const why = report.getByTestId('report-tension-why');
  await expect(why.locator('li').first()).toHaveText(/^[+−]\d+\.\d /);
  await report.screenshot({ path: `${SCREENS}/quarter-report.png` });
  await report.getByRole('button', { name: /^Continue/ }).click();
  await expect(report).toBeHidden();

  // After the resolved quarter: the seat's own covert order and its exact figure, matching the intelligence table.
  const smuggled = flows.locator('li[data-flow="smuggled"]');
  await expect(smuggled).toHaveAttribute('data-basis', 'exact');
  const figure = (await smuggled.textContent())!.match(/→ China, ([\d.]+k?) H100e/)![1];
  await expect(page.getByRole('table', { name: /PRC new compute this quarter, by source/ }).getByRole('row', { name: /^Smuggled/ })).toContainText(figure);
  // Hover a flow button: the map lights it up and a tooltip gives the figure.
  await smuggled.getByRole('button').hover();
  await expect(page.getByRole('tooltip')).toContainText('Chip smuggling route');
  await page.screenshot({ path: `${SCREENS}/map-china-q2.png` });

  // The dashboard charts the quarters so far.
  const dash = page.getByRole('region', { name: 'Dashboard: the quarters so far' });
  await expect(dash.locator('figure[data-chart="lead"] canvas')).toBeVisible();
  await expect(dash.locator('figure[data-chart]')).toHaveCount(4);
  await dash.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/dashboard.png` });
  expect(errors).toEqual([]);
});

test('keyboard only: skip to the orders, pick an action, submit, continue', async ({ page }) => {
  const errors = watchErrors(page);
  await startMatch(page, { seat: 'United States government', seed: 'e2e-keys-6' });
  // The new screen puts focus on its heading; the first Tab reaches "Skip to orders".
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to orders' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The next Tab lands in the orders form: the first action's checkbox.
  await page.keyboard.press('Tab');
  const first = page.locator('.actions-list input[type=checkbox]').first();
  await expect(first).toBeFocused();
  // Focus is visible: a real outline.
  expect(await first.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  // Enter on a checkbox toggles it, like Space; it does not submit the orders (they are final once sent).
  await page.keyboard.press('Enter');
  await expect(first).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Submit no orders (hold)' })).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(first).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Quarter report/ })).toBeHidden();
  await page.screenshot({ path: `${SCREENS}/keyboard-order.png` });
  // Tab on to the submit button: as many presses as there are controls between the two.
  const submit = page.getByRole('button', { name: /^Submit 1 order$/ });
  const presses = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.offsetParent !== null,
    );
    const from = all.indexOf(document.activeElement as HTMLElement);
    const to = all.findIndex((e) => /^Submit 1 order$/.test(e.textContent ?? ''));
    return to - from;
  });
  expect(presses).toBeGreaterThan(0);
  for (let i = 0; i < presses; i++) await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  const report = page.getByRole('dialog', { name: /Quarter report/ });
  await expect(report).toBeVisible();
  await expect(report.getByRole('button', { name: /^Continue/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(report).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q4' })).toBeVisible();
  // Keyboard users carry on at the new quarter's orders.
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q4' })).toBeFocused();
  // Ctrl+Enter submits from anywhere in the form, without tabbing through the whole catalogue.
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Submit 1 order$/ })).toHaveAttribute('aria-keyshortcuts', /Control\+Enter/);
  await page.keyboard.press('Control+Enter');
  await expect(report).toBeVisible();
  await expect(page.getByRole('dialog', { name: /Quarter report/ })).toContainText('2026 Q4');
  await page.keyboard.press('Enter');
  await expect(report).toBeHidden();

  // The guide and "why this number?" work from the keyboard too.
  const help = page.getByRole('button', { name: 'Help' });
  await help.focus();
  await page.keyboard.press('Enter');
  const guide = page.getByRole('dialog', { name: 'Welcome to Lead Time' });
  await expect(guide).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'The lead, at the top of the map' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/guide.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  const why = page.getByRole('button', { name: 'Why this number? Sources for US lead over PRC (months)' });
  await why.focus();
  await page.keyboard.press('Enter');
  const pop = page.getByTestId('why-popover');
  await expect(pop).toBeVisible();
  await expect(pop).toContainText('Opening lead: 7 months');
  await expect(pop.getByRole('link').first()).toHaveAttribute('href', /^https?:\/\//);
  await page.screenshot({ path: `${SCREENS}/why-this-number.png` });
  await page.keyboard.press('Escape');
  await expect(pop).toBeHidden();
  // An action's "?" says what the action does, per step, before its sources.
  await page.getByRole('button', { name: 'Sources behind this action' }).first().click();
  await expect(pop).toBeVisible();
  await expect(pop.locator('.why-about')).toContainText(/Per step of intensity: .+ [+−]\d+/);
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('on a phone (390×844) a player can read the world, give orders and read the end screen', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  await page.screenshot({ path: `${SCREENS}/phone-home.png` });
  await startMatch(page, { seat: 'American frontier lab', seed: 'e2e-phone-3', name: 'Pat', quarters: 2 });
  // The orders come straight after the map, within two screens of the top, before the dashboard's charts.
  const ordersTop = await page.getByRole('heading', { name: /^Orders for/ }).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const chartsTop = await page.getByRole('heading', { name: 'Dashboard: the quarters so far' }).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  expect(ordersTop).toBeLessThan(2 * 844);
  expect(ordersTop).toBeLessThan(chartsTop);
  // Nothing sideways: the page fits the phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
  await expect(page.getByRole('region', { name: 'World view' }).locator('canvas')).toBeVisible();
  await expect(page.getByTestId('flow-list')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/phone-game.png` });
  await expect(page.getByRole('table', { name: 'Frontier lead and compute' })).toBeVisible();
  const box = page.getByRole('checkbox', { name: 'Run safety evaluations' });
  await box.scrollIntoViewIfNeeded();
  await box.tap();
  await expect(box).toBeChecked();
  const submit = page.getByRole('button', { name: /^Submit 1 order$/ });
  await expect(submit).toBeInViewport();
  await page.screenshot({ path: `${SCREENS}/phone-orders.png` });
  await submit.tap();
  const report = page.getByRole('dialog', { name: /Quarter report/ });
  await expect(report).toBeVisible();
  await expect(report.getByRole('button', { name: /^Continue/ })).toBeInViewport();
  // The report scrolls on its own, so it takes keyboard focus.
  await expect(report.getByRole('region', { name: /Quarter report/ })).toHaveAttribute('tabindex', '0');
  await page.screenshot({ path: `${SCREENS}/phone-report.png` });
  await report.getByRole('button', { name: /^Continue/ }).tap();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q4' })).toBeVisible();
  // The last quarter: the end screen fits the phone too (wide tables scroll inside their own box).
  await page.getByRole('button', { name: /^Submit (no orders|\d+ orders?)/ }).tap();
  await expect(page.getByTestId('outcome')).toHaveText(/^Outcome: /);
  await expect(page.getByTestId('analysis').getByText(/Match record loaded: \d+ quarters/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENS}/phone-end.png`, fullPage: true });
  await axeCheck(page, 'phone end');
  expect(errors).toEqual([]);
  await ctx.close();
});

test('axe finds no serious or critical problems on the home, lobby, game and end screens', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Lead Time' })).toBeVisible();
  await axeCheck(page, 'home');
  await page.getByLabel('Your name').fill('Axe');
  await page.getByLabel('Quarters', { exact: true }).fill('1');
  await page.getByLabel('Seed (optional)').fill('e2e-axe-1');
  await page.getByLabel('Private — not listed; join by code or link only').check();
  await page.getByRole('button', { name: 'Create match' }).click();
  await page.getByRole('button', { name: 'Take seat: United States government' }).click();
  await expect(page.getByText('You are Axe, playing United States government.')).toBeVisible();
  await axeCheck(page, 'lobby');
  await page.getByRole('button', { name: 'Start the match' }).click();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'World view' })).toHaveAttribute('data-ready', 'true');
  await page.getByRole('checkbox', { name: 'Fund export enforcement' }).check();
  await axeCheck(page, 'game');
  await page.getByRole('button', { name: /^Submit 1 order$/ }).click();
  await expect(page.getByTestId('outcome')).toHaveText(/^Outcome: /);
  await expect(page.getByTestId('scores')).toBeVisible();
  await expect(page.getByTestId('epilogue')).not.toBeEmpty();
  await page.screenshot({ path: `${SCREENS}/end-outcome.png` });
  await page.getByTestId('scores').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/end-scores.png` });
  await axeCheck(page, 'end');
});
