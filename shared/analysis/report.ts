import { z } from 'zod';
import { SEATS, SEAT_INFO, type BySeat, type SeatId } from '../seats.js';
import { ACTION_BY_ID } from '../actions.js';
import { orderName } from '../orders.js';
import { OUTCOME_INFO, OUTCOMES } from '../outcomes.js';
import { scoreSeats, type SeatScore } from '../objectives.js';
import type { GameEvent, WorldState } from '../state.js';
import { MatchRecordSchema, type MatchRecord } from './replay.js';
import { figureCriterion, figureValueText } from './figures.js';
import { PROPOSAL_STATUSES } from '../diplomacy.js';
import { ownFigures } from '../scenario.js';

const Num = z.number();
export const ReportQuarterSchema = z.object({
  turn: z.number().int().min(1),
  quarter: z.string(),
  orders: z.record(z.enum(SEATS), z.array(z.object({ action: z.string(), agreement: z.string().optional(), name: z.string(), intensity: z.number().int(), cost: Num, visibility: z.string() }))),
  leadMonths: Num,
  capability: z.object({ USLAB: Num, CNLAB: Num }),
  compute: z.object({ US: Num, CN: Num, ALLIES: Num, HUB: Num }),
  cnInflow: z.object({ legal: Num, domestic: Num, smuggled: Num, offshore: Num }),
  adoption: z.object({ ALLIES: Num, HUBS: Num, SOUTH: Num, CHINA: Num }),
  racing: Num,
  misuse: Num,
  tension: Num,
  /** The quarter's tension change by cause (shared/tension-words.ts); reports of matches recorded before it have none. */
  tensionWhy: z.record(z.string(), Num).optional(),
  cooperation: Num,
  events: z.array(z.object({ kind: z.string(), text: z.string(), visibility: z.string(), odds: Num.optional(), roll: Num.optional(), actor: z.string().optional(), attributedTo: z.string().optional(), action: z.string().optional(), intensity: Num.optional(), agreement: z.string().optional() })),
});

const ObjectiveScoreSchema = z.object({ id: z.string(), label: z.string(), value: Num, score: Num, weight: Num });
const SeatScoreSchema = z.object({
  seat: z.enum(SEATS),
  total: Num,
  public: Num,
  objectives: z.array(ObjectiveScoreSchema),
  agenda: z.object({ id: z.string(), title: z.string(), score: Num, objectives: z.array(ObjectiveScoreSchema) }).nullable(),
});
const SeatScoresSchema = z.object(Object.fromEntries(SEATS.map((seat) => [seat, SeatScoreSchema])) as Record<SeatId, typeof SeatScoreSchema>);

const SeatEnum = z.enum(SEATS);
/** Turns count quarters from 1, as `quarters[].turn` does. */
const Turn = z.number().int().min(1);

/** Who played one seat, from the match's log. */
const SeatPlayersSchema = z.object({
  /** The people who acted for the seat (orders, drafts, chat, proposals), in order of first appearance. */
  players: z.array(z.string()),
  /** Quarters whose orders the seat's bot gave (no one submitted for it, or Control handed it to its bot). */
  botTurns: z.array(Turn),
  /** Quarters whose orders were the seat's unsubmitted draft, put in when the phase closed (timer or Control). */
  draftedTurns: z.array(Turn),
  /** Per quarter, the people who acted for the seat while it was played (reports kept before this was recorded lack it). */
  byTurn: z.array(z.object({ turn: Turn, players: z.array(z.string()) })).optional(),
});
const SeatPlayersBySeatSchema = z.object(Object.fromEntries(SEATS.map((seat) => [seat, SeatPlayersSchema])) as Record<SeatId, typeof SeatPlayersSchema>);
export type ReportSeats = z.infer<typeof SeatPlayersBySeatSchema>;

/** One message of the public channel. `at`: epoch ms; `lobby`: posted before the match started. */
const PublicChatSchema = z.object({
  at: Num,
  turn: Turn,
  quarter: z.string(),
  lobby: z.boolean().optional(),
  name: z.string(),
  role: z.enum(['player', 'spectator', 'facilitator']),
  seat: SeatEnum.nullable(),
  text: z.string(),
});
export type ReportChatLine = z.infer<typeof PublicChatSchema>;

/** A proposal of an agreement and what became of it. `at`: when it was proposed (epoch ms). */
const AgreementProposalSchema = z.object({
  id: z.string(),
  at: Num,
  turn: Turn,
  quarter: z.string(),
  kind: z.string(),
  title: z.string(),
  proposer: SeatEnum,
  parties: z.array(SeatEnum),
  acceptedBy: z.array(SeatEnum),
  declinedBy: SeatEnum.optional(),
  status: z.enum(PROPOSAL_STATUSES),
  note: z.string().optional(),
});
export type ReportProposal = z.infer<typeof AgreementProposalSchema>;

