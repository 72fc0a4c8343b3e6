import { expect, test } from '@playwright/test';

test('in a match without Control or timer, the host closes a quarter a player never submits for', async ({ browser }) => {
  const errors: string[] = [];
  const host = await (await browser.newContext()).newPage();
  const other = await (await browser.newContext()).newPage();
  for (const p of [host, other]) p.on('pageerror', (e) => errors.push(e.message));
  await host.goto('/');
  await host.getByLabel('Your name').fill('Host Ada');
  await host.getByLabel('Seed (optional)').fill('e2e');
  await host.getByLabel('Private — not listed; join by code or link only').check();
  await host.getByRole('button', { name: 'Create match' }).click();
  const code = (await host.getByTestId('room-code').textContent())!.trim();
  await host.getByRole('button', { name: 'Take seat: United States government' }).click();
  await other.goto(`/join/${code}`);
  await other.getByLabel('Your name').fill('Bo');
  await other.getByRole('button', { name: 'Join match' }).click();
  await other.getByRole('button', { name: 'Take seat: PRC government' }).click();
  await expect(other.getByText('You are Bo, playing PRC government.')).toBeVisible();
  await host.getByRole('button', { name: 'Start the match' }).click();
  for (const p of [host, other]) await expect(p.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();

  await host.getByRole('button', { name: 'Submit no orders (hold)' }).click();
  await expect(host.getByText(/Orders accepted for 2026 Q3/)).toBeVisible();
  const panel = host.getByTestId('host-close');
  await expect(panel).toContainText('Still deciding: China. This match has no timer.');
  // Only the host is offered it.
  await expect(other.getByTestId('host-close')).toBeHidden();
  // Armed and left alone, the confirmation lapses and says that nothing was done.
  await panel.getByRole('button', { name: 'Close the quarter now' }).click();
  await expect(panel.getByRole('status')).toHaveText('Click again within 8 seconds to confirm.');
  await expect(panel.getByRole('status')).toHaveText('Not confirmed within 8 seconds: nothing was done.');
  await expect(panel.getByRole('button', { name: 'Close the quarter now' })).toBeVisible();
  await expect(host.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await panel.getByRole('button', { name: 'Close the quarter now' }).click();
  await panel.getByRole('button', { name: /^Confirm: close it/ }).click();
  await expect(host.getByRole('dialog', { name: 'Quarter report: 2026 Q3 resolved' })).toBeVisible();
  const report = other.getByRole('dialog', { name: 'Quarter report: 2026 Q3 resolved' });
  await expect(report).toBeVisible();
  await expect(report.getByTestId('report-bot-orders')).toBeVisible();
  expect(errors).toEqual([]);
});
