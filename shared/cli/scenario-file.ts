import fs from 'node:fs';
import { BUILTIN_SCENARIOS, builtinScenario, parseScenario, type Scenario } from '../index.js';

/** A CLI's --scenario: a built-in id, or the path of a scenario JSON file, validated (errors name the field). */
export function loadScenarioArg(arg: string): Scenario {
  const builtin = builtinScenario(arg);
  if (builtin) return builtin;
  if (!arg.endsWith('.json') || !fs.existsSync(arg)) throw new Error(`no built-in scenario "${arg}" and no such JSON file (built-ins: ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')})`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(arg, 'utf8'));
  } catch (e) {
    throw new Error(`${arg} is not valid JSON: ${(e as Error).message}`);
  }
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`${arg} is not a valid scenario:\n  ${r.errors.join('\n  ')}`);
  return r.scenario;
}
