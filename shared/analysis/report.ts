import { z } from 'zod';
import { SEATS, SEAT_INFO, type SeatId } from '../seats.js';
import { ACTION_BY_ID } from '../actions.js';
import { orderName } from '../orders.js';
import { OUTCOME_INFO, OUTCOMES } from '../outcomes.js';
import type { GameEvent, WorldState } from '../state.js';
import { MatchRecordSchema, type MatchRecord } from './replay.js';
import { figureCriterion, figureValueText } from './figures.js';

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
  cooperation: Num,
  events: z.array(z.object({ kind: z.string(), text: z.string(), visibility: z.string(), odds: Num.optional(), roll: Num.optional(), actor: z.string().optional(), attributedTo: z.string().optional(), action: z.string().optional(), intensity: Num.optional(), agreement: z.string().optional() })),
});

/** The after-action report: every quarter with every seat's orders revealed, and why the match ended as it did. */
export const ReportSchema = z.object({
  kind: z.literal('lead-time-after-action-report'),
  version: z.literal(1),
  code: z.string().optional(),
  scenario: z.object({ id: z.string(), name: z.string(), description: z.string() }),
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
  quarters: z.array(ReportQuarterSchema),
  record: MatchRecordSchema,
});
export type Report = z.infer<typeof ReportSchema>;

export function buildReport(record: MatchRecord, final: WorldState): Report {
  if (!final.outcome) throw new Error('the after-action report needs a finished match');
  const o = final.outcome;
  return {
    kind: 'lead-time-after-action-report',
    version: 1,
    ...(record.code ? { code: record.code } : {}),
    scenario: { id: record.scenario.id, name: record.scenario.name, description: record.scenario.description },
    seed: record.seed,
    outcome: { id: o.id, title: OUTCOME_INFO[o.id].title, reason: o.reason, early: o.early, turn: o.turn, figures: o.figures.map((f) => ({ ...f, valueText: figureValueText(f), criterion: figureCriterion(f) })) },
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
      cooperation: h.cooperation,
      events: h.events.map(eventForReport),
    })),
    record,
  };
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
] as const;

/** One row per seat per quarter, for spreadsheets and homework. */
export function reportCsv(report: Report): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const q of report.quarters) {
    for (const seat of SEATS) {
      const orders = q.orders[seat as SeatId];
      rows.push(
        [
          q.turn, q.quarter, seat, SEAT_INFO[seat].name, orders.map((x) => `${x.action}${x.agreement ? `:${x.agreement}` : ''}:${x.intensity}`).join(' '), orders.reduce((t, x) => t + x.cost, 0),
          q.leadMonths, q.capability.USLAB, q.capability.CNLAB, q.compute.US, q.compute.CN, q.compute.ALLIES, q.compute.HUB,
          q.cnInflow.legal, q.cnInflow.domestic, q.cnInflow.smuggled, q.cnInflow.offshore,
          q.adoption.ALLIES, q.adoption.HUBS, q.adoption.SOUTH, q.adoption.CHINA, q.racing, q.misuse, q.tension, q.cooperation,
        ].map(csvCell).join(','),
      );
    }
  }
  return rows.join('\n') + '\n';
}

function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(6);
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