/** The public record of the negotiation. Private channels (`dm:*`, `team:*`) are never in it. */
const NegotiationSchema = z.object({ publicChat: z.array(PublicChatSchema), proposals: z.array(AgreementProposalSchema) });
export type ReportNegotiation = z.infer<typeof NegotiationSchema>;

/** What the server adds from the match's log: who played, and the public negotiation. */
export type ReportPeople = { seats?: ReportSeats; negotiation?: ReportNegotiation };

/** The after-action report: every quarter with every seat's orders revealed, and why the match ended as it did. */
export const ReportSchema = z.object({
  kind: z.literal('lead-time-after-action-report'),
  version: z.literal(1),
  code: z.string().optional(),
  scenario: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    /** Figures the facilitator set as assumptions (source "facilitator"); absent in reports kept before they were listed. */
    assumptions: z.array(z.object({ path: z.string(), value: Num })).optional(),
  }),
  seed: z.string(),
  outcome: z.object({
    id: z.enum(OUTCOMES),
    title: z.string(),
    reason: z.string(),
    early: z.boolean(),
    turn: z.number().int(),
    /** `valueText` and `criterion` are the figure and its bar as the end screen words them. */
    figures: z.array(z.object({ name: z.string(), value: Num, threshold: Num.optional(), comparison: z.string().optional(), valueText: z.string(), criterion: z.string() })),
  }),
  /** Each seat's score on the final world, secret agendas revealed. Reports stored before scores were kept have none. */
  scores: SeatScoresSchema.optional(),
  /** Who played each seat. Reports built without the match's log (or stored before this was kept) have none. */
  seats: SeatPlayersBySeatSchema.optional(),
  /** The public channel and the agreements proposed, as for `seats`. */
  negotiation: NegotiationSchema.optional(),
  quarters: z.array(ReportQuarterSchema),
  record: MatchRecordSchema,
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * `scores` defaults to the final world's; pass the end screen's own (or null for none) when `final`
 * holds only the history and outcome. `people` comes from the match's log (the server has it; a record has not).
 */
export function buildReport(record: MatchRecord, final: WorldState, scores: BySeat<SeatScore> | null = scoreSeats(final), people: ReportPeople = {}): Report {
  if (!final.outcome) throw new Error('the after-action report needs a finished match');
  const o = final.outcome;
  return {
    kind: 'lead-time-after-action-report',
    version: 1,
    ...(record.code ? { code: record.code } : {}),
    scenario: { id: record.scenario.id, name: record.scenario.name, description: record.scenario.description, assumptions: ownFigures(record.scenario) },
    seed: record.seed,
    outcome: { id: o.id, title: OUTCOME_INFO[o.id].title, reason: o.reason, early: o.early, turn: o.turn, figures: o.figures.map((f) => ({ ...f, valueText: figureValueText(f, o.figures), criterion: figureCriterion(f) })) },
    ...(scores ? { scores } : {}),
    ...(people.seats ? { seats: people.seats } : {}),
    ...(people.negotiation ? { negotiation: people.negotiation } : {}),
    quarters: final.history.map((h) => ({
      turn: h.turn,
      quarter: h.quarter,
      orders: Object.fromEntries(
        SEATS.map((seat) => [
          seat,
          h.orders[seat].map((x) => {
            const a = ACTION_BY_ID.get(x.action);
            return { action: x.action, ...(x.agreement ? { agreement: x.agreement } : {}), name: orderName(x), intensity: x.intensity, cost: (a?.cost ?? 0) * x.intensity, visibility: a?.visibility ?? 'public' };
          }),
        ]),
      ) as Report['quarters'][number]['orders'],
      leadMonths: h.leadMonths,
      capability: h.capability,
      compute: { US: h.compute.US.stock, CN: h.compute.CN.stock, ALLIES: h.compute.ALLIES.stock, HUB: h.compute.HUB.stock },
      cnInflow: { ...h.compute.CN.inflow },
      adoption: { ALLIES: h.adoption.ALLIES.democratic, HUBS: h.adoption.HUBS.democratic, SOUTH: h.adoption.SOUTH.democratic, CHINA: h.adoption.CHINA.democratic },
      racing: h.risk.racing,
      misuse: h.risk.misuse,
      tension: h.tension,
      ...(h.tensionWhy ? { tensionWhy: definedOnly(h.tensionWhy) } : {}),
      cooperation: h.cooperation,
      events: h.events.map(eventForReport),
    })),
    record,
  };
}

function definedOnly(why: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(why).filter((e): e is [string, number] => e[1] !== undefined));
}

