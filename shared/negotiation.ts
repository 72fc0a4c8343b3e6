import { SEATS, bySeat, type BySeat, type SeatId } from './seats.js';
import type { Order, WorldState } from './state.js';
import { rngFor, type Rng } from './rng.js';
import { acceptAgreement, AGREEMENT_KINDS, AGREEMENT_MENU } from './agreements.js';
import { signOrder } from './orders.js';
import type { Doctrine } from './doctrines.js';

/** When a bot wants each agreement, by seat and doctrine: the chance per quarter that it signs. */
export function signChance(s: WorldState, kind: string, seat: SeatId, d: Doctrine): number {
  const alarm = Math.max(0, Math.min(1, (s.tension - 55) / 20));
  switch (kind) {
    case 'joint-governance':
      if (seat !== 'US' && seat !== 'CN') return 0;
      return s.cooperation < 45 ? 0 : d === 'dove' ? 0.85 : d === 'opportunist' ? (s.cooperation >= 60 ? 0.5 : 0.1) : 0.05;
    case 'incident-hotline':
      return d === 'dove' ? 0.8 : d === 'opportunist' ? 0.3 + 0.5 * alarm : 0.05 + 0.4 * alarm;
    case 'mutual-restraint':
      return d === 'dove' ? 0.6 + 0.3 * alarm : d === 'opportunist' ? 0.1 + 0.6 * alarm : 0.3 * alarm;
    case 'joint-safety-evals':
      if (seat !== 'USLAB' && seat !== 'CNLAB') return 0;
      return d === 'dove' ? 0.8 : d === 'opportunist' ? 0.35 : 0.1;
    case 'cern-for-ai':
      if (seat !== 'EU' && seat !== 'JK' && seat !== 'USLAB') return 0;
      return d === 'dove' ? 0.6 : d === 'opportunist' ? 0.35 : 0.1;
    case 'chip-tracking-pact':
      if (seat === 'HUB') return d === 'hawk' ? 0.5 : 0.15;
      return d === 'hawk' ? 0.7 : d === 'opportunist' ? 0.45 : 0.2;
    case 'dc-kyc-pact':
      if (seat === 'HUB') return d === 'hawk' ? 0.6 : d === 'opportunist' ? 0.35 : 0.25;
      if (seat !== 'US') return 0;
      return d === 'dove' ? 0.4 : 0.7;
    default:
      return 0;
  }
}

/** The menu in its order, and which seats may sign each kind (read once). */
const MENU = AGREEMENT_KINDS.map((kind) => AGREEMENT_MENU[kind]);
const ELIGIBLE: BySeat<readonly boolean[]> = bySeat((seat) => MENU.map((t) => t.eligibleParties.includes(seat)));

/**
 * The sign orders a bot gives this quarter: for each agreement not yet in force that it may sign, it
 * signs with its doctrine's chance. A kind it was asked to sign in a proposal is left to its answer
 * (`botNegotiate`, where being asked raises the chance): it signs by accepting, or not at all. One roll
 * per agreement on the menu, whether or not the seat may sign it, so the stream does not depend on it.
 * `signable`: `signableKinds` of the position (the same for every bot of the quarter).
 */
export function botAgreementOrders(s: WorldState, seat: SeatId, d: Doctrine, rng: Rng, signable: readonly boolean[]): Order[] {
  let out: Order[] | null = null;
  const eligible = ELIGIBLE[seat];
  for (let i = 0; i < MENU.length; i++) {
    const terms = MENU[i];
    const roll = rng();
    if (!eligible[i] || !signable[i] || s.cooperation < terms.minCooperation) continue;
    const kind = terms.id;
    // Asked in a proposal, the bot has answered it (botNegotiate): accepted, it signs by that; if not, it will not sign.
    if (askedToSign(s, kind, seat)) continue;
    if (roll < signChance(s, kind, seat, d)) (out ??= []).push(signOrder(kind));
  }
  return out ?? [];
}

/** By position on the menu: whether the agreement may be signed next quarter (not in force, or in its last quarter, when signing renews it). */
export function signableKinds(s: WorldState): boolean[] {
  const out = MENU.map(() => true);
  for (const a of s.agreements) {
    const i = AGREEMENT_KINDS.indexOf(a.kind);
    if (i >= 0 && a.expiresTurn > s.turn + 1) out[i] = false;
  }
  return out;
}

function askedToSign(s: WorldState, kind: string, seat: SeatId): boolean {
  for (const p of s.proposals) if (p.kind === kind && p.parties.includes(seat)) return true;
  return false;
}

/** The sign orders a seat owes for the proposals it has accepted (added to its orders at resolution). */
export function proposalOrders(s: WorldState, seat: SeatId): Order[] {
  const out: Order[] = [];
  for (const p of s.proposals) if (p.acceptedBy.includes(seat) && !out.some((o) => o.agreement === p.kind)) out.push(signOrder(p.kind));
  return out;
}

/**
 * Bot seats answer the open proposals they are named in (accept or let them lapse), so a human table
 * sees the bots' answers during negotiation. Pure and seeded.
 */
export function botNegotiate(state: WorldState, doctrines: BySeat<Doctrine>, botSeats: readonly SeatId[] = SEATS): WorldState {
  if (state.outcome) return state;
  let s = state;
  for (const p of state.proposals) {
    for (const seat of p.parties) {
      if (!botSeats.includes(seat) || p.acceptedBy.includes(seat)) continue;
      const rng = rngFor(s.seed, s.turn + 1, `accept:${p.id}:${seat}`);
      if (rng() >= Math.min(1, 1.5 * signChance(s, p.kind, seat, doctrines[seat]))) continue;
      const r = acceptAgreement(s, p.id, seat);
      if (r.ok) s = r.state;
    }
  }
  return s;
}
