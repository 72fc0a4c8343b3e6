import { builtinScenario, keptScenario, type Scenario } from '../../shared/index.js';
import { getState } from './store.js';

type Source = { scenarioId: string; scenarioJson?: string } | null | undefined;

let lastJson = '';
let lastScenario: Scenario | undefined;

/**
 * The scenario of a match: the whole copy its server sent (a built-in one or a facilitator's own), read
 * once per copy; a built-in one by id when no copy came (a server from before copies were sent).
 */
export function scenarioOf(m: Source): Scenario | undefined {
  if (!m) return undefined;
  if (m.scenarioJson) {
    if (m.scenarioJson !== lastJson) {
      lastJson = m.scenarioJson;
      lastScenario = read(m.scenarioJson);
    }
    if (lastScenario && lastScenario.id === m.scenarioId) return lastScenario;
  }
  return builtinScenario(m.scenarioId);
}

/** The server's copy, checked as the server checks a stored one (a match begun under older checks still reads). */
function read(json: string): Scenario | undefined {
  try {
    return keptScenario(JSON.parse(json))?.scenario;
  } catch {
    return undefined;
  }
}

/** A scenario by id: the match's own when it has that id, a built-in one otherwise. */
export function scenarioById(id: string): Scenario | undefined {
  return scenarioOf({ ...(getState().match ?? {}), scenarioId: id });
}
