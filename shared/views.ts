import { SEAT_INFO, SEATS, type BySeat, type SeatId } from './seats.js';
import { quarterLabel } from './clock.js';
import { noiseFor } from './rng.js';
import { AGREEMENT_MENU } from './agreements.js';
import { swingDemocratic } from './resolve.js';
import { AGENDA_BY_ID, OBJECTIVES, scoreSeats, type SeatScore } from './objectives.js';
import { BLOCS, swingShareOf, type AdoptionShare, type BlocId, type ComputeFlows, type GameEvent, type Order, type Proposal, type RegionId, type TurnRecord, type WorldState } from './state.js';
import type { OutcomeResult } from './outcomes.js';
import type { LeverId } from './levers.js';
import type { TensionCause } from './steps/context.js';

/** A figure as a seat knows it: exact for its own, otherwise an estimate with an uncertainty band. */
export type Estimate = { value: number; low: number; high: number; exact: boolean };

export type PublicSeries = {
  turn: number;
  quarter: string;
  lead: Estimate;
  tension: number;
  /** The quarter's tension change by cause (public: acts not announced are counted with incidents). */
  tensionWhy?: Partial<Record<TensionCause, number>>;
  cooperation: number;
  misuse: number;
  swingDemocratic: number;
};

export type PublicView = {
  scenarioId: string;
  turn: number;
  turns: number;
  /** The quarter now being played (or the last one, when finished). */
  quarter: string;
  adoption: Record<RegionId, AdoptionShare>;
  swingDemocratic: number;
  tension: number;
  cooperation: number;
  misuseRisk: number;
  lead: Estimate;
  compute: Record<BlocId, Estimate>;
  agreements: { id: string; kind: string; title: string; parties: SeatId[]; expiresQuarter: string }[];
  events: GameEvent[];
  series: PublicSeries[];
  outcome: OutcomeResult | null;
  /** Every quarter with every seat's orders, only once the match is over. */
  reveal: TurnRecord[] | null;
  /** Every seat's score (secret agendas revealed), only once the match is over. */
  scores: BySeat<SeatScore> | null;
};

/** `weight`: the objective's share of its list's score (the weights of a list add up to 1). */
export type ObjectiveView = { id: string; label: string; weight: number };

export type SeatView = {
  seat: SeatId;
  turn: number;
  resources: number;
  income: number;
  levers: Partial<Record<LeverId, number>>;
  lead: Estimate;
  compute: Record<BlocId, Estimate>;
  /**
   * PRC supply by source: exact for China's own seats. Other seats estimate the legal and domestic flows
   * (licensed sales are reported, fab output is watched); covert flows (smuggled, offshore) show only
   * what detection exposed last quarter, otherwise zero with the analysts' prior as the upper band.
   */
  cnInflow: Record<keyof ComputeFlows, Estimate>;
  ownCapability: number | null;
  ownSafety: number | null;
  intel: number;
  events: GameEvent[];
  lastOrders: Order[];
  /** Set by the server: nobody submitted for the seat last quarter, so `lastOrders` are its bot's. */
  lastOrdersByBot?: boolean;
  /** The seat's public objectives. */
  objectives: ObjectiveView[];
  /** The seat's secret agenda, if it has one (only ever in its own view). */
  agenda: { id: string; title: string; text: string; objectives: ObjectiveView[] } | null;
  /** Open proposals this seat is a party to. */
  proposals: Proposal[];
};

const PUBLIC_INTEL = 0.2;

function objectiveViews(list: readonly { id: string; label: string; weight: number }[]): ObjectiveView[] {
  const total = list.reduce((t, o) => t + o.weight, 0);
  return list.map((o) => ({ id: o.id, label: o.label, weight: o.weight / total }));
}

function estimate(state: WorldState, turn: number, key: string, truth: number, intel: number, relative: number, exact = false): Estimate {
  if (exact) return { value: truth, low: truth, high: truth, exact: true };
  const half = Math.abs(truth) * relative * (1 - intel) + (relative === 0 ? 0 : 1e-9);
  const value = truth + noiseFor(state.seed, turn, key) * half * 0.6;
  return { value, low: value - half, high: value + half, exact: false };
}

function leadEstimate(state: WorldState, turn: number, lead: number, intel: number, viewer: string): Estimate {
  const half = 1 + 6 * (1 - intel);
  const value = lead + noiseFor(state.seed, turn, `lead:${viewer}`) * half * 0.6;
  return { value, low: value - half, high: value + half, exact: false };
}

/**
 * A covert flow as an outside seat sees it: what detection exposed (with a band that narrows with
 * intelligence), or nothing seen and an upper band from public base figures. The true flow is never used.
 */
function covertEstimate(state: WorldState, turn: number, viewer: SeatId, kind: 'smuggled' | 'offshore', intel: number): Estimate {
  const seen = state.exposed[kind];
  const g = Math.pow(state.params.globalComputeGrowth, turn);
  const prior = (kind === 'smuggled' ? state.params.smuggledBasePerQuarter : state.params.offshoreBasePerQuarter) * g * 1.5;
  if (seen > 0) {
    const half = seen * 0.8 * (1 - intel);
    const value = Math.max(0, seen + noiseFor(state.seed, turn, `${viewer}:exposed:${kind}`) * half * 0.5);
    return { value, low: Math.max(0, value - half), high: value + half, exact: false };
  }
  return { value: 0, low: 0, high: prior, exact: false };
}

