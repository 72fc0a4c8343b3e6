import { parseScenario, type Scenario } from './scenario.js';
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
