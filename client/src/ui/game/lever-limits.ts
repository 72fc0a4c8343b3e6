import { ACTION_RULES } from '../../../../shared/action-rules.js';
import { LEVER_BY_ID, clamp, stepsToLimit, type LeverId, type LeverValues, type Order } from '../../../../shared/index.js';
import { pct } from '../../format.js';

/**
 * How far an order can move its lever: where the lever stands when the order applies, the end it
 * pushes towards, and how many steps of intensity still move it (the last may move it only part way).
 */
export type LeverReach = { lever: LeverId; from: number; towards: 0 | 1; steps: number };

/** A chosen order with steps past its lever's limit: only `steps` of its `intensity` move the lever. */
export type LeverLimit = LeverReach & { action: string; intensity: number };

/**
 * Where a lever stands when this quarter's orders apply (shared/resolve.ts): a campaign starts again from
 * 0, a policy from where it is. Undefined for a lever the seat does not know.
 */
function startOf(levers: LeverValues, id: LeverId): number | undefined {
  return LEVER_BY_ID[id].kind === 'campaign' ? 0 : levers[id];
}

/**
 * Each order's reach on its seat's levers, the orders taken in the order the model applies them (each
 * moves the lever, clamped to 0–1, from where the orders before it left it). Of an action's several
 * levers, the one it can move longest; null for an order that moves no lever the seat knows.
 */
export function leverReach(levers: LeverValues, orders: readonly Order[]): (LeverReach | null)[] {
  const now: LeverValues = {};
  return orders.map((o) => {
    let best: LeverReach | null = null;
    for (const e of ACTION_RULES.get(o.action)?.levers ?? []) {
      const from = now[e.lever] ?? startOf(levers, e.lever);
      if (from === undefined || e.delta === 0) continue;
      const reach: LeverReach = { lever: e.lever, from, towards: e.delta > 0 ? 1 : 0, steps: stepsToLimit(from, e.delta) };
      if (!best || reach.steps > best.steps) best = reach;
      now[e.lever] = clamp(from + e.delta * o.intensity);
    }
    return best;
  });
}

/**
 * The orders that pay for steps their lever has no room for. The model accepts them (each step is paid
 * for; its other effects count only for the steps that move the lever), so the form warns and never refuses.
 */
export function leverLimits(levers: LeverValues, orders: readonly Order[]): LeverLimit[] {
  const reach = leverReach(levers, orders);
  return orders.flatMap((o, i) => {
    const r = reach[i];
    return r && r.steps < o.intensity ? [{ ...r, action: o.action, intensity: o.intensity }] : [];
  });
}

const label = (r: LeverReach) => `“${LEVER_BY_ID[r.lever].label}”`;
const verb = (r: LeverReach) => (r.towards === 1 ? 'raise' : 'lower');
/** "yet still costs 6 political capital, for nothing", for `steps` steps of an order; `one`: said of one subject. */
function stillCosts(action: string, steps: number, currency: string, one: boolean): string {
  const rule = ACTION_RULES.get(action);
  const cost = (rule?.cost ?? 0) * steps;
  const s = one ? 's' : '';
  // Steps past the limit move nothing else either (the model counts an order's other effects only for the
  // steps that move its lever); but they may still breach an agreement, or be detected: not "for nothing" then.
  const idle = rule?.forbiddenBy.length === 0 && rule.visibility !== 'covert';
  return `yet still cost${s} ${cost} ${currency}${idle ? ', for nothing' : ''}`;
}

/** The warning on a chosen order's card: the lever, where it stands, and what the wasted steps still cost. */
export function limitText(l: LeverLimit, currency: string): string {
  const end = pct(l.towards);
  if (l.steps === 0) return `Already at ${end}: this order cannot ${verb(l)} ${label(l)} any further, ${stillCosts(l.action, l.intensity, currency, true)}.`;
  const wasted = l.intensity - l.steps;
  const which = wasted === 1 ? `step ${l.intensity} does not move the lever` : `steps ${l.steps + 1}–${l.intensity} do not move the lever`;
  const room = `${l.steps} step${l.steps === 1 ? '' : 's'}`;
  return `At ${pct(l.from)}, ${label(l)} has room for ${room} (to ${end}): ${which}, ${stillCosts(l.action, wasted, currency, wasted === 1)}. Intensity ${l.steps} moves the lever as far.`;
}

/** The note on an order not chosen whose lever is at its limit already. */
export function atLimitText(r: LeverReach): string {
  return `Already at ${pct(r.towards)}: this order would not ${verb(r)} ${label(r)} any further.`;
}

/**
 * An intensity option's label. Steps past the lever's limit say so (and the step that reaches it says
 * where), so the picker never offers "(high)" for a step that moves nothing.
 */
export function intensityLabel(i: number, max: number, reach: LeverReach | null): string {
  if (max === 1) return '1 (one level only)';
  if (reach && reach.steps < max) {
    if (i > reach.steps) return `${i} (beyond ${pct(reach.towards)})`;
    if (i === reach.steps) return `${i} (reaches ${pct(reach.towards)})`;
  }
  return `${i}${i === 1 ? ' (low)' : i === max ? ' (high)' : ''}`;
}

/**
 * Each action's reach as if it were chosen along with the draft (at intensity 1 when it is not): the
 * picker and the card read it before the order is ticked. `catalogue`: action ids in the order the form
 * sends its orders; `chosen`: the draft's intensities.
 */
export function reachIfChosen(levers: LeverValues, catalogue: readonly string[], chosen: ReadonlyMap<string, number>): Map<string, LeverReach | null> {
  return new Map(
    catalogue.map((id) => {
      const os = catalogue.filter((x) => x === id || chosen.has(x)).map((x) => ({ action: x, intensity: chosen.get(x) ?? 1 }));
      return [id, leverReach(levers, os)[os.findIndex((o) => o.action === id)]];
    }),
  );
}
