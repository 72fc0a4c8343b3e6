import { z } from 'zod';
import { SEATS, bySeat, type BySeat, type SeatId } from './seats.js';
import { LEVERS, type LeverId } from './levers.js';
import { OUTCOMES, type OutcomeId } from './outcomes.js';
import { frontierDoublingsPerMonth } from './formulas.js';
import { rngFor } from './rng.js';
import { swingShareOf, type WorldState } from './state.js';
import { lv } from './steps/context.js';
import objectivesJson from './data/objectives.json';

/** What an objective can measure at the end of a match (see docs/MODEL.md). */
export const METRICS = {
  /** The seat's value for the match's outcome (data/objectives.json: outcomeValues). */
  outcome: (_s: WorldState) => 0,
  lead: (s: WorldState) => s.leadMonths,
  swing: (s: WorldState) => swingShareOf(s.adoption),
  swingBalance: (s: WorldState) => 1 - 2 * Math.abs(swingShareOf(s.adoption) - 0.5),
  adoptionAllies: (s: WorldState) => s.adoption.ALLIES.democratic,
  adoptionHubs: (s: WorldState) => s.adoption.HUBS.democratic,
  southPrc: (s: WorldState) => s.adoption.SOUTH.prc,
  tension: (s: WorldState) => s.tension,
  cooperation: (s: WorldState) => s.cooperation,
  misuse: (s: WorldState) => s.risk.misuse,
  usSafety: (s: WorldState) => s.labs.USLAB.safety,
  cnSafety: (s: WorldState) => s.labs.CNLAB.safety,
  /** PRC supply over the match, millions of H100e. */
  cnSupply: (s: WorldState) => (s.totals.cnSupply.legal + s.totals.cnSupply.domestic + s.totals.cnSupply.smuggled + s.totals.cnSupply.offshore) / 1e6,
  covertFlows: (s: WorldState) => (s.totals.cnSupply.smuggled + s.totals.cnSupply.offshore) / 1e6,
  offshoreTotal: (s: WorldState) => s.totals.cnSupply.offshore / 1e6,
  extractedMonths: (s: WorldState) => s.totals.extracted / frontierDoublingsPerMonth(s.params),
  cnDetected: (s: WorldState) => s.totals.covertDetected.CN + s.totals.covertDetected.CNLAB,
  jointQuarters: (s: WorldState) => s.totals.jointQuarters,
  usCnAgreements: (s: WorldState) => s.agreements.filter((a) => a.parties.includes('US') && a.parties.includes('CN')).length,
  usComputeShare: (s: WorldState) => share(s, 'US'),
  alliesComputeShare: (s: WorldState) => share(s, 'ALLIES'),
  hubComputeShare: (s: WorldState) => share(s, 'HUB'),
  /** A lever's value at the end (needs `seat` and `lever`). */
  lever: (_s: WorldState) => 0,
} as const satisfies Record<string, (s: WorldState) => number>;
export type MetricId = keyof typeof METRICS;

function share(s: WorldState, b: 'US' | 'ALLIES' | 'HUB'): number {
  const c = s.compute;
  return c[b].stock / (c.US.stock + c.CN.stock + c.ALLIES.stock + c.HUB.stock);
}

const leverIds = LEVERS.map((l) => l.id) as [LeverId, ...LeverId[]];
const metricIds = Object.keys(METRICS) as [MetricId, ...MetricId[]];

export const ObjectiveSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: z.string().min(1),
    metric: z.enum(metricIds),
    good: z.enum(['high', 'low']).optional(),
    lo: z.number().optional(),
    hi: z.number().optional(),
    weight: z.number().positive(),
    seat: z.enum(SEATS).optional(),
    lever: z.enum(leverIds).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.metric === 'lever' && (!o.seat || !o.lever)) ctx.addIssue({ code: 'custom', message: 'a lever objective names its seat and lever' });
    if (o.metric !== 'outcome' && (o.lo === undefined || o.hi === undefined || o.good === undefined || o.lo >= o.hi)) {
      ctx.addIssue({ code: 'custom', message: 'an objective needs good, and lo < hi' });
    }
  });
export type Objective = z.infer<typeof ObjectiveSchema>;

export const AgendaSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), title: z.string().min(1), text: z.string().min(1), objectives: z.array(ObjectiveSchema).min(1) }).strict();
export type Agenda = z.infer<typeof AgendaSchema>;

const SeatObjectivesSchema = z.object({ public: z.array(ObjectiveSchema).min(1), agendas: z.array(AgendaSchema).min(1) }).strict();

const OutcomeValues = z.object(Object.fromEntries(OUTCOMES.map((o) => [o, z.number().min(0).max(1)])) as Record<OutcomeId, z.ZodNumber>).strict();

