import type { WorldState } from './state.js';

/** A deep copy of the world; history records are immutable once written, so they are shared. */
export function cloneWorld(s: WorldState): WorldState {
  const history = s.history;
  const copy = structuredClone({ ...s, history: [] }) as WorldState;
  copy.history = history;
  return copy;
}