function eventForReport(e: GameEvent): Report['quarters'][number]['events'][number] {
  return {
    kind: e.kind,
    text: e.text,
    visibility: e.visibility,
    ...(e.odds !== undefined ? { odds: e.odds } : {}),
    ...(e.roll !== undefined ? { roll: e.roll } : {}),
    ...(e.actor ? { actor: e.actor } : {}),
    ...(e.attributedTo ? { attributedTo: e.attributedTo } : {}),
    ...(e.action ? { action: e.action } : {}),
    ...(e.intensity !== undefined ? { intensity: e.intensity } : {}),
    ...(e.agreement ? { agreement: e.agreement } : {}),
  };
}

const CSV_COLUMNS = [
  'turn', 'quarter', 'seat', 'seat_name', 'orders', 'orders_cost', 'lead_months', 'us_lab_capability', 'cn_lab_capability',
  'compute_us', 'compute_cn', 'compute_allies', 'compute_hub', 'cn_legal', 'cn_domestic', 'cn_smuggled', 'cn_offshore',
  'adoption_allies_dem', 'adoption_hubs_dem', 'adoption_south_dem', 'adoption_china_dem', 'racing', 'misuse', 'tension', 'cooperation',
  'orders_from', 'played_by',
] as const;

/** Columns of compute in H100e: whole numbers, as a fraction of a chip means nothing. */
const COUNT_COLUMNS: ReadonlySet<string> = new Set(['compute_us', 'compute_cn', 'compute_allies', 'compute_hub', 'cn_legal', 'cn_domestic', 'cn_smuggled', 'cn_offshore']);
/** Decimals kept for every other number: enough for shares (0.1234), indices and months. */
const CSV_DECIMALS = 4;

/**
 * One row per seat per quarter, for spreadsheets and homework. `orders_from` (bot, draft or players) and
 * `played_by` (the people who acted for the seat in that quarter, separated by "; "; in a report kept before
 * that was recorded, the seat's players over the match) are empty when the report has no `seats`.
 */
export function reportCsv(report: Report): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const q of report.quarters) {
    for (const seat of SEATS) {
      const cells = csvRow(q, seat, report.seats?.[seat]);
      rows.push(CSV_COLUMNS.map((c) => csvCell(c, cells[c])).join(','));
    }
  }
  return rows.join('\n') + '\n';
}

function csvRow(q: Report['quarters'][number], seat: SeatId, played: ReportSeats[SeatId] | undefined): Record<(typeof CSV_COLUMNS)[number], string | number> {
  const orders = q.orders[seat];
  const from = !played ? '' : played.botTurns.includes(q.turn) ? 'bot' : played.draftedTurns.includes(q.turn) ? 'draft' : 'players';
  return {
    turn: q.turn,
    quarter: q.quarter,
    seat,
    seat_name: SEAT_INFO[seat].name,
    orders: orders.map((x) => `${x.action}${x.agreement ? `:${x.agreement}` : ''}:${x.intensity}`).join(' '),
    orders_cost: orders.reduce((t, x) => t + x.cost, 0),
    lead_months: q.leadMonths,
    us_lab_capability: q.capability.USLAB,
    cn_lab_capability: q.capability.CNLAB,
    compute_us: q.compute.US,
    compute_cn: q.compute.CN,
    compute_allies: q.compute.ALLIES,
    compute_hub: q.compute.HUB,
    cn_legal: q.cnInflow.legal,
    cn_domestic: q.cnInflow.domestic,
    cn_smuggled: q.cnInflow.smuggled,
    cn_offshore: q.cnInflow.offshore,
    adoption_allies_dem: q.adoption.ALLIES,
    adoption_hubs_dem: q.adoption.HUBS,
    adoption_south_dem: q.adoption.SOUTH,
    adoption_china_dem: q.adoption.CHINA,
    racing: q.racing,
    misuse: q.misuse,
    tension: q.tension,
    cooperation: q.cooperation,
    orders_from: from,
    played_by: played ? playedIn(played, q.turn).join('; ') : '',
  };
}

/** The people who acted for a seat in one quarter (over the whole match, for a report without quarters). */
export function playedIn(played: ReportSeats[SeatId], turn: number): readonly string[] {
  if (!played.byTurn) return played.players;
  return played.byTurn.find((t) => t.turn === turn)?.players ?? [];
}

function csvCell(column: string, v: string | number): string {
  if (typeof v === 'number') return csvNumber(v, COUNT_COLUMNS.has(column) ? 0 : CSV_DECIMALS);
  // Players' names are typed by people: one starting like a formula is kept as text by spreadsheets.
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Plain ASCII digits for spreadsheets: rounded to `decimals`, without trailing zeros, never "-0". */
function csvNumber(v: number, decimals: number): string {
  const rounded = Number(v.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}
