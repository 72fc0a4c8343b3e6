import { SEAT_INFO, bySeat } from './seats.js';
import { quarterIndex } from './clock.js';
import { paramsOf, type Scenario } from './scenario.js';
import type { BlocCompute, WorldState } from './state.js';
import { frontierDoublingsPerMonth } from './formulas.js';
import { LEVERS, type LeverId } from './levers.js';

/** The opening position of a match: every figure comes from the scenario. */
export function createWorld(scenario: Scenario, seed: string): WorldState {
  const p = paramsOf(scenario);
  const s = scenario.start;
  const global = s.globalStock.value;
  const stock = (share: number) => global * share;
  const inflowFor = (blocStock: number): BlocCompute['inflow'] => ({
    legal: 0,
    domestic: blocStock * (p.globalComputeGrowth - 1 + p.depreciation),
    smuggled: 0,
    offshore: 0,
  });
  const usStock = stock(s.stockShare.US.value);
  const cnInflow = {
    legal: s.cnInflow.legal.value,
    domestic: s.cnInflow.domestic.value,
    smuggled: s.cnInflow.smuggled.value,
    offshore: s.cnInflow.offshore.value,
  };
  // Frontier runs train on the newest chips: a lab's training compute is its bloc's last four quarters of supply.
  const usTraining = 4 * inflowFor(usStock).domestic;
  const cnTraining = 4 * (cnInflow.legal + cnInflow.domestic + cnInflow.smuggled + cnInflow.offshore);
  const usCapability = Math.log2(usTraining);
  const gapDoublings = s.leadMonths.value * frontierDoublingsPerMonth(p);
  const cnEfficiencyLog2 = usCapability - gapDoublings - Math.log2(cnTraining);

  const levers = bySeat(() => ({}) as Partial<Record<LeverId, number>>);
  for (const l of LEVERS) levers[l.seat][l.id] = 0;
  for (const [seat, values] of Object.entries(s.levers ?? {})) {
    Object.assign(levers[seat as keyof typeof levers], values);
  }
  const income = bySeat((seat) => (SEAT_INFO[seat].kind === 'lab' ? p.labIncome : p.governmentIncome));

  return {
    scenarioId: scenario.id,
    seed,
    turn: 0,
    turns: scenario.turns,
    startQuarter: quarterIndex(scenario.startYear, scenario.startQuarter),
    params: p,
    seatsInPlay: [...scenario.seatsInPlay],
    levers,
    resources: { ...income },
    income,
    compute: {
      US: { stock: usStock, inflow: inflowFor(usStock) },
      CN: { stock: stock(s.stockShare.CN.value), inflow: cnInflow },
      ALLIES: { stock: stock(s.stockShare.ALLIES.value), inflow: inflowFor(stock(s.stockShare.ALLIES.value)) },
      HUB: { stock: stock(s.stockShare.HUB.value), inflow: inflowFor(stock(s.stockShare.HUB.value)) },
    },
    supply: {
      smeAccess: s.smeAccess.value,
      hbmAccess: s.hbmAccess.value,
      domesticYield: s.domesticYield.value,
      hbmStockpile: 1,
    },
    labs: {
      USLAB: { capability: usCapability, trainingCompute: usTraining, efficiencyLog2: 0, safety: s.safety.USLAB.value, distilled: 0 },
      CNLAB: { capability: usCapability - gapDoublings, trainingCompute: cnTraining, efficiencyLog2: cnEfficiencyLog2, safety: s.safety.CNLAB.value, distilled: 0 },
    },
    trainingWindow: { USLAB: [0, 1, 2, 3].map(() => usTraining / 4), CNLAB: [0, 1, 2, 3].map(() => cnTraining / 4) },
    leadMonths: s.leadMonths.value,
    adoption: {
      ALLIES: share(s.adoptionDemocratic.ALLIES.value),
      HUBS: share(s.adoptionDemocratic.HUBS.value),
      SOUTH: share(s.adoptionDemocratic.SOUTH.value),
      CHINA: share(s.adoptionDemocratic.CHINA.value),
    },
    distillation: { intensity: 0, extracted: 0, detection: 0, deterrence: 0 },
    risk: { racing: 0, misuse: s.misuse.value, incidents: 0 },
    tension: s.tension.value,
    cooperation: s.cooperation.value,
    intel: bySeat(() => 0.3),
    agreements: [],
    pendingEvents: scenario.events.map((e) => ({ turn: e.turn, eventId: e.eventId })),
    drawnEvents: [],
    modifiers: [],
    history: [],
    outcome: null,
  };
}

function share(democratic: number) {
  return { democratic, prc: 1 - democratic };
}
