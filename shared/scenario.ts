import { z } from 'zod';
import { SEATS } from './seats.js';
import { LEVERS } from './levers.js';
import { BLOCS, REGIONS } from './state.js';
import { checkParties } from './agreements.js';
import { EVENT_BY_ID, EVENT_DECK } from './events.js';
import { SOURCE_BY_ID } from './sources.js';
import { describeScenarioIssues, nearest, pathText } from './scenario-errors.js';

/** The longest source or event id a scenario may give, and the most events it may schedule. */
const MAX_REF_CHARS = 80;
const MAX_EVENTS = 50;

/** A number with the id of the source it comes from (see data/sources.json). */
export const Figure = z.object({
  value: z.number().finite(),
  source: z.string().min(1).max(MAX_REF_CHARS),
  range: z.tuple([z.number().finite(), z.number().finite()]).optional(),
});
export type Figure = z.infer<typeof Figure>;

const leverIds = LEVERS.map((l) => l.id) as [string, ...string[]];
const SeatEnum = z.enum(SEATS);

export const PARAM_KEYS = [
  'frontierComputeGrowth',
  'efficiencyGrowth',
  'globalComputeGrowth',
  'depreciation',
  'legalCapPerQuarter',
  'domesticBasePerQuarter',
  'smuggledBasePerQuarter',
  'offshoreBasePerQuarter',
  'followerRate',
  'distillationRate',
  'misuseCatastropheThreshold',
  'straitCrisisThreshold',
  'governmentIncome',
  'labIncome',
  'domesticGrowth',
  'catastropheSlope',
  'crisisRamp',
  'incidentRate',
  'botLatitude',
] as const;
export type ParamKey = (typeof PARAM_KEYS)[number];
export type Params = Record<ParamKey, number>;

/** Parameters added after the first scenario format: a scenario file may leave them out and get these. */
export const PARAM_DEFAULTS = {
  domesticGrowth: { value: 1.13, source: 'huawei_vs_nvidia_compute_2026', range: [1.05, 1.2] },
  catastropheSlope: { value: 0.5, source: 'designer-thresholds', range: [0.2, 1] },
  crisisRamp: { value: 40, source: 'designer-thresholds', range: [20, 60] },
  incidentRate: { value: 0.4, source: 'designer-risk', range: [0.2, 0.6] },
  /** How far bots move policy levers from the scenario's posture: 1 by their doctrine and the situation, 0 not at all. */
  botLatitude: { value: 1, source: 'designer-bots', range: [0, 1] },
} as const satisfies Partial<Record<ParamKey, Figure>>;
type OptionalParam = keyof typeof PARAM_DEFAULTS;

const paramsShape = Object.fromEntries(
  PARAM_KEYS.map((k) => [k, k in PARAM_DEFAULTS ? Figure.default((PARAM_DEFAULTS as Record<string, Figure>)[k]) : Figure]),
) as { [K in ParamKey]: K extends OptionalParam ? z.ZodDefault<typeof Figure> : typeof Figure };

/** The source a facilitator's own figure may give: an assumption of theirs, not a sourced figure. */
export const OWN_SOURCE = 'facilitator';

/** What each figure may be, so a mistyped scenario fails with a clear error rather than playing nonsense. */
type Bound = { min: number; max: number; minOpen?: boolean; unit: string };
const share: Bound = { min: 0, max: 1, unit: 'a share from 0 to 1' };
const rate: Bound = { min: 0, max: 1, unit: 'a rate from 0 to 1' };
const gauge: Bound = { min: 0, max: 100, unit: 'from 0 to 100' };
// Finite, so that no flow or stock can overflow to Infinity in the model (the world's AI compute is some 10^7 H100s).
const amount: Bound = { min: 0, max: 1e15, unit: 'zero or more, at most 10^15' };
/** Growth is per quarter; a factor above 3 a quarter (81× a year) is a yearly one typed by mistake. */
const growth: Bound = { min: 0, max: 3, minOpen: true, unit: 'a factor a quarter, above 0 and at most 3 (1.3 is +30% a quarter, about 2.9× a year)' };
const PARAM_BOUNDS: Record<ParamKey, Bound> = {
  frontierComputeGrowth: growth,
  efficiencyGrowth: growth,
  globalComputeGrowth: growth,
  domesticGrowth: growth,
  depreciation: rate,
  legalCapPerQuarter: amount,
  domesticBasePerQuarter: amount,
  smuggledBasePerQuarter: amount,
  offshoreBasePerQuarter: amount,
  followerRate: rate,
  distillationRate: rate,
  misuseCatastropheThreshold: { min: 0, max: 1, minOpen: true, unit: 'a risk above 0, at most 1' },
  straitCrisisThreshold: { min: 0, max: 100, minOpen: true, unit: 'a tension above 0, at most 100' },
  governmentIncome: amount,
  labIncome: amount,
  catastropheSlope: amount,
  crisisRamp: { min: 0, max: 100, minOpen: true, unit: 'above 0, at most 100' },
  incidentRate: rate,
  botLatitude: rate,
};

