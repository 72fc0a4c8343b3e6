import { SEAT_INFO, bySeat, type BySeat } from './seats.js';
import { quarterIndex } from './clock.js';
import { paramsOf, type Scenario } from './scenario.js';
import type { BlocCompute, RegionId, WorldState } from './state.js';
import { frontierDoublingsPerMonth, logit } from './formulas.js';
import { LEVERS, type LeverValues, type SeatLevers } from './levers.js';
import { adoptionPush, regionalPush } from './steps/adoption-step.js';
import { drawAgendas, type AgendaChoice } from './objectives.js';
import { rngFor } from './rng.js';
import { K } from './coefficients.js';
import { perSeat } from './clone.js';

/** Each seat's levers at 0, in the catalogue's order: the template every world's levers are copied from. */
const ZERO_LEVERS: BySeat<LeverValues> = bySeat(() => ({}));
for (const l of LEVERS) ZERO_LEVERS[l.seat][l.id] = 0;

export type CreateWorldOptions = {
  /** Secret agendas: none (the default), drawn from the seed, or chosen per seat. */
  agendas?: AgendaChoice;
};

/**
 * The opening position of a match: every figure comes from the scenario. Each lab's training window
 * holds its bloc's supply over the year before the start (growing at the global rate); the PRC lab's
 * efficiency offset is set so that the opening lead is the scenario's; each region's bias is set so that
 * its opening adoption share is at rest under the opening levers.
 */
export function createWorld(scenario: Scenario, seed: string, opts: CreateWorldOptions = {}): WorldState {
  const p = paramsOf(scenario);
  const s = scenario.start;
  const g = p.globalComputeGrowth;
  const global = s.globalStock.value;
  const stock = (share: number) => global * share;
  const inflowFor = (blocStock: number): BlocCompute['inflow'] => ({ legal: 0, domestic: blocStock * (g - 1 + p.depreciation), smuggled: 0, offshore: 0 });
  const usStock = stock(s.stockShare.US.value);
  const cnInflow = { legal: s.cnInflow.legal.value, domestic: s.cnInflow.domestic.value, smuggled: s.cnInflow.smuggled.value, offshore: s.cnInflow.offshore.value };
  const history = (latest: number) => [3, 2, 1, 0].map((k) => latest / Math.pow(g, k));
  const usWindow = history(inflowFor(usStock).domestic);
  const cnWindow = history(cnInflow.legal + cnInflow.domestic + cnInflow.smuggled + cnInflow.offshore);
  const usTraining = usWindow.reduce((a, b) => a + b, 0);
  const cnTraining = cnWindow.reduce((a, b) => a + b, 0);
  const usCapability = Math.log2(usTraining);
  const gapDoublings = s.leadMonths.value * frontierDoublingsPerMonth(p);
  const cnEfficiencyLog2 = usCapability - gapDoublings - Math.log2(cnTraining);

  // Every lever is present, in the catalogue's order (one shape per seat keeps the resolver's reads fast).
  const all = perSeat(ZERO_LEVERS);
  if (s.levers) for (const [seat, values] of Object.entries(s.levers)) Object.assign(all[seat as keyof typeof all], values);
  const levers = all as SeatLevers;
  const posture = perSeat(all);
  const income = bySeat((seat) => (SEAT_INFO[seat].kind === 'lab' ? p.labIncome : p.governmentIncome));
  const zero = () => bySeat(() => 0);

  const world: WorldState = {
    scenarioId: scenario.id,
    seed,
    turn: 0,
    turns: scenario.turns,
    startQuarter: quarterIndex(scenario.startYear, scenario.startQuarter),
    params: p,
    seatsInPlay: [...scenario.seatsInPlay],
    levers,
    posture,
    resources: { ...income },
    income,
    compute: {
      US: { stock: usStock, inflow: inflowFor(usStock) },
      CN: { stock: stock(s.stockShare.CN.value), inflow: cnInflow },
      ALLIES: { stock: stock(s.stockShare.ALLIES.value), inflow: inflowFor(stock(s.stockShare.ALLIES.value)) },
      HUB: { stock: stock(s.stockShare.HUB.value), inflow: inflowFor(stock(s.stockShare.HUB.value)) },
    },
    supply: { smeAccess: s.smeAccess.value, hbmAccess: s.hbmAccess.value, domesticYield: s.domesticYield.value, hbmStockpile: 1, smugglingReach: 1, offshoreReach: 1 },
    labs: {
      USLAB: { capability: usCapability, trainingCompute: usTraining, efficiencyLog2: 0, safety: s.safety.USLAB.value, distilled: 0 },
      CNLAB: { capability: usCapability - gapDoublings, trainingCompute: cnTraining, efficiencyLog2: cnEfficiencyLog2, safety: s.safety.CNLAB.value, distilled: 0 },
    },
    trainingWindow: { USLAB: usWindow, CNLAB: cnWindow },
    leadMonths: s.leadMonths.value,
    adoption: {
      ALLIES: share(s.adoptionDemocratic.ALLIES.value),
      HUBS: share(s.adoptionDemocratic.HUBS.value),
      SOUTH: share(s.adoptionDemocratic.SOUTH.value),
      CHINA: share(s.adoptionDemocratic.CHINA.value),
    },
    adoptionBias: { ALLIES: 0, HUBS: 0, SOUTH: 0, CHINA: 0 },
    distillation: { intensity: 0, extracted: 0, detection: 0, deterrence: 0 },
    risk: { racing: 0, misuse: s.misuse.value, incidents: 0 },
    tension: s.tension.value,
    cooperation: s.cooperation.value,
    intel: bySeat(() => 0.3),
    agreements: (s.agreements ?? []).map((a) => ({ id: `${a.kind}-0`, kind: a.kind, parties: [...a.parties], signedTurn: 0, expiresTurn: a.quarters, breachedBy: [], exposedBreaches: [] })),
    proposals: [],
    exposed: { smuggled: 0, offshore: 0, distillation: 0 },
    totals: { cnSupply: { legal: 0, domestic: 0, smuggled: 0, offshore: 0 }, extracted: 0, covertActs: zero(), covertDetected: zero(), jointQuarters: 0 },
    agendas: bySeat(() => null) as BySeat<string | null>,
    pendingEvents: scenario.events.map((e) => ({ turn: e.turn, eventId: e.eventId })),
    drawnEvents: [],
    modifiers: [],
    history: [],
    outcome: null,
  };
  // Nobody knows whose algorithms will improve faster: each lab's trend is drawn across the sourced range.
  const trend = rngFor(seed, 0, 'trend');
  const span = K.efficiencyTrendNoise * Math.log2(K.efficiencyHigh / K.efficiencyLow);
  world.labs.USLAB.trendLog2 = (trend() - 0.5) * span;
  world.labs.CNLAB.trendLog2 = (trend() - 0.5) * span;
  const push = adoptionPush(world);
  const bias = (r: RegionId) => logit(world.adoption[r].democratic) - push - regionalPush(world, r);
  world.adoptionBias = { ALLIES: bias('ALLIES'), HUBS: bias('HUBS'), SOUTH: bias('SOUTH'), CHINA: bias('CHINA') };
  world.agendas = drawAgendas(seed, opts.agendas);
  return world;
}

function share(democratic: number) {
  return { democratic, prc: 1 - democratic };
}
