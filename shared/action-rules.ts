import { ACTIONS, type ActionDef } from './actions.js';
import { AGREEMENT_MENU } from './agreements.js';
import type { LeverId } from './levers.js';
import type { SeatId } from './seats.js';

/**
 * The action catalogue (data/actions.json) read once into the form the resolver and the bots use every
 * quarter: the levers each action moves, its effect on the shared tallies per step of intensity, and the
 * agreements a party breaches by taking it. Derived from the data, never edited by hand.
 */
export type ActionRule = {
  readonly def: ActionDef;
  readonly id: string;
  readonly seat: SeatId;
  readonly cost: number;
  readonly maxIntensity: number;
  readonly visibility: ActionDef['visibility'];
  /** Lever effects in catalogue order. */
  readonly levers: readonly { readonly lever: LeverId; readonly delta: number }[];
  /** Per step of intensity; null where the action has no such effect. */
  readonly tension: number | null;
  readonly cooperation: number | null;
  readonly resources: number | null;
  /** Kinds of agreement whose parties breach it by taking this action. */
  readonly forbiddenBy: readonly string[];
  /** The agreement this action offers to sign, if any. */
  readonly offers: string | undefined;
};

function ruleOf(a: ActionDef): ActionRule {
  let tension: number | null = null;
  let cooperation: number | null = null;
  let resources: number | null = null;
  const levers: { lever: LeverId; delta: number }[] = [];
  for (const e of a.effects) {
    if ('lever' in e) levers.push({ lever: e.lever, delta: e.delta });
    else if (e.stat === 'tension') tension = (tension ?? 0) + e.delta;
    else if (e.stat === 'cooperation') cooperation = (cooperation ?? 0) + e.delta;
    else resources = (resources ?? 0) + e.delta;
  }
  return {
    def: a,
    id: a.id,
    seat: a.seat,
    cost: a.cost,
    maxIntensity: a.maxIntensity,
    visibility: a.visibility,
    levers,
    tension,
    cooperation,
    resources,
    forbiddenBy: Object.values(AGREEMENT_MENU)
      .filter((t) => t.forbids.includes(a.id))
      .map((t) => t.id),
    offers: a.agreement,
  };
}

export const ACTION_RULES: ReadonlyMap<string, ActionRule> = new Map(ACTIONS.map((a) => [a.id, ruleOf(a)]));
