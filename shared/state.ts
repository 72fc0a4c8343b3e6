import type { BySeat, SeatId } from './seats.js';
import type { QuarterIndex } from './clock.js';
import type { OutcomeResult } from './outcomes.js';
import type { LeverId, SeatLevers } from './levers.js';
import type { Params } from './scenario.js';
import type { TensionCause } from './steps/context.js';

/** Blocs that hold compute. Allies are EU, Japan–Korea and Taiwan together. */
export const BLOCS = ['US', 'CN', 'ALLIES', 'HUB'] as const;
export type BlocId = (typeof BLOCS)[number];

export const COMPUTE_SOURCES = ['legal', 'domestic', 'smuggled', 'offshore'] as const;
export type ComputeSource = (typeof COMPUTE_SOURCES)[number];
export type ComputeFlows = Record<ComputeSource, number>;

export type BlocCompute = {
  /** Installed stock, H100-equivalents. */
  stock: number;
  /** New supply this quarter by source, H100-equivalents. Offshore is rented, not owned. */
  inflow: ComputeFlows;
};

export const REGIONS = ['ALLIES', 'HUBS', 'SOUTH', 'CHINA'] as const;
export type RegionId = (typeof REGIONS)[number];
/** Each region in words, as the panels, tables and notices name it. */
export const REGION_NAME: Readonly<Record<RegionId, string>> = { ALLIES: 'Allies', HUBS: 'Compute hubs', SOUTH: 'Global South', CHINA: 'China' };
/** The swing markets that decide the adoption part of the outcome. */
export const SWING_REGIONS: readonly RegionId[] = ['HUBS', 'SOUTH'];

export type AdoptionShare = { democratic: number; prc: number };

/** Mean democratic share across the swing markets, 0..1: the adoption part of the outcome. */
export function swingShareOf(adoption: Readonly<Record<RegionId, AdoptionShare>>): number {
  let t = 0;
  for (let i = 0; i < SWING_REGIONS.length; i++) t += adoption[SWING_REGIONS[i]].democratic;
  return t / SWING_REGIONS.length;
}

export const LABS = ['USLAB', 'CNLAB'] as const;
export type LabId = (typeof LABS)[number];

export type LabState = {
  /** Frontier capability index in doublings of effective training compute. */
  capability: number;
  /** Training compute this quarter, H100e-quarters devoted to the frontier run. */
  trainingCompute: number;
  /** Algorithmic efficiency multiplier relative to the scenario start (log2). */
  efficiencyLog2: number;
  /** Share of effort spent on safety practice, 0..1. */
  safety: number;
  /** Capability gained by distillation this quarter (doublings); CNLAB only in practice. */
  distilled: number;
  /** This lab's own algorithmic trend relative to the frontier's, doublings per quarter (hidden; drawn at the start). */
  trendLog2?: number;
};

export type SupplyChain = {
  /** PRC access to lithography and other chipmaking tools, 0..1. */
  smeAccess: number;
  /** PRC access to high-bandwidth memory, 0..1. */
  hbmAccess: number;
  /** Domestic fab yield for advanced AI chips, 0..1. */
  domesticYield: number;
  /** HBM stockpile months of domestic production it can still feed, 0.. */
  hbmStockpile: number;
  /** Reach of the smuggling networks (1 at the start): grows with PRC effort, worn down by enforcement. */
  smugglingReach: number;
  /** Reach of the offshore rental arrangements (1 at the start): grows with effort and hub hosting, worn down by rules and KYC. */
  offshoreReach: number;
};

export type Agreement = {
  id: string;
  kind: string;
  parties: SeatId[];
  signedTurn: number;
  expiresTurn: number;
  /** Seats that breached it (the truth, known to the breaching seat and to no one else until exposed). */
  breachedBy: SeatId[];
  /** Seats whose breach was detected and made public. */
  exposedBreaches: SeatId[];
};

/** A formal offer of an agreement from the menu, waiting for every named party to accept. */
export type Proposal = {
  id: string;
  kind: string;
  proposer: SeatId;
  parties: SeatId[];
  /** Parties that have accepted so far (the proposer accepts by proposing). */
  acceptedBy: SeatId[];
  /** The turn (quarters resolved) when it was proposed; it lapses if not signed by the next resolution. */
  turn: number;
};

/** Covert flows exposed by detection this quarter: the only view of them that seats outside the PRC get. */
export type Exposed = { smuggled: number; offshore: number; distillation: number };

/** Running totals over the match, for seat scores and the after-action report. */
export type Totals = {
  /** PRC supply by source, H100e summed over quarters. */
  cnSupply: ComputeFlows;
  /** Capability the PRC lab extracted by distillation, doublings. */
  extracted: number;
  /** Covert acts ordered, and detected, per seat. */
  covertActs: BySeat<number>;
  covertDetected: BySeat<number>;
  /** Quarters in which a seat's lab or government ran joint work with the other side. */
  jointQuarters: number;
};

