import { ACTION_RULES } from '../../../../shared/action-rules.js';
import { LEVER_BY_ID, type LeverId } from '../../../../shared/index.js';

/** Two chosen orders that pull one of the seat's levers in opposite directions. */
export type OrderConflict = { first: string; second: string; lever: LeverId };

/** Whether two actions move a lever in opposite directions: the catalogue's own effects say so. */
function opposedOn(a: string, b: string): LeverId | null {
  const ra = ACTION_RULES.get(a);
  const rb = ACTION_RULES.get(b);
  if (!ra || !rb || ra.seat !== rb.seat) return null;
  for (const x of ra.levers) {
    if (rb.levers.some((y) => y.lever === x.lever && Math.sign(y.delta) === -Math.sign(x.delta) && x.delta !== 0)) return x.lever;
  }
  return null;
}

/**
 * The contradictory pairs among the chosen actions, in the order they were chosen. A warning only: the
 * model accepts both (each is paid for and their moves on the lever offset each other), and so does the form.
 */
export function orderConflicts(chosen: readonly string[]): OrderConflict[] {
  const out: OrderConflict[] = [];
  for (let i = 0; i < chosen.length; i++) {
    for (let j = i + 1; j < chosen.length; j++) {
      const lever = opposedOn(chosen[i], chosen[j]);
      if (lever) out.push({ first: chosen[i], second: chosen[j], lever });
    }
  }
  return out;
}

/** The warning on one order's card, naming the order it contradicts. */
export function conflictText(otherName: string, lever: LeverId): string {
  return `Contradicts “${otherName}”: the two move “${LEVER_BY_ID[lever].label}” in opposite directions, so you pay for both and they offset each other.`;
}
