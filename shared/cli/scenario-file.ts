import fs from 'node:fs';
import { BUILTIN_SCENARIOS, builtinScenario, parseScenario, type Scenario } from '../index.js';

/** A JSON file's contents; a missing file, or one that is not JSON, is an error naming it. */
export function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A CLI's --scenario: a built-in id, or the path of a scenario JSON file, validated (errors name the field). */
export function loadScenarioArg(arg: string): Scenario {
  const builtin = builtinScenario(arg);
  if (builtin) return builtin;
  if (!arg.endsWith('.json') || !fs.existsSync(arg)) throw new Error(`no built-in scenario "${arg}" and no such JSON file (built-ins: ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')})`);
  const r = parseScenario(readJsonFile(arg));
  if (!r.ok) throw new Error(`${arg} is not a valid scenario:\n  ${r.errors.join('\n  ')}`);
  return r.scenario;
}
