import type { BySeat, SeatId } from './seats.js';
import type { QuarterIndex } from './clock.js';
import type { OutcomeResult } from './outcomes.js';
import type { LeverId } from './levers.js';
import type { Params } from './scenario.js';

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
/** The swing markets that decide the adoption part of the outcome. */
export const SWING_REGIONS: readonly RegionId[] = ['HUBS', 'SOUTH'];

export type AdoptionShare = { democratic: number; prc: number };

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
};

export type Agreement = {
  id: string;
  kind: string;
  parties: SeatId[];
  signedTurn: number;
  expiresTurn: number;
  /** Seats that breached it covertly; detected breaches are also public events. */
  breachedBy: SeatId[];
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
};

export type Order = {
  action: string;
  intensity: number;
  /** A target seat where the action names one. */
  target?: SeatId;
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
  levers: BySeat<Partial<Record<LeverId, number>>>;
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
  /** Distillation: this quarter's campaign intensity and extracted capability (doublings). */
  distillation: { intensity: number; extracted: number; detection: number; deterrence: number };
  risk: { racing: number; misuse: number; incidents: number };
  tension: number;
  cooperation: number;
  /** Per-seat intelligence effort, 0..1: narrows the bands on estimates of others. */
  intel: BySeat<number>;
  agreements: Agreement[];
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
  cooperation: number;
  events: GameEvent[];
};
