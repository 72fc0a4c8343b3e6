import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { drill as drillOf } from '../fixtures/drill.js';

const SCREENS = 'test-results/screens';

/** The drill (tests/fixtures/drill.ts) from the baseline's file as written. */
function drill(): Record<string, unknown> {
  return drillOf(JSON.parse(readFileSync('shared/scenarios/baseline.json', 'utf8')));
}

const file = (name: string, body: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body, null, 2)) });

test('a facilitator plays a scenario of their own, adjusted in the form or loaded from a file: problems are listed by field, then the match runs on its figures to its end', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByLabel('Your name').fill('Ada');
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'A scenario of your own (adjust one, or load a file)…' });
  const picker = page.getByLabel('Or load a scenario file');
  await expect(picker).toBeVisible();
  // The form starts from a built-in scenario, under a name and id of its own.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Baseline 2026 (adjusted)');
  await expect(page.getByLabel('Id', { exact: true })).toHaveValue('baseline-adjusted');
  await expect(page.getByText('No figure changed yet: every figure has its source.')).toBeVisible();

  // A broken file: every problem is named by its field, and nothing is created.
  const broken = drill() as { start: Record<string, unknown>; id: string };
  broken.start.tension = { value: 140, source: 'facilitator' };
  await picker.setInputFiles(file('broken.json', broken));
  const fileProblems = page.locator('.own-status .own-problems li');
  await expect(page.getByText('broken.json cannot be played: 1 problem.')).toBeVisible();
  await expect(fileProblems).toHaveText(['start.tension.value: 140 is out of bounds: from 0 to 100']);
  // Several at once, in a facilitator's words: a misspelt field, a bare number.
  const typos = drill() as { start: Record<string, unknown>; params: Record<string, { source: string }> };
  typos.start.tenson = typos.start.tension;
  delete typos.start.tension;
  typos.start.misuse = 0.2;
  await picker.setInputFiles(file('seminar.json', typos));
  await expect(fileProblems).toHaveText([
    'start.misuse: write a figure with its source, as {"value": 0.2, "source": "facilitator"}, not a bare number',
    'start.tenson: unknown field "tenson" (not part of the scenario format) — did you mean "tension"?',
  ]);
  await page.locator('.own-status').screenshot({ path: `${SCREENS}/own-scenario-problems.png` });
  // A look-alike of a built-in scenario is refused too.
  const lookalike = { ...drill(), id: 'baseline' };
  await picker.setInputFiles(file('lookalike.json', lookalike));
  await expect(fileProblems).toHaveText(['id: "baseline" is a built-in scenario\'s id; give your scenario an id of its own']);
  // Create with a file that has problems: the list stays, and says what to do.
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(fileProblems).toHaveText(['id: "baseline" is a built-in scenario\'s id; give your scenario an id of its own']);
  await expect(page.getByText(/^lookalike\.json cannot be played yet: fix the problems below in the file and choose it again/)).toBeVisible();
  await picker.setInputFiles(file('notes.json', '{ "id": "harbour-drill", '));
  await expect(fileProblems).toHaveText([/^\(root\): not JSON/]);
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(page.getByTestId('room-code')).toHaveCount(0);

  // A good file is loaded into the form; a shorter match says which scheduled events it leaves out.
  const withEvent = { ...drill(), events: [{ turn: 2, eventId: 'safety-summit' }] };
  await picker.setInputFiles(file('harbour-drill.json', withEvent));
  await expect(page.getByText(/^harbour-drill\.json: Harbour drill \(harbour-drill, 2 quarters from 2026 Q3\), loaded below\.$/)).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Harbour drill');
  await expect(page.getByLabel('Quarters', { exact: true })).toHaveValue('2');
  await page.getByLabel('Quarters', { exact: true }).fill('1');
  await expect(page.getByText(/^1–20; the scenario plays 2\. With 1, its scheduled event will not happen: .+ \(quarter 2\)\.$/)).toBeVisible();

  // Starting again from a built-in sets changes made to the file's form aside, and can bring them back.
  await page.getByLabel('Cooperation (0–100)').fill('30');
  await page.getByLabel('Start from').selectOption({ label: 'Baseline 2026' });
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Baseline 2026 (adjusted)');
  await expect(page.getByText('Started again from Baseline 2026; your changes to Harbour drill were set aside.')).toBeVisible();
  await page.getByRole('button', { name: 'Bring them back' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Harbour drill');
  await expect(page.getByText('Your changes to Harbour drill are back.')).toBeVisible();
  await expect(page.getByLabel('Cooperation (0–100)')).toHaveValue('30');

  // The form, from a built-in: rename, shorten, fewer seats, one event removed, one figure of one's own.
  await page.getByLabel('Start from').selectOption({ label: 'Baseline 2026' });
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Baseline 2026 (adjusted)');
  // A name whose id would be a built-in's: Create points at the id.
  await page.getByLabel('Name', { exact: true }).fill('Baseline');
  await expect(page.locator('.sed-problems li')).toHaveText([`Id: "baseline" is a built-in scenario's id; give your scenario an id of its own`]);
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(page.getByLabel('Id', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Id', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Name', { exact: true }).fill('Harbour drill');
  await expect(page.getByLabel('Id', { exact: true })).toHaveValue('harbour-drill');
  await page.getByLabel('Description (players read it in the lobby)').fill('A two-quarter drill that starts tense.');
  await page.getByLabel('Quarters the scenario plays').fill('2');
  const formProblems = page.locator('.sed-problems li');
  await expect(formProblems).toHaveText(['Scheduled event 2 (Export rule rewritten), its quarter: turn 5 is after the last turn (2)']);
  // Create points at the event to remove.
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(page.getByRole('button', { name: 'Remove Export rule rewritten (quarter 5)' })).toBeFocused();
  // Scheduling checks its quarter.
  await page.getByLabel('In quarter').fill('3');
  await page.getByRole('button', { name: 'Schedule it' }).click();
  await expect(page.getByText("Choose a quarter from 1 to 2, the scenario's last.")).toBeVisible();
  await page.getByRole('button', { name: /^Remove .+ \(quarter 5\)$/ }).click();
  await expect(formProblems).toHaveCount(0);
  for (const seat of ['European Union (incl. the Netherlands)', 'Japan & South Korea', 'Third-country compute hubs (Gulf & Southeast Asia)']) await page.getByLabel(seat).uncheck();
  const tension = page.getByLabel('Tension (0–100)');
  await tension.fill('150');
  await expect(formProblems).toHaveText(['Tension (0–100): 150 is out of bounds: from 0 to 100']);
  await expect(tension).toHaveAttribute('aria-invalid', 'true');
  // The reason is beside the field too, and read with it.
  await expect(tension).toHaveAccessibleDescription(/^150 is out of bounds: from 0 to 100 /);
  await page.getByRole('button', { name: 'Create match' }).click();
  await expect(tension).toBeFocused();
  await expect(page.getByTestId('room-code')).toHaveCount(0);
  // Enter in a figure does not create the match.
  await tension.press('Enter');
  await expect(page.getByTestId('room-code')).toHaveCount(0);
  await tension.fill('70');
  await expect(formProblems).toHaveCount(0);
  // A start past a threshold is allowed, and said.
  await expect(page.getByText('Tension starts at 70, at or above the Strait crisis threshold (64): a crisis can be rolled from the first quarter.')).toBeVisible();
  await tension.fill('62');
  await expect(page.getByText(/Tension starts at/)).toHaveCount(0);
  // The form passes axe with its problems shown and cleared.
  const serious = (await new AxeBuilder({ page }).include('.own-scenario').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(page.getByText('1 figure of your own (source “facilitator”).')).toBeVisible();
  await expect(page.getByLabel('Quarters', { exact: true })).toHaveValue('2');
  await page.getByLabel('Seed (optional)').fill('e2e-own');
  await page.getByLabel('Private — not listed; join by code or link only').check();
  await page.locator('.own-scenario').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SCREENS}/own-scenario.png` });
  await page.getByRole('button', { name: 'Create match' }).click();

  // The lobby names it and offers only its seats.
  await expect(page.getByTestId('room-code')).toHaveText(/^[A-Z0-9]{4,}$/);
  await expect(page.getByText(/^Harbour drill · 2 quarters from 2026 Q3\. A two-quarter drill that starts tense\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Take seat: Taiwan' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Take seat: European Union/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Take seat: United States government' }).click();
  await page.getByRole('button', { name: 'Start the match' }).click();
  await expect(page.getByRole('heading', { name: 'Orders for 2026 Q3' })).toBeVisible();

  for (let q = 0; q < 2; q++) {
    await page.getByRole('button', { name: 'Submit no orders (hold)' }).click();
    const dialog = page.getByRole('dialog', { name: /Quarter report/ });
    const outcome = page.getByTestId('outcome');
    await expect(dialog.or(outcome)).toBeVisible();
    if (await outcome.isVisible()) break;
    // The report's "before" is the drill's opening tension.
    if (q === 0) await expect(dialog).toContainText('62');
    await dialog.getByRole('button', { name: /^Continue/ }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('outcome')).toHaveText(/^Outcome: /);
  await expect(page.getByTestId('scenario-name')).toHaveText('Harbour drill');

  // The analysis offers the match's own scenario for sensitivity.
  await page.getByText('Sensitivity of the scenario (tornado chart)').click();
  await expect(page.getByTestId('sensitivity').getByLabel('Scenario')).toHaveValue('harbour-drill');
  await expect(page.getByTestId('sensitivity').getByLabel('Scenario').locator('option:checked')).toHaveText('Harbour drill (this match’s own)');
  expect(errors).toEqual([]);
});
