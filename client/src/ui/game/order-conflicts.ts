import { ACTION_RULES } from '../../../../shared/action-rules.js';
import { LEVER_BY_ID, type LeverId } from '../../../../shared/index.js';

/**
 * Two chosen orders that work against each other: they pull one of the seat's levers in opposite
 * directions, or push up two levers the model counts against each other (`against`, the second's lever).
 */
export type OrderConflict = { first: string; second: string; lever: LeverId; against?: LeverId };

/** Whether two actions work against each other: the catalogue's effects and the levers' `opposes` say so. */
function opposedOn(a: string, b: string): Pick<OrderConflict, 'lever' | 'against'> | null {
  const ra = ACTION_RULES.get(a);
  const rb = ACTION_RULES.get(b);
  if (!ra || !rb || ra.seat !== rb.seat) return null;
  for (const x of ra.levers) {
    if (x.delta === 0) continue;
    if (rb.levers.some((y) => y.lever === x.lever && Math.sign(y.delta) === -Math.sign(x.delta))) return { lever: x.lever };
    const opposite = rb.levers.find((y) => LEVER_BY_ID[x.lever].opposes === y.lever && Math.sign(y.delta) === Math.sign(x.delta));
    if (opposite) return { lever: x.lever, against: opposite.lever };
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
      const why = opposedOn(chosen[i], chosen[j]);
      if (why) out.push({ first: chosen[i], second: chosen[j], ...why });
    }
  }
  return out;
}

/** The warning on one order's card, naming the order it contradicts. */
export function conflictText(otherName: string, lever: LeverId, against?: LeverId): string {
  if (against) return `Contradicts “${otherName}”: the model counts “${LEVER_BY_ID[lever].label}” and “${LEVER_BY_ID[against].label}” against each other, so you pay for both and they offset each other.`;
  return `Contradicts “${otherName}”: the two move “${LEVER_BY_ID[lever].label}” in opposite directions, so you pay for both and they offset each other.`;
}