export type Visibility = 'public' | 'private' | 'covert';

export type GameEvent = {
  turn: number;
  quarter: string;
  /** A stable code for the kind of event, e.g. 'order', 'detected', 'incident-roll', 'event-card'. */
  kind: string;
  text: string;
  visibility: Visibility;
  /** Seats that may see a private or covert event (the actor, its partners, detecting seats). */
  audience: SeatId[];
  /** For rolls: the probability and the roll, shown to everyone. */
  odds?: number;
  roll?: number;
  /** Who an event was attributed to (may be wrong at low intelligence). */
  attributedTo?: SeatId;
  /** The seat that truly did it (never sent to seats outside the audience). */
  actor?: SeatId;
  /** For event cards: the card's id in data/events.json. */
  eventId?: string;
  /** For orders, detections and breaches: the act (an id from data/actions.json), and for orders its intensity. */
  action?: string;
  intensity?: number;
  /** For agreement events: the kind of agreement (an id from data/agreements.json). */
  agreement?: string;
};

export type Order = {
  action: string;
  intensity: number;
  /** A target seat where the action names one. */
  target?: SeatId;
  /** For a `sign-agreement` order: the kind of agreement (an id from data/agreements.json). */
  agreement?: string;
};

export type SeatOrders = Order[];

export type WorldState = {
  scenarioId: string;
  seed: string;
  /** Turns resolved so far; 0 before the first resolution. */
  turn: number;
  turns: number;
  startQuarter: QuarterIndex;
  /** The scenario's parameters, carried so that any saved state can be resolved on its own. */
  params: Params;
  /** Seats a human may take; the rest are always bots. */
  seatsInPlay: SeatId[];
  /** Policy levers per seat, 0..1 each; persistent policies and this quarter's campaigns. */
  levers: SeatLevers;
  /** The scenario's starting levers: the posture that bots hold to unless the situation moves them. */
  posture: BySeat<Partial<Record<LeverId, number>>>;
  resources: BySeat<number>;
  income: BySeat<number>;
  compute: Record<BlocId, BlocCompute>;
  supply: SupplyChain;
  labs: Record<LabId, LabState>;
  /** Each lab's bloc supply over the last four quarters, newest last: frontier runs train on recent chips. */
  trainingWindow: Record<LabId, number[]>;
  /** Lead of the best democratic lab over the best PRC lab, months (negative: PRC ahead). */
  leadMonths: number;
  adoption: Record<RegionId, AdoptionShare>;
  /** Per-region preference for the democratic stack that the scenario's opening shares imply (logit units). */
  adoptionBias: Record<RegionId, number>;
  /** Distillation: this quarter's campaign intensity and extracted capability (doublings). */
  distillation: { intensity: number; extracted: number; detection: number; deterrence: number };
  risk: { racing: number; misuse: number; incidents: number };
  tension: number;
  cooperation: number;
  /** Per-seat intelligence effort, 0..1: narrows the bands on estimates of others. */
  intel: BySeat<number>;
  agreements: Agreement[];
  /** Agreement proposals awaiting signatures (signed at the next resolution when every party accepted). */
  proposals: Proposal[];
  /** Covert flows exposed by detection in the last resolved quarter. */
  exposed: Exposed;
  totals: Totals;
  /** Each seat's secret agenda (an id from data/objectives.json), or null: private to that seat. */
  agendas: BySeat<string | null>;
  /** Scheduled and injected event ids waiting to fire, by turn. */
  pendingEvents: { turn: number; eventId: string; injectedBy?: string }[];
  /** Event cards already drawn (not drawn twice). */
  drawnEvents: string[];
  /** Modifiers from event cards, applied during resolution and expiring at `untilTurn`. */
  modifiers: { id: string; key: string; value: number; untilTurn: number }[];
  history: TurnRecord[];
  outcome: OutcomeResult | null;
};

/** What is kept per resolved quarter for charts, reports and replays. */
export type TurnRecord = {
  turn: number;
  quarter: string;
  orders: BySeat<SeatOrders>;
  leadMonths: number;
  compute: Record<BlocId, BlocCompute>;
  capability: Record<LabId, number>;
  adoption: Record<RegionId, AdoptionShare>;
  risk: { racing: number; misuse: number };
  tension: number;
  /** The quarter's tension change split by cause, summing to it (histories kept before it was recorded have none). */
  tensionWhy?: Partial<Record<TensionCause, number>>;
  cooperation: number;
  events: GameEvent[];
};
