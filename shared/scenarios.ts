import { parseScenario, type Scenario, type ScenarioResult } from './scenario.js';
import baseline from './scenarios/baseline.json';
import loopholesOpen from './scenarios/loopholes-open.json';
import controlsTightened from './scenarios/controls-tightened.json';
import cooperationTrack from './scenarios/cooperation-track.json';

function mustParse(raw: unknown): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`built-in scenario is invalid: ${r.errors.join('; ')}`);
  return r.scenario;
}

export const BUILTIN_SCENARIOS: readonly Scenario[] = [baseline, loopholesOpen, controlsTightened, cooperationTrack].map(mustParse);

export function builtinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}

/** The largest scenario file a match accepts (as JSON text): a built-in one is about 6 kB. */
export const OWN_SCENARIO_MAX_CHARS = 48 * 1024;

/**
 * A facilitator's own scenario for a match: valid, within the size limit, and under an id no built-in
 * scenario uses (everyone's client knows the built-ins by id, so a look-alike would be misread).
 */
export function parseOwnScenario(input: unknown): ScenarioResult {
  let size: number;
  try {
    size = JSON.stringify(input ?? null).length;
  } catch {
    return { ok: false, errors: ['(root): not a scenario (it cannot be written as JSON: too deeply nested, or circular)'] };
  }
  if (size > OWN_SCENARIO_MAX_CHARS) return { ok: false, errors: [`(root): the scenario is ${Math.ceil(size / 1024)} kB; at most ${OWN_SCENARIO_MAX_CHARS / 1024} kB`] };
  const r = parseScenario(input);
  // Said at once, with the file's other problems: it is not one that fixing them would reveal.
  const id = (input as { id?: unknown } | null)?.id;
  const taken = typeof id === 'string' && builtinScenario(id) ? [`id: "${id}" is a built-in scenario's id; give your scenario an id of its own`] : [];
  if (r.ok) return taken.length ? { ok: false, errors: taken } : r;
  return { ok: false, errors: [...taken, ...r.errors] };
}

/** A scenario file's text, read: JSON parsed, then checked as `parseOwnScenario` does. */
export function parseOwnScenarioText(text: string): ScenarioResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`(root): not JSON (${e instanceof Error ? withLine(e.message, text) : 'unreadable'})`] };
  }
  return parseOwnScenario(raw);
}

/** A JSON error's position as a line and column too, when the engine gives only the character offset. */
function withLine(message: string, text: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${message} (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}
