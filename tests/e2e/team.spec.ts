import { expect, test, type Browser, type Page } from '@playwright/test';

const SCREENS = 'test-results/screens';

async function page(browser: Browser, errors: string[]): Promise<Page> {
  const p = await (await browser.newContext()).newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  return p;
}

test('a second Control screen from the Control link; two people play one seat as a team and see each other’s draft; chat rate limits are explained; Control ends the match early', async ({ browser }) => {
  const errors: string[] = [];
  const ctl = await page(browser, errors);
  await ctl.goto('/');
  await ctl.getByLabel('Your name').fill('Control');
  await ctl.getByLabel('Quarters', { exact: true }).fill('2');
  await ctl.getByLabel('Seed (optional)').fill('e2e-team');
  await ctl.getByRole('button', { name: 'Create an exercise as Control' }).click();
  await expect(ctl.getByRole('heading', { name: 'Before the start' })).toBeVisible();
  const code = (await ctl.getByTestId('room-code').textContent())!.trim();
  const key = await ctl.evaluate((k) => JSON.parse(localStorage.getItem('leadtime:control-keys') ?? '{}')[k]?.key as string, code);

  // A second Control screen opens the Control link; the key leaves the address bar at once.
  const ctl2 = await page(browser, errors);
  await ctl2.goto(`/control/${code}#key=${encodeURIComponent(key)}`);
  await expect(ctl2.getByRole('heading', { name: 'Before the start' })).toBeVisible();
  expect(ctl2.url()).not.toContain(key);
  await expect(ctl2.getByTestId('room-code')).toHaveText(code);

  // Two people on the US seat.
  const a = await page(browser, errors);
  const b = await page(browser, errors);
  for (const [p, name] of [[a, 'Ana'], [b, 'Ben']] as const) {
    await p.goto(`/join/${code}`);
    await p.getByLabel('Your name').fill(name);
    await p.getByRole('button', { name: 'Join match' }).click();
  }
  await a.getByRole('button', { name: 'Take seat: United States government' }).click();
  await expect(a.getByText('You are Ana, playing United States government.')).toBeVisible();
  await b.getByRole('button', { name: 'Join the team on seat: United States government' }).click();
  await expect(b.getByText('You are Ben, playing United States government.')).toBeVisible();
  await expect(ctl.getByTestId('control-seats').locator('tr[data-seat="US"]')).toContainText('team of 2');
  await ctl2.getByRole('button', { name: 'Start the exercise' }).click();

  for (const p of [a, b]) await expect(p.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(b.getByTestId('team')).toContainText('team of 2');
  // Ana drafts; Ben sees her draft live, and the other way round.
  await a.getByLabel('Fund export enforcement').check();
  await expect(b.getByTestId('team-draft')).toContainText('Ana’s draft');
  await expect(b.getByTestId('team-draft')).toContainText('Fund export enforcement');
  await b.getByLabel('Open a dialogue with Beijing').check();
  await expect(a.getByTestId('team-draft')).toContainText('Ben’s draft');
  await expect(a.getByTestId('team-draft')).toContainText('Open a dialogue with Beijing');
  await a.screenshot({ path: `${SCREENS}/team-player.png` });
  // Ana's form is not Ben's draft: she is told whose orders Submit would send, and takes his draft over.
  await expect(a.getByTestId('team-draft-differs')).toContainText('Submit sends the orders in your form');
  // And beside Submit, where it matters.
  await expect(a.locator('.orders-form').getByText('Ben’s latest draft differs from your form: Submit sends your form (the team panel can take theirs).')).toBeVisible();
  await a.getByRole('button', { name: 'Use Ben’s draft' }).click();
  await expect(a.getByLabel('Open a dialogue with Beijing')).toBeChecked();
  await expect(a.getByLabel('Fund export enforcement')).not.toBeChecked();
  await expect(a.getByTestId('team-draft-differs')).toHaveCount(0);

  // A third teammate joining mid-quarter starts from the seat's shared draft (Ana's, since she took Ben's), not from an empty form.
  const c = await page(browser, errors);
  await c.goto(`/join/${code}`);
  await c.getByLabel('Your name').fill('Cy');
  await c.getByRole('button', { name: 'Join match' }).click();
  await c.getByRole('button', { name: 'Join United States as teammate (United States government)' }).click();
  await expect(c.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(c.getByLabel('Open a dialogue with Beijing')).toBeChecked();
  await expect(c.getByLabel('Fund export enforcement')).not.toBeChecked();
  await expect(c.getByText('Your form starts from Ana’s shared draft for the seat.')).toBeVisible();
  await c.close();

  // The team channel, then too many messages at once: the refusal is explained and the text kept.
  const neg = a.getByTestId('negotiation');
  await neg.getByRole('tab', { name: /^Team/ }).click();
  // Six at once, then one every two seconds: keep posting until the room refuses one.
  for (let i = 1; i <= 30 && !(await neg.getByTestId('chat-error').textContent()); i++) {
    await neg.getByLabel('Message').fill(`team note ${i}`);
    await neg.getByLabel('Message').press('Enter');
  }
  await expect(neg.getByTestId('chat-error')).toHaveText(/slow down/i);
  await expect(b.getByTestId('negotiation').getByRole('tab', { name: /^Team.*unread/ })).toBeVisible();
  await expect(neg.getByLabel('Message')).toHaveValue(/team note \d/);
  // Control reads the team channel.
  await expect(ctl.getByTestId('chat').getByTestId('chat-log')).toContainText('team note 1');

  // Control ends the exercise early, with a reason the table reads.
  await ctl2.getByText('End the match early').click();
  await ctl2.getByLabel('Reason for ending (optional)').fill('Out of time: debrief now');
  await ctl2.getByRole('button', { name: 'End the match', exact: true }).click();
  await ctl2.getByRole('button', { name: 'Confirm: end the match now' }).click();
  for (const p of [ctl, ctl2, a, b]) await expect(p.getByTestId('outcome')).toHaveText(/^Outcome: /);
  await expect(a.getByTestId('analysis').getByText(/^Match record loaded: 0 quarters/)).toBeVisible();
  expect(errors).toEqual([]);
});
