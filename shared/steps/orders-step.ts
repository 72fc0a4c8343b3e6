import { SEATS, SEAT_INFO, bySeat, type BySeat, type SeatId } from '../seats.js';
import { ACTION_BY_ID } from '../actions.js';
import { ACTION_RULES, type ActionRule } from '../action-rules.js';
import { AGREEMENT_MENU } from '../agreements.js';
import { validateOrders } from '../orders.js';
import { clamp } from '../formulas.js';
import { K } from '../coefficients.js';
import type { Agreement, Order, SeatOrders, WorldState } from '../state.js';
import { stepsToLimit, type LeverValues } from '../levers.js';
import { addTension, emit, type TurnCtx } from './context.js';

/**
 * Validate every seat's orders against the position before this quarter; refused orders are named
 * privately. Orders of seats in `botMade` were made from this position by their bots, which order only
 * what validation accepts unchanged (tests/model/bots.test.ts), so they are taken as given.
 */
export function acceptOrders(prev: WorldState, orders: Partial<BySeat<SeatOrders>>, ctx: TurnCtx, botMade?: Partial<BySeat<boolean>>): void {
  ctx.accepted = bySeat((seat) => {
    const given = orders[seat] ?? NO_ORDERS;
    if (botMade?.[seat]) return given as Order[];
    const v = validateOrders(prev, seat, given);
    for (const err of v.errors) emit(ctx, { kind: 'order-dropped', text: err, visibility: 'private', audience: [seat] });
    return v.accepted;
  });
}

const NO_ORDERS: readonly Order[] = [];

/**
 * Step 2. Policies: each accepted order is paid for and moves its levers and the tension, cooperation
 * and resource tallies. Covert and private acts wait for the detection step. An order that a party to
 * an agreement in force is forbidden to take is a breach: public breaches are exposed at once.
 */
export function stepPolicies(s: WorldState, ctx: TurnCtx): void {
  for (const seat of SEATS) {
    const orders = ctx.accepted[seat];
    if (orders.length === 0) continue;
    // The seat's levers and purse, looked up once for all its orders.
    const levers = s.levers[seat] as LeverValues;
    let purse = s.resources[seat];
    for (let i = 0; i < orders.length; i++) purse = applyOrder(s, ctx, seat, levers, purse, orders[i]);
    s.resources[seat] = purse;
  }
}

const NO_BREACHES: readonly string[] = [];

/** One order: its levers move, its costs and tallies are counted; returns the seat's purse after it. */
function applyOrder(s: WorldState, ctx: TurnCtx, seat: SeatId, levers: LeverValues, purse: number, o: Order): number {
  const a = ACTION_RULES.get(o.action);
  if (!a) return purse;
  const n = o.intensity;
  purse -= a.cost * n;
  // Steps past a lever's limit are paid for but do nothing: the order's other effects count only the
  // steps that moved its lever, the last one even if part way (so loosening controls already at 0% buys no calm).
  let moved = a.levers.length ? 0 : n;
  for (let i = 0; i < a.levers.length; i++) {
    const e = a.levers[i];
    const before = levers[e.lever] ?? 0;
    levers[e.lever] = clamp(before + e.delta * n);
    moved = Math.max(moved, Math.min(n, stepsToLimit(before, e.delta)));
  }
  if (a.tension !== null) addTension(ctx, a.tension * moved, a.visibility === 'public' ? `acts:${seat}` : 'unannounced');
  if (a.cooperation !== null) ctx.cooperationDelta += a.cooperation * moved;
  if (a.resources !== null) purse += a.resources * moved;
  let breached: string[] | null = null;
  if (a.forbiddenBy.length) {
    for (const ag of s.agreements) {
      if (!forbids(ag, seat, a)) continue;
      if (!ag.breachedBy.includes(seat)) ag.breachedBy.push(seat);
      if (a.visibility === 'public') exposeBreach(s, ctx, ag, seat, a.id);
      else (breached ??= []).push(ag.kind);
    }
  }
  if (a.visibility !== 'public') {
    ctx.covert.push({ seat, action: a.id, intensity: n, breaches: breached ?? NO_BREACHES });
    if (a.visibility === 'covert') s.totals.covertActs[seat] += 1;
  }
  if (ctx.record) {
    emit(ctx, {
      kind: 'order',
      text: `${SEAT_INFO[seat].short}: ${a.def.name}${n > 1 ? ` ×${n}` : ''}.`,
      visibility: a.visibility,
      audience: [seat],
      actor: seat,
      action: a.id,
      intensity: n,
    });
  }
  return purse;
}

/** Whether an agreement binds a seat not to take an action: the seat is a party, and the agreement forbids it. */
function forbids(ag: Agreement, seat: SeatId, a: ActionRule): boolean {
  return ag.parties.includes(seat) && a.forbiddenBy.includes(ag.kind);
}

/**
 * The kinds among `agreements` (those in force in a quarter: a resolution's `inForce`) that a seat
 * breaches by taking an action (empty for an action nobody's agreements forbid). What the policies step
 * finds for an order in that quarter.
 */
export function breachedKinds(agreements: readonly Agreement[], seat: SeatId, action: string): string[] {
  const a = ACTION_RULES.get(action);
  return a ? agreements.filter((ag) => forbids(ag, seat, a)).map((ag) => ag.kind) : [];
}

/** A breach made public: trust falls, tension rises, and the agreement ends this quarter. */
export function exposeBreach(_s: WorldState, ctx: TurnCtx, ag: Agreement, seat: SeatId, action: string): void {
  if (ag.exposedBreaches.includes(seat)) return;
  ag.exposedBreaches.push(seat);
  ag.expiresTurn = Math.min(ag.expiresTurn, ctx.turn);
  ctx.cooperationDelta -= K.breachCooperationCost;
  addTension(ctx, K.breachTension, 'breaches');
  if (ctx.record) emit(ctx, {
    kind: 'agreement-breached',
    text: `${SEAT_INFO[seat].short} breached the ${AGREEMENT_MENU[ag.kind]?.title ?? ag.kind} (${ACTION_BY_ID.get(action)?.name ?? action}); the agreement collapses.`,
    visibility: 'public',
    audience: [],
    attributedTo: seat,
    action,
    agreement: ag.kind,
  });
}