export const ObjectivesTableSchema = z
  .object({
    note: z.string(),
    agendaWeight: z.number().min(0).max(1),
    outcomeValues: z.object(Object.fromEntries(SEATS.map((s) => [s, OutcomeValues])) as Record<SeatId, typeof OutcomeValues>).strict(),
    seats: z.object(Object.fromEntries(SEATS.map((s) => [s, SeatObjectivesSchema])) as Record<SeatId, typeof SeatObjectivesSchema>).strict(),
  })
  .strict();

/** Every seat's public objectives and secret-agenda options (data/objectives.json), validated at load. */
export const OBJECTIVES = ObjectivesTableSchema.parse(objectivesJson);
export const AGENDA_BY_ID: ReadonlyMap<string, Agenda & { seat: SeatId }> = new Map(
  SEATS.flatMap((seat) => OBJECTIVES.seats[seat].agendas.map((a) => [a.id, { ...a, seat }] as const)),
);

/** How secret agendas are handed out when a match is created. */
export type AgendaChoice = 'none' | 'draw' | Partial<BySeat<string | null>>;

/** Secret agendas for every seat: none (the default), one drawn per seat from the seed, or as chosen. */
export function drawAgendas(seed: string, choice: AgendaChoice = 'none'): BySeat<string | null> {
  if (choice === 'none') return bySeat(() => null);
  if (choice === 'draw') {
    const rng = rngFor(seed, 0, 'agendas');
    return bySeat((seat) => {
      const options = OBJECTIVES.seats[seat].agendas;
      return options[Math.floor(rng() * options.length)].id;
    });
  }
  return bySeat((seat) => {
    const id = choice[seat] ?? null;
    if (id !== null && AGENDA_BY_ID.get(id)?.seat !== seat) throw new Error(`"${id}" is not a secret agenda of ${seat}`);
    return id;
  });
}

/** Give one seat a secret agenda (or none). Pure: a new state, or an error and no change. */
export function assignAgenda(state: WorldState, seat: SeatId, agendaId: string | null): { ok: true; state: WorldState } | { ok: false; error: string } {
  if (agendaId !== null && AGENDA_BY_ID.get(agendaId)?.seat !== seat) return { ok: false, error: `"${agendaId}" is not a secret agenda of ${seat}.` };
  return { ok: true, state: { ...state, agendas: { ...state.agendas, [seat]: agendaId } } };
}

export type ObjectiveScore = { id: string; label: string; value: number; score: number; weight: number };
export type SeatScore = {
  seat: SeatId;
  /** 0..100: the public objectives, blended with the secret agenda when the seat has one. */
  total: number;
  /** 0..100 on the public objectives alone. */
  public: number;
  objectives: ObjectiveScore[];
  agenda: { id: string; title: string; score: number; objectives: ObjectiveScore[] } | null;
};

function metricValue(s: WorldState, seat: SeatId, o: Objective): number {
  if (o.metric === 'outcome') return s.outcome ? OBJECTIVES.outcomeValues[seat][s.outcome.id] : 0;
  if (o.metric === 'lever') return lv(s, o.seat as SeatId, o.lever as LeverId);
  return METRICS[o.metric](s);
}

function scoreOne(s: WorldState, seat: SeatId, o: Objective): ObjectiveScore {
  const value = metricValue(s, seat, o);
  let score = value;
  if (o.metric !== 'outcome') {
    const lo = o.lo as number;
    const hi = o.hi as number;
    const t = Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
    score = o.good === 'low' ? 1 - t : t;
  }
  return { id: o.id, label: o.label, value, score, weight: o.weight };
}

function mean(xs: readonly ObjectiveScore[]): number {
  const w = xs.reduce((t, x) => t + x.weight, 0);
  return w > 0 ? (100 * xs.reduce((t, x) => t + x.weight * x.score, 0)) / w : 0;
}

/**
 * Every seat's score against its own objectives (public, plus its secret agenda if it has one), so a seat
 * can do well in a bad world or badly in a good one. Meaningful at the end; computable at any time.
 */
export function scoreSeats(state: WorldState): BySeat<SeatScore> {
  return bySeat((seat) => {
    const objectives = OBJECTIVES.seats[seat].public.map((o) => scoreOne(state, seat, o));
    const pub = mean(objectives);
    const agendaDef = state.agendas[seat] ? AGENDA_BY_ID.get(state.agendas[seat] as string) : undefined;
    const agenda = agendaDef
      ? (() => {
          const parts = agendaDef.objectives.map((o) => scoreOne(state, seat, o));
          return { id: agendaDef.id, title: agendaDef.title, score: mean(parts), objectives: parts };
        })()
      : null;
    const total = agenda ? (1 - OBJECTIVES.agendaWeight) * pub + OBJECTIVES.agendaWeight * agenda.score : pub;
    return { seat, total, public: pub, objectives, agenda };
  });
}
