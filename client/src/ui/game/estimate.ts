import {
  ACTION_BY_ID,
  BLOCS,
  SEATS,
  breachedKinds,
  bySeat,
  createWorld,
  detectionOdds,
  frontierDoublingsPerMonth,
  ordersCost,
  playQuarter,
  swingDemocratic,
  type Agreement,
  type Order,
  type PublicView,
  type SeatId,
  type SeatView,
  type WorldState,
} from '../../../../shared/index.js';
import { scenarioById } from '../../match-scenario.js';

/**
 * The world as one seat believes it to be: the scenario's public opening (for everything nobody
 * reports), overwritten with the public dashboard and the seat's own view — its exact figures and its
 * estimates of the others. The client holds no hidden information, so none can leak into this.
 */
export function estimatedWorld(pub: PublicView, sv: SeatView): WorldState | null {
  const scenario = scenarioById(pub.scenarioId);
  if (!scenario) return null;
  const w = createWorld(scenario, `preview:${pub.scenarioId}`);
  const seat = sv.seat;
  const g = w.params.globalComputeGrowth;
  w.turn = pub.turn;
  w.turns = pub.turns;
  Object.assign(w.levers[seat], sv.levers);
  w.resources[seat] = sv.resources;
  w.income[seat] = sv.income;
  for (const b of BLOCS) w.compute[b].stock = Math.max(0, sv.compute[b].value);
  const inflow = sv.cnInflow;
  w.compute.CN.inflow = { legal: inflow.legal.value, domestic: inflow.domestic.value, smuggled: inflow.smuggled.value, offshore: inflow.offshore.value };
  // Recent supply windows grow with the market since the start.
  const grow = Math.pow(g, pub.turn);
  w.trainingWindow.USLAB = w.trainingWindow.USLAB.map((x) => x * grow);
  const cnNow = inflow.legal.value + inflow.domestic.value + inflow.smuggled.value + inflow.offshore.value;
  w.trainingWindow.CNLAB = [3, 2, 1, 0].map((k) => cnNow / Math.pow(g, k));
  w.adoption = structuredClone(pub.adoption);
  w.tension = pub.tension;
  w.cooperation = pub.cooperation;
  w.risk.misuse = pub.misuseRisk;
  w.leadMonths = sv.lead.value;
  const dpm = frontierDoublingsPerMonth(w.params);
  if (seat === 'CNLAB' && sv.ownCapability !== null) {
    w.labs.CNLAB.capability = sv.ownCapability;
    w.labs.USLAB.capability = sv.ownCapability + sv.lead.value * dpm;
  } else {
    if (seat === 'USLAB' && sv.ownCapability !== null) w.labs.USLAB.capability = sv.ownCapability;
    w.labs.CNLAB.capability = w.labs.USLAB.capability - sv.lead.value * dpm;
  }
  if (sv.ownSafety !== null && (seat === 'USLAB' || seat === 'CNLAB')) w.labs[seat].safety = sv.ownSafety;
  w.agreements = pub.agreements.map((a) => ({ id: a.id, kind: a.kind, parties: [...a.parties], signedTurn: Math.max(0, pub.turn - 1), expiresTurn: pub.turns, breachedBy: [], exposedBreaches: [] }));
  w.proposals = [];
  w.pendingEvents = [];
  return w;
}

export type PreviewRow = { key: string; name: string; hold: number; orders: number; unit: 'months' | 'points' | 'share' | 'h100e' | 'resources'; good: 'up' | 'down' | null };

export type Preview = {
  rows: PreviewRow[];
  cost: number;
  left: number;
  /** Odds that each covert order is detected, on the estimated world. */
  detection: { action: string; name: string; odds: number }[];
};

/**
 * Resolve one quarter of the estimated world twice — with the chosen orders, and holding — with bots in
 * every other seat (the same bots both times), and compare the figures that matter.
 */
export function previewOrders(pub: PublicView, sv: SeatView, orders: Order[]): Preview | null {
  const w = estimatedWorld(pub, sv);
  if (!w) return null;
  const seat = sv.seat;
  const doctrines = bySeat(() => 'opportunist' as const);
  const run = (os: Order[]) => playQuarter(w, { [seat]: os } as Partial<Record<SeatId, Order[]>>, doctrines, { record: false });
  let a: WorldState;
  let b: WorldState;
  let inForce: readonly Agreement[];
  try {
    ({ state: a, inForce } = run(orders));
    b = run([]).state;
  } catch {
    return null;
  }
  const cnIn = (s: WorldState) => s.compute.CN.inflow.legal + s.compute.CN.inflow.domestic + s.compute.CN.inflow.smuggled + s.compute.CN.inflow.offshore;
  const rows: PreviewRow[] = [
    { key: 'lead', name: 'US lead', hold: b.leadMonths, orders: a.leadMonths, unit: 'months', good: SEATS.includes(seat) && (seat === 'CN' || seat === 'CNLAB') ? 'down' : seat === 'HUB' ? null : 'up' },
    { key: 'cnSupply', name: 'PRC new compute', hold: cnIn(b), orders: cnIn(a), unit: 'h100e', good: null },
    { key: 'smuggled', name: '… smuggled', hold: b.compute.CN.inflow.smuggled, orders: a.compute.CN.inflow.smuggled, unit: 'h100e', good: null },
    { key: 'offshore', name: '… offshore rental', hold: b.compute.CN.inflow.offshore, orders: a.compute.CN.inflow.offshore, unit: 'h100e', good: null },
    { key: 'swing', name: 'Swing markets, dem.', hold: swingDemocratic(b), orders: swingDemocratic(a), unit: 'share', good: null },
    { key: 'tension', name: 'Tension', hold: b.tension, orders: a.tension, unit: 'points', good: 'down' },
    { key: 'cooperation', name: 'Cooperation', hold: b.cooperation, orders: a.cooperation, unit: 'points', good: 'up' },
    { key: 'misuse', name: 'Misuse risk', hold: b.risk.misuse, orders: a.risk.misuse, unit: 'share', good: 'down' },
    { key: 'resources', name: 'Your resources next', hold: b.resources[seat], orders: a.resources[seat], unit: 'resources', good: 'up' },
  ];
  const cost = ordersCost(orders);
  const detection = orders
    .map((o) => ({ o, def: ACTION_BY_ID.get(o.action) }))
    .filter((x) => x.def?.visibility === 'covert')
    // On the resolved quarter: detection reads this quarter's defences and campaigns, and an act that
    // breaches an agreement in force (signed this quarter or before) is checked for by its verification.
    .map((x) => ({ action: x.o.action, name: x.def!.name, odds: detectionOdds(a, { action: x.o.action, intensity: x.o.intensity, breaches: breachedKinds(inForce, seat, x.o.action) }) }));
  return { rows, cost, left: sv.resources - cost, detection };
}