/**
 * A parameter's value as the analysis words it: growth as a factor a quarter (×1.45), shares, rates and
 * risks as percentages (35%), quantities with thousands separators (200,000), gauges as they are (64).
 */
export function paramValueText(key: ParamKey, value: number): string {
  const b = PARAM_BOUNDS[key];
  if (b === growth) return `×${+value.toFixed(3)}`;
  if (b === amount) return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(+value.toFixed(3));
  if (b.max === 1) return `${+(value * 100).toFixed(1)}%`;
  return String(+value.toFixed(1));
}

const START_KEYS = { stockShare: BLOCS, cnInflow: ['legal', 'domestic', 'smuggled', 'offshore'], adoptionDemocratic: REGIONS, safety: ['USLAB', 'CNLAB'] } as const;

/** Every figure of a scenario with its path and bound. */
function boundedFigures(s: { params: Record<string, Figure>; start: Record<string, unknown> }): [string[], Figure, Bound][] {
  // A file that failed to parse is read as far as it can be (see CONSISTENCY): missing parts are skipped.
  const st = (s.start ?? {}) as Record<string, Figure & Record<string, Figure>>;
  const params = (s.params ?? {}) as Record<string, Figure>;
  // Only the keys the format has: an unknown one is reported as such, and is not read further.
  const each = (key: keyof typeof START_KEYS, b: Bound): [string[], Figure, Bound][] => START_KEYS[key].map((k) => [['start', key, k], ((st[key] ?? {}) as Record<string, Figure>)[k], b]);
  return [
    ...PARAM_KEYS.map((k): [string[], Figure, Bound] => [['params', k], params[k], PARAM_BOUNDS[k]]),
    [['start', 'leadMonths'], st.leadMonths, { min: -60, max: 60, unit: 'months from -60 (PRC ahead) to 60' }],
    [['start', 'globalStock'], st.globalStock, { min: 0, max: 1e15, minOpen: true, unit: 'above 0 (H100-equivalents), at most 10^15' }],
    ...each('stockShare', share),
    ...each('cnInflow', amount),
    ...each('adoptionDemocratic', share),
    [['start', 'tension'], st.tension, gauge],
    [['start', 'cooperation'], st.cooperation, gauge],
    [['start', 'misuse'], st.misuse, share],
    ...each('safety', share),
    [['start', 'smeAccess'], st.smeAccess, share],
    [['start', 'hbmAccess'], st.hbmAccess, share],
    [['start', 'domesticYield'], st.domesticYield, share],
  ];
}

function checkFigure(path: string[], f: Figure, b: Bound, ctx: Sink): void {
  // In a file that failed to parse, a figure may be missing or of the wrong shape: its type problem is listed already.
  if (!f || typeof f !== 'object' || typeof f.value !== 'number' || typeof f.source !== 'string' || (f.range !== undefined && !(Array.isArray(f.range) && f.range.every((x) => typeof x === 'number')))) return;
  const outside = (v: number) => (b.minOpen ? v <= b.min : v < b.min) || v > b.max;
  const below = b.minOpen ? f.value <= b.min : f.value < b.min;
  // Sensitivity plays the match at each end of the range, so the ends must be figures the model can take.
  if (f.range && (outside(f.range[0]) || outside(f.range[1]))) ctx.addIssue({ code: 'custom', path: [...path, 'range'], message: `[${f.range[0]}, ${f.range[1]}] goes out of bounds: ${b.unit}` });
  const yearly = b === growth && f.value > b.max ? `; if ${f.value} is a yearly factor, a quarter's is ${Math.pow(f.value, 0.25).toFixed(2)}` : '';
  if (below || f.value > b.max) ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `${f.value} is out of bounds: ${b.unit}${yearly}` });
  if (f.range && f.range[0] > f.range[1]) ctx.addIssue({ code: 'custom', path: [...path, 'range'], message: `the range runs from low to high ([${f.range[1]}, ${f.range[0]}], not [${f.range[0]}, ${f.range[1]}])` });
  // A source too long to be one is reported by the schema; it is not repeated here.
  if (f.source !== OWN_SOURCE && !SOURCE_BY_ID.has(f.source) && f.source.length <= MAX_REF_CHARS) {
    const meant = nearest(f.source, [...SOURCE_BY_ID.keys()]);
    ctx.addIssue({ code: 'custom', path: [...path, 'source'], message: `no source "${f.source}" in the game's list of sources${meant ? ` — did you mean "${meant}"?` : ''} (write "${OWN_SOURCE}" for a figure of your own)` });
  }
}

