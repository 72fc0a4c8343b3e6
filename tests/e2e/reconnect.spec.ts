import { expect, test } from '@playwright/test';
import { startMatch } from './start-match.js';

test('a reload rejoins the match in the same seat', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const code = await startMatch(page, { name: 'Solo' });
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  // An order drafted but not submitted survives the reload.
  await page.locator('.actions-list').getByRole('checkbox').first().check();
  await page.locator('.actions-list select').first().selectOption('2');
  // So does a chat message written and not sent.
  await page.getByTestId('chat').getByLabel('Message').fill('Half a thought about the pact');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Connected/);
  await expect(page.getByText('Solo · United States')).toBeVisible();

  await expect(page.locator('.actions-list').getByRole('checkbox').first()).toBeChecked();
  await expect(page.locator('.actions-list select').first()).toHaveValue('2');
  await expect(page.getByTestId('chat').getByLabel('Message')).toHaveValue('Half a thought about the pact');
  await page.getByRole('button', { name: 'Submit 1 order' }).click();
  await expect(page.getByRole('dialog', { name: 'Quarter report: 2026 Q3 resolved' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the home address, typed during a match, opens the home page and offers the match back', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const code = await startMatch(page, { name: 'Wanderer' });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Create match' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Your last match' });
  await expect(card).toContainText(`This tab was in match ${code}`);
  await card.getByRole('button', { name: `Return to ${code}` }).click();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(page.getByText('Wanderer · United States')).toBeVisible();

  // Left, it is not offered again, and the seat is free at once (its bot plays it).
  await page.goto('/');
  await page.getByRole('region', { name: 'Your last match' }).getByRole('button', { name: `Leave match ${code}` }).click();
  await expect(page.getByRole('region', { name: 'Your last match' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Create match' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your last match' })).toHaveCount(0);
  await page.goto(`/join/${code}`);
  await page.getByRole('button', { name: 'Join match' }).click();
  await expect(page.getByText('You hold no seat yet: take a free one, or join a held one as a teammate, from the orders panel.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Take United States (United States government)' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('in the last half-minute the header warns a seat that has not submitted; Leave asks to be pressed again', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await startMatch(page, { name: 'Late', timerSeconds: 45 });
  const countdown = page.locator('.game-top .countdown');
  await expect(countdown).toHaveText(/^Time left 0:[34]\d$/);
  await expect(countdown).toHaveText(/^Time left 0:[0-2]\d · submit, or your bot orders for you$/, { timeout: 25_000 });
  await expect(countdown).toHaveClass(/urgent/);
  // Once the orders are in, the warning has nothing left to ask.
  await page.getByRole('button', { name: 'Submit no orders (hold)' }).click();
  await expect(page.getByRole('dialog', { name: 'Quarter report: 2026 Q3 resolved' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Quarter report: 2026 Q3 resolved' }).getByRole('button', { name: /^Continue/ }).click();

  // Leave: the first press only asks; it calms down by itself; the second press leaves.
  const leave = page.getByRole('banner').getByRole('button', { name: 'Leave', exact: true });
  await leave.click();
  const armed = page.getByRole('banner').getByRole('button', { name: 'Leave the match? Press again' });
  await expect(armed).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q4' })).toBeVisible();
  await expect(leave).toBeVisible({ timeout: 10_000 });
  await leave.click();
  await armed.click();
  await expect(page.getByRole('button', { name: 'Create match' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your last match' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
