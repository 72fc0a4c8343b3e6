import type { AdoptionShare, BlocCompute, WorldState } from './state.js';
import type { BySeat } from './seats.js';

function bloc(b: BlocCompute): BlocCompute {
  const f = b.inflow;
  return { stock: b.stock, inflow: { legal: f.legal, domestic: f.domestic, smuggled: f.smuggled, offshore: f.offshore } };
}

function share(a: AdoptionShare): AdoptionShare {
  return { democratic: a.democratic, prc: a.prc };
}

/** A copy of each seat's record (one spread per seat, so each copies one shape). */
export function perSeat<T extends { [S in keyof BySeat<unknown>]: object }>(x: T): T {
  return { US: { ...x.US }, CN: { ...x.CN }, EU: { ...x.EU }, JK: { ...x.JK }, TW: { ...x.TW }, HUB: { ...x.HUB }, USLAB: { ...x.USLAB }, CNLAB: { ...x.CNLAB } } as T;
}

/**
 * A deep copy of the world, written out field by field (much faster than structuredClone in the
 * resolver's hot path). Parts never mutated in place — params, the scenario posture, history records,
 * proposals, pending events — are shared; everything the resolver mutates is copied.
 */
export function cloneWorld(s: WorldState): WorldState {
  return {
    scenarioId: s.scenarioId,
    seed: s.seed,
    turn: s.turn,
    turns: s.turns,
    startQuarter: s.startQuarter,
    params: s.params,
    seatsInPlay: s.seatsInPlay,
    levers: perSeat(s.levers),
    posture: s.posture,
    resources: { ...s.resources },
    income: { ...s.income },
    compute: { US: bloc(s.compute.US), CN: bloc(s.compute.CN), ALLIES: bloc(s.compute.ALLIES), HUB: bloc(s.compute.HUB) },
    supply: { ...s.supply },
    labs: { USLAB: { ...s.labs.USLAB }, CNLAB: { ...s.labs.CNLAB } },
    trainingWindow: { USLAB: s.trainingWindow.USLAB.slice(), CNLAB: s.trainingWindow.CNLAB.slice() },
    leadMonths: s.leadMonths,
    adoption: { ALLIES: share(s.adoption.ALLIES), HUBS: share(s.adoption.HUBS), SOUTH: share(s.adoption.SOUTH), CHINA: share(s.adoption.CHINA) },
    adoptionBias: { ...s.adoptionBias },
    distillation: { ...s.distillation },
    risk: { ...s.risk },
    tension: s.tension,
    cooperation: s.cooperation,
    intel: { ...s.intel },
    agreements: s.agreements.length ? s.agreements.map((a) => ({ ...a, parties: a.parties, breachedBy: a.breachedBy.slice(), exposedBreaches: a.exposedBreaches.slice() })) : [],
    proposals: s.proposals,
    exposed: { ...s.exposed },
    totals: {
      cnSupply: { ...s.totals.cnSupply },
      extracted: s.totals.extracted,
      covertActs: { ...s.totals.covertActs },
      covertDetected: { ...s.totals.covertDetected },
      jointQuarters: s.totals.jointQuarters,
    },
    agendas: s.agendas,
    pendingEvents: s.pendingEvents,
    drawnEvents: s.drawnEvents.slice(),
    modifiers: s.modifiers.slice(),
    history: s.history,
    outcome: s.outcome,
  };
}

/** A deep copy of plain data (numbers, strings, booleans, null, arrays and objects). */
export function copyData<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copyData) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = copyData((v as Record<string, unknown>)[k]);
    return out as T;
  }
  return v;
}