type Sink = { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void };
type ScenarioShape = z.infer<typeof ScenarioObject>;

/**
 * The rules across fields, each on its own: run on a parsed scenario, and on a file that failed to parse
 * (each rule as far as its part of the file is readable), so a facilitator sees every problem at once
 * rather than one more after each fix.
 */
const CONSISTENCY: ((s: ScenarioShape, ctx: Sink) => void)[] = [
  (s, ctx) => {
    for (const [path, f, b] of boundedFigures(s)) checkFigure(path, f, b, ctx);
  },
  (s, ctx) => {
    if (!s.seatsInPlay.includes('US') || !s.seatsInPlay.includes('CN')) ctx.addIssue({ code: 'custom', path: ['seatsInPlay'], message: 'US and CN must be in play' });
  },
  (s, ctx) => {
    const parts = BLOCS.map((b) => s.start.stockShare[b]?.value);
    // Summed only when every bloc has a number: a missing one is its own problem.
    if (!parts.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) return;
    const shares = parts.reduce((a, v) => a + v, 0);
    if (Math.abs(shares - 1) > 1e-6) ctx.addIssue({ code: 'custom', path: ['start', 'stockShare'], message: `shares must sum to 1 (they sum to ${+shares.toFixed(4)})` });
  },
  (s, ctx) => {
    (s.start.agreements ?? []).forEach((a, i) => {
      const why = checkParties(a.kind, a.parties);
      if (why) ctx.addIssue({ code: 'custom', path: ['start', 'agreements', i], message: why });
    });
  },
  (s, ctx) => {
    // At most the events a scenario may have: a longer list is refused by the schema, and not read further.
    s.events.slice(0, MAX_EVENTS).forEach((e, i) => {
      if (typeof e.eventId === 'string' && e.eventId.length <= MAX_REF_CHARS && !EVENT_BY_ID.has(e.eventId)) {
        const meant = nearest(e.eventId, EVENT_DECK.map((c) => c.id)) ?? EVENT_DECK.find((c) => nearest(e.eventId, [c.title]))?.id;
        ctx.addIssue({ code: 'custom', path: ['events', i, 'eventId'], message: `no event "${e.eventId}" in the deck${meant ? ` — did you mean "${meant}"?` : ''} (an event is named by its id, such as "${EVENT_DECK[0].id}")` });
      }
      // Against a length that is itself wrong, the comparison would only add noise.
      if (Number.isInteger(e.turn) && Number.isInteger(s.turns) && s.turns >= 1 && s.turns <= 20 && e.turn > s.turns) ctx.addIssue({ code: 'custom', path: ['events', i, 'turn'], message: `turn ${e.turn} is after the last turn (${s.turns})` });
    });
  },
  (s, ctx) => {
    for (const [seat, levers] of Object.entries(s.start.levers ?? {})) {
      for (const id of Object.keys(levers ?? {})) {
        const def = LEVERS.find((l) => l.id === id);
        if (def && def.seat !== seat) ctx.addIssue({ code: 'custom', path: ['start', 'levers', seat, id], message: `lever ${id} belongs to ${def.seat}` });
      }
    }
  },
];

