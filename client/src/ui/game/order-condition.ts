import { AGREEMENT_MENU, type ActionDef, type PublicView } from '../../../../shared/index.js';

/** What an order needs at resolution to do what it says, for its card; `unmet` when it would fail now. */
export type OrderCondition = { text: string; unmet: boolean };

/**
 * An offer action signs its agreement only if cooperation is at least the agreement's minimum when the
 * quarter resolves (steps/agreements-step.ts, which checks it before this quarter's orders move it), so
 * the figure the seat sees now is the one that decides. An agreement still in force at that resolution
 * is renewed or left as it is, never refused, so it has no such condition.
 */
export function orderCondition(action: ActionDef, pub: Pick<PublicView, 'cooperation' | 'agreements' | 'quarter'>): OrderCondition | null {
  const terms = action.agreement ? AGREEMENT_MENU[action.agreement] : undefined;
  if (!terms) return null;
  const inForce = pub.agreements.find((a) => a.kind === terms.id && quarterOrder(a.expiresQuarter) >= quarterOrder(pub.quarter));
  if (inForce) return { text: `The ${terms.title} is in force until ${inForce.expiresQuarter}; offering it in its last quarter renews it.`, unmet: false };
  if (terms.minCooperation <= 0) return null;
  const unmet = pub.cooperation < terms.minCooperation;
  return { text: `Needs cooperation ≥ ${terms.minCooperation} to be signed (now ${cooperationText(pub.cooperation, terms.minCooperation)}${unmet ? ': too low' : ''}).`, unmet };
}

/** Whole numbers, as the agreements menu shows it, except where rounding up would hide a shortfall (49.7 is not 50). */
export function cooperationText(cooperation: number, needed: number): string {
  return cooperation < needed && Math.round(cooperation) >= needed ? (Math.floor(cooperation * 10) / 10).toFixed(1) : cooperation.toFixed(0);
}

/** "2027 Q2" → a number that sorts quarters in time. */
function quarterOrder(label: string): number {
  const m = /^(\d+) Q([1-4])$/.exec(label);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : Number.NaN;
}
