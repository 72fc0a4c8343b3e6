import { expect, test, type Browser, type Page } from '@playwright/test';

const SCREENS = 'test-results/screens';

type Client = { page: Page; frames: string[]; errors: string[] };

/** A browser context of its own, with every WebSocket frame it receives kept as text for leak checks. */
async function open(browser: Browser): Promise<Client> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const frames: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'))));
  return { page, frames, errors };
}

async function joinAs(c: Client, code: string, name: string, seat: string) {
  const p = c.page;
  await p.goto(`/join/${code}`);
  await p.getByLabel('Your name').fill(name);
  await p.getByRole('button', { name: 'Join match' }).click();
  await p.getByRole('button', { name: `Take seat: ${seat}` }).click();
  await expect(p.getByText(`You are ${name}, playing ${seat}.`)).toBeVisible();
}

async function holdAndWait(p: Page) {
  const hold = p.getByRole('button', { name: 'Submit no orders (hold)' });
  await expect(hold).toBeEnabled();
  await hold.click();
  await expect(p.getByText(/Orders accepted for \d{4} Q\d/).or(p.getByRole('dialog', { name: /Quarter report/ })).first()).toBeVisible();
}

async function continueReport(p: Page, quarter: string) {
  const dialog = p.getByRole('dialog', { name: `Quarter report: ${quarter} resolved` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /^Continue/ }).click();
  await expect(dialog).toBeHidden();
}

