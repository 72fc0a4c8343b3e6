import type { WorldState } from './state.js';

/** A deep copy of plain data (the world holds only numbers, strings, booleans, null, arrays and objects). */
export function copyData<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copyData) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = copyData((v as Record<string, unknown>)[k]);
    return out as T;
  }
  return v;
}

/** A deep copy of the world; history records are immutable once written, so they are shared. */
export function cloneWorld(s: WorldState): WorldState {
  const copy = copyData<WorldState>({ ...s, history: [] });
  copy.history = s.history;
  return copy;
}
