import { builtinScenario, createWorld, resolveQuarter, type BySeat, type LeverId, type Scenario, type SeatId, type SeatOrders, type WorldState } from '../../shared/index.js';

export function scenario(id: string): Scenario {
  const s = builtinScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** Switch off the early endings (for experiments that must run their full length). */
export function calm(s: WorldState): WorldState {
  s.params = { ...s.params, straitCrisisThreshold: 101, misuseCatastropheThreshold: 2 };
  return s;
}

/** A world from a scenario with some levers set (as the scenario's posture too), early endings off. */
export function worldWith(id: string, seed: string, levers: Partial<Record<SeatId, Partial<Record<LeverId, number>>>> = {}, tweak?: (s: WorldState) => void): WorldState {
  const s = createWorld(scenario(id), seed);
  for (const [seat, values] of Object.entries(levers) as [SeatId, Partial<Record<LeverId, number>>][]) {
    Object.assign(s.levers[seat], values);
    s.posture = { ...s.posture, [seat]: { ...s.posture[seat], ...values } };
  }
  tweak?.(s);
  return calm(s);
}

/** Resolve `quarters` quarters with the same orders each quarter (no bots), stopping at an outcome. */
export function run(s: WorldState, quarters: number, orders: Partial<BySeat<SeatOrders>> = {}): WorldState[] {
  const states = [s];
  let cur = s;
  for (let q = 0; q < quarters && !cur.outcome; q++) {
    cur = resolveQuarter(cur, orders).state;
    states.push(cur);
  }
  return states;
}