function ownBloc(seat: SeatId): BlocId | null {
  switch (seat) {
    case 'US':
    case 'USLAB':
      return 'US';
    case 'CN':
    case 'CNLAB':
      return 'CN';
    case 'EU':
    case 'JK':
    case 'TW':
      return 'ALLIES';
    case 'HUB':
      return 'HUB';
  }
}

function publicEvents(events: readonly GameEvent[]): GameEvent[] {
  return events.filter((e) => e.visibility === 'public').map(stripActor);
}

function stripActor(e: GameEvent): GameEvent {
  const { actor: _actor, ...rest } = e;
  return rest;
}

/** The events a seat may see: public ones and those it is in the audience of; the true actor only of its own acts. */
export function eventsFor(events: readonly GameEvent[], seat: SeatId): GameEvent[] {
  return events.filter((e) => e.visibility === 'public' || e.audience.includes(seat)).map((e) => (e.actor === seat ? e : stripActor(e)));
}

export function publicView(state: WorldState): PublicView {
  const series: PublicSeries[] = state.history.map((h) => ({
    turn: h.turn,
    quarter: h.quarter,
    lead: leadEstimate(state, h.turn, h.leadMonths, PUBLIC_INTEL, 'public'),
    tension: h.tension,
    ...(h.tensionWhy ? { tensionWhy: h.tensionWhy } : {}),
    cooperation: h.cooperation,
    misuse: h.risk.misuse,
    swingDemocratic: swingShareOf(h.adoption),
  }));
  const over = state.outcome !== null;
  return {
    scenarioId: state.scenarioId,
    turn: state.turn,
    turns: state.turns,
    quarter: quarterLabel(state.startQuarter + Math.min(state.turn, state.turns - 1) - (over ? 1 : 0) + (over && state.turn === 0 ? 1 : 0)),
    adoption: state.adoption,
    swingDemocratic: swingDemocratic(state),
    tension: state.tension,
    cooperation: state.cooperation,
    misuseRisk: state.risk.misuse,
    lead: over ? exactly(state.leadMonths) : leadEstimate(state, state.turn, state.leadMonths, PUBLIC_INTEL, 'public'),
    compute: Object.fromEntries(
      BLOCS.map((b) => [b, over ? exactly(state.compute[b].stock) : estimate(state, state.turn, `public:${b}`, state.compute[b].stock, PUBLIC_INTEL, 0.5)]),
    ) as Record<BlocId, Estimate>,
    agreements: state.agreements.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: AGREEMENT_MENU[a.kind]?.title ?? a.kind,
      parties: a.parties,
      expiresQuarter: quarterLabel(state.startQuarter + a.expiresTurn - 1),
    })),
    events: state.history.flatMap((h) => publicEvents(h.events)),
    series,
    outcome: state.outcome,
    reveal: over ? state.history : null,
    scores: over ? scoreSeats(state) : null,
  };
}

function exactly(x: number): Estimate {
  return { value: x, low: x, high: x, exact: true };
}

/** Everything one seat may know: its own state exactly, the others as estimates, its own events and agenda. */
export function seatView(state: WorldState, seat: SeatId): SeatView {
  const intel = state.intel[seat];
  const bloc = ownBloc(seat);
  const turn = state.turn;
  const chinese = SEAT_INFO[seat].side === 'prc';
  const cn = state.compute.CN.inflow;
  const cnInflow: Record<keyof ComputeFlows, Estimate> = chinese
    ? { legal: exactly(cn.legal), domestic: exactly(cn.domestic), smuggled: exactly(cn.smuggled), offshore: exactly(cn.offshore) }
    : {
        // The licensed sales are the US government's own licences: it knows them; others estimate them.
        legal: seat === 'US' ? exactly(cn.legal) : estimate(state, turn, `${seat}:cn:legal`, cn.legal, intel, 0.1),
        domestic: estimate(state, turn, `${seat}:cn:domestic`, cn.domestic, intel, 0.8),
        smuggled: covertEstimate(state, turn, seat, 'smuggled', intel),
        offshore: covertEstimate(state, turn, seat, 'offshore', intel),
      };
  const lab = seat === 'USLAB' || seat === 'CNLAB' ? state.labs[seat] : null;
  const last = state.history[state.history.length - 1];
  const agendaDef = state.agendas[seat] ? AGENDA_BY_ID.get(state.agendas[seat] as string) : undefined;
  return {
    seat,
    turn,
    resources: state.resources[seat],
    income: state.income[seat],
    levers: state.levers[seat],
    lead: leadEstimate(state, turn, state.leadMonths, intel, seat),
    compute: Object.fromEntries(
      BLOCS.map((b) => [b, estimate(state, turn, `${seat}:${b}`, state.compute[b].stock, intel, 0.5, b === bloc)]),
    ) as Record<BlocId, Estimate>,
    cnInflow,
    ownCapability: lab ? lab.capability : null,
    ownSafety: lab ? lab.safety : null,
    intel,
    events: state.history.flatMap((h) => eventsFor(h.events, seat)),
    lastOrders: last ? last.orders[seat] : [],
    objectives: objectiveViews(OBJECTIVES.seats[seat].public),
    agenda: agendaDef ? { id: agendaDef.id, title: agendaDef.title, text: agendaDef.text, objectives: objectiveViews(agendaDef.objectives) } : null,
    proposals: state.proposals.filter((p) => p.parties.includes(seat)),
  };
}

/** Every seat's view at once (for servers that push views to all seats after a resolution). */
export function allSeatViews(state: WorldState): BySeat<SeatView> {
  return Object.fromEntries(SEATS.map((s) => [s, seatView(state, s)])) as BySeat<SeatView>;
}