const ScenarioObject = z
  .object({
    id: z.string().max(64).regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes'),
    name: z.string().min(1).max(80),
    description: z.string().min(1).max(600),
    startYear: z.number().int().min(2020).max(2040),
    startQuarter: z.number().int().min(1).max(4),
    turns: z.number().int().min(1).max(20),
    seatsInPlay: z.array(SeatEnum).min(2).refine((seats) => new Set(seats).size === seats.length, 'a seat is listed twice'),
    params: z.object(paramsShape).strict(),
    start: z
      .object({
        leadMonths: Figure,
        globalStock: Figure,
        stockShare: z.object(Object.fromEntries(BLOCS.map((b) => [b, Figure])) as Record<(typeof BLOCS)[number], typeof Figure>).strict(),
        cnInflow: z.object({ legal: Figure, domestic: Figure, smuggled: Figure, offshore: Figure }).strict(),
        adoptionDemocratic: z.object(Object.fromEntries(REGIONS.map((r) => [r, Figure])) as Record<(typeof REGIONS)[number], typeof Figure>).strict(),
        tension: Figure,
        cooperation: Figure,
        misuse: Figure,
        safety: z.object({ USLAB: Figure, CNLAB: Figure }).strict(),
        smeAccess: Figure,
        hbmAccess: Figure,
        domesticYield: Figure,
        levers: z.partialRecord(SeatEnum, z.partialRecord(z.enum(leverIds), z.number().min(0).max(1))).optional(),
        /** Agreements already in force at the start, for this many quarters. */
        agreements: z
          .array(z.object({ kind: z.string().min(1), parties: z.array(SeatEnum).min(2), quarters: z.number().int().min(1).max(20) }).strict())
          .optional(),
      })
      .strict(),
    events: z.array(z.object({ turn: z.number().int().min(1), eventId: z.string().min(1).max(MAX_REF_CHARS) }).strict()).max(MAX_EVENTS).default([]),
  })
  .strict();

export const ScenarioSchema = ScenarioObject.superRefine((s, ctx) => {
  for (const check of CONSISTENCY) check(s, ctx);
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Every figure of a scenario in a fixed order, with its path and what it may be (for editors and checks). */
export function scenarioFigures(s: Scenario): { path: string[]; figure: Figure; unit: string }[] {
  return boundedFigures(s).map(([path, figure, b]) => ({ path, figure, unit: b.unit }));
}

/** The figures a facilitator set as assumptions of their own (source "facilitator"), by path. */
export function ownFigures(s: Scenario): { path: string; value: number }[] {
  return boundedFigures(s)
    .filter(([, f]) => f.source === OWN_SOURCE)
    .map(([path, f]) => ({ path: path.join('.'), value: f.value }));
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Parse a scenario, reporting each problem as "path: why" so a facilitator can fix the file. */
export function parseScenario(input: unknown): ScenarioResult {
  const r = ScenarioSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, scenario: r.data };
  const errors = describeScenarioIssues(r.error.issues);
  // The rules across fields, as far as the file can be read, so that they are not found one fix later.
  const more: string[] = [];
  const sink: Sink = { addIssue: (i) => more.push(`${pathText(i.path)}: ${i.message}`) };
  for (const check of CONSISTENCY) {
    try {
      check(input as ScenarioShape, sink);
    } catch {
      // The part of the file this rule reads is malformed; its own problems are listed already.
    }
  }
  return { ok: false, errors: [...new Set([...errors, ...more])] };
}

/**
 * A scenario kept with a match: checked as any other, or, when today's checks refuse it, taken as kept if
 * it has a scenario's shape. It passed the checks of its day when it was stored, and a match begun on it
 * must still rebuild. Null when it is not a scenario at all.
 */
export function keptScenario(raw: unknown): { scenario: Scenario; warning?: string } | null {
  const r = parseScenario(raw);
  if (r.ok) return { scenario: r.scenario };
  const s = raw as Partial<Record<keyof Scenario, unknown>> | null;
  const shaped =
    typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string' && typeof s.turns === 'number' && typeof s.startYear === 'number' && typeof s.startQuarter === 'number' &&
    Array.isArray(s.seatsInPlay) && Array.isArray(s.events) && typeof s.params === 'object' && s.params !== null && typeof s.start === 'object' && s.start !== null &&
    PARAM_KEYS.every((k) => typeof (s.params as Record<string, { value?: unknown }>)[k]?.value === 'number');
  return shaped ? { scenario: s as Scenario, warning: r.errors.join('; ') } : null;
}

/**
 * A scenario kept with a match, as records and reports carry it: `keptScenario`'s rule, so that a match
 * begun on a scenario today's checks refuse still has a record that reads (and replays as it was played).
 */
export const KeptScenarioSchema = z.unknown().transform((raw, ctx): Scenario => {
  const kept = keptScenario(raw);
  if (kept) return kept.scenario;
  ctx.addIssue({ code: 'custom', message: 'is not a scenario' });
  return z.NEVER;
});

/** The figure behind a parameter (with its source id), falling back to the documented default. */
export function paramFigure(s: Scenario, k: ParamKey): Figure {
  return s.params[k] ?? (PARAM_DEFAULTS as Record<string, Figure>)[k];
}

export function paramsOf(s: Scenario): Params {
  const out = {} as Params;
  for (let i = 0; i < PARAM_KEYS.length; i++) out[PARAM_KEYS[i]] = paramFigure(s, PARAM_KEYS[i]).value;
  return out;
}
