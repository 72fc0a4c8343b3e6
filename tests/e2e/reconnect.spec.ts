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

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Connected/);
  await expect(page.getByText('Solo · United States')).toBeVisible();

  await expect(page.locator('.actions-list').getByRole('checkbox').first()).toBeChecked();
  await expect(page.locator('.actions-list select').first()).toHaveValue('2');
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

  // Forgotten, it is not offered again.
  await page.goto('/');
  await page.getByRole('region', { name: 'Your last match' }).getByRole('button', { name: `Forget match ${code}` }).click();
  await expect(page.getByRole('region', { name: 'Your last match' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Create match' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your last match' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