test('Control, two players and a projector run a facilitated exercise', async ({ browser }) => {
  test.setTimeout(180_000);
  const ctl = await open(browser);
  const us = await open(browser);
  const cn = await open(browser);
  const pj = await open(browser);

  // Control creates a facilitated 3-quarter exercise with a 10-minute orders timer.
  const c = ctl.page;
  await c.goto('/');
  await c.getByLabel('Your name').fill('Control');
  await c.getByLabel('Scenario', { exact: true }).selectOption('baseline');
  await c.getByLabel('Quarters', { exact: true }).fill('3');
  await c.getByLabel('Order timer (seconds)').fill('600');
  // Seeded, as every e2e match is (tests/e2e/start-match.ts): a random seed may end the match early.
  await c.getByLabel('Seed (optional)').fill('e2e-exercise');
  await c.getByRole('button', { name: 'Create an exercise as Control' }).click();
  await expect(c.getByRole('heading', { name: 'Before the start' })).toBeVisible();
  const code = (await c.getByTestId('room-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4,}$/);
  // The key stays on Control's machine and is never drawn on the page.
  const key = await c.evaluate((k) => JSON.parse(localStorage.getItem('leadtime:control-keys') ?? '{}')[k]?.key as string | undefined, code);
  expect(key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect(await c.locator('body').innerText()).not.toContain(key!);

  await joinAs(us, code, 'Ana', 'United States government');
  await joinAs(cn, code, 'Bo', 'PRC government');

  // The projector joins from the link on Control's console (spectator preselected).
  const projectorHref = await c.getByTestId('projector-link').getAttribute('href');
  await pj.page.goto(projectorHref!);
  await pj.page.getByLabel('Your name').fill('Projector');
  await expect(pj.page.getByLabel(/Spectator \/ projector/)).toBeChecked();
  await pj.page.getByRole('button', { name: 'Join match' }).click();
  await expect(pj.page.getByText('Join this exercise')).toBeVisible();
  await expect(pj.page.locator('.pj-code')).toHaveText(code);

  await expect(c.getByTestId('control-seats').locator('tr[data-seat="CN"]')).toContainText('Bo');
  await c.screenshot({ path: `${SCREENS}/control-lobby.png`, fullPage: true });
  await c.getByRole('button', { name: 'Start the exercise' }).click();
  for (const p of [us.page, cn.page]) await expect(p.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();
  await expect(pj.page.getByTestId('dashboard').locator('[data-figure="lead"]')).toBeVisible();
  await expect(pj.page.getByTestId('countdown')).toHaveText(/Time left \d+:\d\d/);

  // Chat: a public message, then bilateral US–China talk.
  const usNeg = us.page.getByTestId('negotiation');
  const cnNeg = cn.page.getByTestId('negotiation');
  await usNeg.getByLabel('Message').fill('Good morning from Washington');
  await usNeg.getByRole('button', { name: 'Send' }).click();
  await usNeg.getByRole('tab', { name: /^China/ }).click();
  await expect(usNeg.getByText(/Bilateral with PRC government/)).toBeVisible();
  await usNeg.getByLabel('Message').fill('PRIVATE-US-CN hotline offer <b>not bold</b>');
  await expect(usNeg.locator('.chat-count')).toHaveText(/^\d+\/500$/);
  await usNeg.getByLabel('Message').press('Enter');
  await expect(usNeg.getByTestId('chat-log')).toContainText('PRIVATE-US-CN hotline offer <b>not bold</b>');
  // China sees an unread bilateral message, opens it, answers.
  await expect(cnNeg.getByRole('tab', { name: /^United States.*1 unread/ })).toBeVisible();
  await cnNeg.getByRole('tab', { name: /^United States/ }).click();
  await expect(cnNeg.getByTestId('chat-log')).toContainText('PRIVATE-US-CN hotline offer <b>not bold</b>');
  expect(await cnNeg.getByTestId('chat-log').locator('b').count()).toBe(0);
  await cnNeg.getByLabel('Message').fill('PRIVATE-CN-US we accept talks');
  await cnNeg.getByRole('button', { name: 'Send' }).click();
  await expect(usNeg.getByTestId('chat-log')).toContainText('PRIVATE-CN-US we accept talks');
  // Control reads every channel.
  const ctlChat = c.getByTestId('chat');
  await expect(ctlChat.getByTestId('chat-log')).toContainText('PRIVATE-CN-US we accept talks');
  await expect(ctlChat.getByTestId('chat-log')).toContainText('Good morning from Washington');
  // The projector reads the public channel only: the bilateral talk never reaches it, not even on the wire.
  const pjChat = pj.page.getByTestId('chat');
  await expect(pjChat.getByTestId('chat-log')).toContainText('Good morning from Washington');
  await expect(pjChat.getByTestId('chat-log')).not.toContainText('PRIVATE');
  expect(pj.frames.join('\n')).not.toContain('PRIVATE-');
  await expect(pjChat.getByLabel('Message')).toBeHidden();

  // An agreement: the US proposes an incident hotline to China, China accepts.
  await usNeg.getByLabel('Terms').selectOption('incident-hotline');
  await expect(usNeg.getByText('Proposing to China.')).toBeVisible();
  await usNeg.getByRole('button', { name: 'Propose' }).click();
  await expect(usNeg.getByTestId('proposals')).toContainText('Incident hotline');
  await cnNeg.getByRole('button', { name: 'Accept Incident hotline' }).click();
  for (const neg of [usNeg, cnNeg]) await expect(neg.getByTestId('proposals').locator('[data-status="agreed"]')).toBeVisible();
  await expect(c.getByTestId('agreements').getByTestId('proposals')).toContainText('Incident hotline');

  // Control pauses the clock: the projector says so; then resumes.
  await c.getByRole('button', { name: 'Pause the clock' }).click();
  await expect(pj.page.getByText('Paused by Control')).toBeVisible();
  await expect(c.getByTestId('control-feedback')).toHaveText(/The clock is paused/);
  await expect(pj.page.getByTestId('countdown')).toHaveText(/^Paused · \d+:\d\d left$/);
  // Players keep the clock too: their header says the match is paused and how long will be left.
  await expect(cn.page.locator('.game-top .countdown')).toHaveText(/^Paused by Control · \d+:\d\d left$/);
  await c.getByRole('button', { name: 'Resume the clock' }).click();
  await expect(pj.page.getByText('Paused by Control')).toBeHidden();
  await expect(pj.page.getByTestId('countdown')).toHaveText(/Time left \d+:\d\d/);
  await expect(cn.page.locator('.game-top .countdown')).toHaveText(/^Time left \d+:\d\d/);

  // Control injects a card from the deck for the coming resolution.
  await c.getByLabel('Event card').selectOption('efficiency-shock');
  await c.getByRole('button', { name: 'Schedule for the coming resolution' }).click();
  await expect(c.getByTestId('control-feedback')).toHaveText(/fires at the coming resolution/);

  // An adjustment needs a written reason; the table reads it.
  await c.getByLabel('Figure', { exact: true }).selectOption('tension');
  await c.getByLabel('New value').fill('40');
  const setBtn = c.getByRole('button', { name: 'Set the figure' });
  await expect(setBtn).toBeDisabled();
  await c.getByLabel('Reason (required)').fill('Back-channel talks calmed the Strait');
  await expect(setBtn).toBeEnabled();
  await setBtn.click();
  await expect(us.page.getByTestId('table-notices')).toContainText('Back-channel talks calmed the Strait');
  await expect(pj.page.getByTestId('dashboard').locator('[data-figure="tension"] .xtile-value')).toHaveText('40');
  // Shares are typed as percentages.
  await c.getByLabel('Figure', { exact: true }).selectOption('adoption');
  await c.getByLabel('Region').selectOption({ label: 'Compute hubs' });
  await expect(c.locator('.ctl-adjust')).toContainText(/Range 0–100%\. Now \d+(\.\d)?%\./);
  await c.getByLabel('New value').fill('45');
  await c.getByLabel('Reason (required)').fill('Gulf deal announced');
  await setBtn.click();
  await expect(us.page.getByTestId('table-notices')).toContainText(/Control set .* to 45(\.0)?%/);
  await c.screenshot({ path: `${SCREENS}/control-console.png`, fullPage: true });
  await pj.page.screenshot({ path: `${SCREENS}/projector.png` });

  // Quarter 1: both hold; the agreement is signed and the injected card fires.
  await holdAndWait(us.page);
  await holdAndWait(cn.page);
  // The quarter report names what Control changed before the quarter resolved, apart from the resolution's own change.
  await expect(us.page.getByTestId('report-moved')).toContainText(/Control set Tension from \d+ to 40/);
  for (const p of [us.page, cn.page]) await continueReport(p, '2026 Q3');
  await expect(pj.page.getByTestId('projector-agreements')).toContainText('Incident hotline');
  await expect(pj.page.locator('.pj-recent')).toContainText('A cheap model shocks the market');
  await expect(usNeg.getByTestId('agreements-active')).toContainText('Incident hotline');
  await expect(pj.page.getByTestId('quarter')).toHaveText('2026 Q4');
  await pj.page.screenshot({ path: `${SCREENS}/projector-q2.png` });

  // Control's feedback belonged to the last quarter: it is gone now.
  await expect(c.getByTestId('control-feedback')).toBeEmpty();

  // Quarter 2: Control hands China to its bot and back; both seats then hold. A seat no one holds is the bot's already.
  await expect(c.getByTestId('control-seats').locator('tr[data-seat="EU"]').getByRole('button')).toHaveCount(0);
  const cnRow = c.getByTestId('control-seats').locator('tr[data-seat="CN"]');
  await cnRow.getByRole('button', { name: 'Hand China to its bot' }).click();
  await expect(cnRow.locator('.played-by')).toHaveText('bot (handed over)');
  // China's players see it: the form is locked and says who orders.
  await expect(cn.page.getByText('Control has handed China to its bot: the bot gives the orders until Control hands the seat back to you.')).toBeVisible();
  await expect(cn.page.getByRole('button', { name: 'Its bot gives the orders' })).toBeDisabled();
  await expect(cn.page.locator('.actions-list').getByRole('checkbox').first()).toBeDisabled();
  await cnRow.getByRole('button', { name: 'Hand China back to its players' }).click();
  await expect(cnRow.locator('.played-by')).toHaveText('people');
  await expect(cn.page.getByRole('button', { name: 'Submit no orders (hold)' })).toBeEnabled();
  await expect(cn.page.getByText(/Control has handed China to its bot/)).toBeHidden();
  await holdAndWait(us.page);
  await holdAndWait(cn.page);
  for (const p of [us.page, cn.page]) await continueReport(p, '2026 Q4');

  // Quarter 3: only the US submits; Control advances the quarter (China's bot orders), which ends the match.
  await holdAndWait(us.page);
  await expect(c.getByTestId('control-seats').locator('tr[data-seat="US"]')).toContainText('submitted');
  await c.getByRole('button', { name: 'Advance: resolve the quarter now' }).click();
  await c.getByRole('button', { name: /^Confirm: resolve now/ }).click();
  for (const p of [c, us.page, cn.page, pj.page]) await expect(p.getByTestId('outcome')).toHaveText(/^Outcome: /);
  // The record replays this facilitated match exactly (negotiation, inject, adjustment and hand-over included).
  await expect(c.getByTestId('analysis').getByText(/^Match record loaded: 3 quarters/)).toBeVisible();
  await c.screenshot({ path: `${SCREENS}/control-end.png` });
  // The projector's end screen is for the room: large type across the whole width.
  await expect(pj.page.locator('main.end')).toHaveClass(/end-projector/);
  await expect(c.locator('main.end')).not.toHaveClass(/end-projector/);
  await pj.page.screenshot({ path: `${SCREENS}/projector-end.png` });

  // The facilitator key never reached a player or the projector.
  for (const x of [us, cn, pj]) expect(x.frames.join('\n')).not.toContain(key!);
  for (const x of [ctl, us, cn, pj]) expect(x.errors).toEqual([]);
});
