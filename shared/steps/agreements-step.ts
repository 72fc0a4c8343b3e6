import { SEATS, SEAT_INFO, type SeatId } from '../seats.js';
import { ACTION_RULES } from '../action-rules.js';
import { AGREEMENT_MENU, hasQuorum, type AgreementTerms } from '../agreements.js';
import { SIGN_ACTION } from '../orders.js';
import type { WorldState } from '../state.js';
import { emit, emptyAgreementEffects, type AgreementEffects, type TurnCtx } from './context.js';

/**
 * Step 1. Agreements: expire those past their term, then sign each agreement whose sign orders this
 * quarter (`sign-agreement` orders and the catalogue's offer actions) come from every required party and
 * enough eligible parties. Signing needs the cooperation the agreement asks for; each party pays the
 * signing cost. Proposals (the negotiation record) last one quarter: accepting one adds a sign order.
 */
export function stepAgreements(s: WorldState, ctx: TurnCtx): void {
  const turn = ctx.turn;
  if (s.agreements.some((a) => a.expiresTurn < turn)) s.agreements = s.agreements.filter((a) => a.expiresTurn >= turn);

  // Offers by order: the seats that may sign offering each kind, kinds in the order first offered by such a seat (a few a quarter: a list).
  let offers: { kind: string; terms: AgreementTerms; parties: SeatId[] }[] | null = null;
  for (const seat of SEATS) {
    const orders = ctx.accepted[seat];
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i];
      const kind = o.action === SIGN_ACTION ? o.agreement : ACTION_RULES.get(o.action)?.offers;
      if (!kind) continue;
      // Only seats that may sign count as parties; a seat that may not is left out of the offer.
      const terms = AGREEMENT_MENU[kind];
      if (!terms || !terms.eligibleParties.includes(seat)) continue;
      offers ??= [];
      let k = 0;
      while (k < offers.length && offers[k].kind !== kind) k++;
      if (k === offers.length) offers.push({ kind, terms, parties: [seat] });
      else if (!offers[k].parties.includes(seat)) offers[k].parties.push(seat);
    }
  }
  if (offers) for (const { kind, terms, parties } of offers) if (hasQuorum(terms, parties)) sign(s, ctx, kind, parties);
  // Proposals are a negotiation record, not an input: clearing them keeps replays from orders exact.
  if (s.proposals.length) s.proposals = [];
}

function sign(s: WorldState, ctx: TurnCtx, kind: string, parties: readonly SeatId[]): void {
  const terms = AGREEMENT_MENU[kind];
  const existing = s.agreements.find((a) => a.kind === kind);
  if (existing) {
    // Signing again renews it for a full term when the same parties (or more) sign.
    if (existing.exposedBreaches.length === 0 && includesAll(parties, existing.parties) && existing.expiresTurn < ctx.turn + terms.durationQuarters - 1) {
      existing.expiresTurn = ctx.turn + terms.durationQuarters - 1;
      if (ctx.record) emit(ctx, { kind: 'agreement-renewed', text: `${terms.title} renewed by ${partyNames(parties)}.`, visibility: 'public', audience: [], agreement: kind });
    }
    return;
  }
  if (s.cooperation < terms.minCooperation) {
    if (ctx.record) emit(ctx, {
      kind: 'agreement-refused',
      text: `The ${terms.title} was offered, but cooperation (${s.cooperation.toFixed(0)}) is below the ${terms.minCooperation} it needs.`,
      visibility: 'public',
      audience: [],
      agreement: kind,
    });
    return;
  }
  for (const p of parties) s.resources[p] = Math.max(0, s.resources[p] - terms.signingCost);
  s.agreements.push({
    id: `${kind}-${ctx.turn}`,
    kind,
    parties: [...parties],
    signedTurn: ctx.turn,
    expiresTurn: ctx.turn + terms.durationQuarters - 1,
    breachedBy: [],
    exposedBreaches: [],
  });
  if (ctx.record) emit(ctx, { kind: 'agreement-signed', text: `${terms.title} signed by ${partyNames(parties)}.`, visibility: 'public', audience: [], agreement: kind });
}

function includesAll(parties: readonly SeatId[], of: readonly SeatId[]): boolean {
  for (let i = 0; i < of.length; i++) if (!parties.includes(of[i])) return false;
  return true;
}

function partyNames(parties: readonly SeatId[]): string {
  return parties.map((p) => SEAT_INFO[p].short).join(', ');
}

/**
 * Each agreement's effects per quarter with every key present (`emptyAgreementEffects` fills in the
 * rest: 0, or 1 for a multiplier), so that summing them reads records of one shape.
 */
const PER_QUARTER: Readonly<Record<string, AgreementEffects>> = Object.fromEntries(
  Object.values(AGREEMENT_MENU).map((t) => [t.id, { ...emptyAgreementEffects(), ...t.perQuarter }]),
);

/** Sum what the agreements in force do this quarter into the turn's scratchpad. */
export function gatherAgreementEffects(s: WorldState, ctx: TurnCtx): void {
  const e = ctx.agreements;
  for (const a of s.agreements) {
    const q = PER_QUARTER[a.kind];
    if (!q) continue;
    e.cooperation += q.cooperation;
    e.tension += q.tension;
    e.misuse += q.misuse;
    e.enforcement += q.enforcement;
    e.smuggledMultiplier *= q.smuggledMultiplier;
    e.offshoreMultiplier *= q.offshoreMultiplier;
    e.crisisMultiplier *= q.crisisMultiplier;
    e.labSafety += q.labSafety;
    e.distillationDeterrence += q.distillationDeterrence;
    e.swingDemocratic += q.swingDemocratic;
    e.hubResources += q.hubResources;
  }
}
