import { ACTION_BY_ID, SEAT_INFO, type ActionDef, type Estimate, type GameEvent, type SeatId, type SeatView } from '../../../shared/index.js';
import { compute } from '../format.js';
import type { AppState } from '../store.js';

/** The kinds of movement the map animates; each has its own line style and marker, never colour alone. */
export const FLOW_KINDS = ['legal', 'exports', 'smuggled', 'offshore', 'distillation', 'open-weights'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const FLOW_INFO: Record<FlowKind, { title: string; line: 'solid' | 'dashed' | 'dotted' | 'dashdot'; marker: string; legend: string }> = {
  legal: { title: 'Licensed chip sales', line: 'solid', marker: '●', legend: 'solid line, round dots' },
  exports: { title: 'AI exports & adoption deals', line: 'solid', marker: '▲', legend: 'solid line, triangles' },
  smuggled: { title: 'Chip smuggling route', line: 'dashed', marker: '■', legend: 'dashed line, squares' },
  offshore: { title: 'Offshore compute rental', line: 'dotted', marker: '◆', legend: 'dotted line, diamonds' },
  distillation: { title: 'Distillation campaign', line: 'dashdot', marker: '✕', legend: 'dash-dot line, crosses' },
  'open-weights': { title: 'Open-weight diffusion', line: 'dashed', marker: '○', legend: 'dashed line, rings' },
};

/** Where flows start and end on the map (see geo.ts PLACES). */
export type FlowEnd = 'US' | 'USLAB' | 'EU' | 'JK' | 'TW' | 'HUB' | 'GULF' | 'CN' | 'CNLAB' | 'AFRICA' | 'LATAM' | 'INDIA' | 'SINGAPORE';
export const END_NAME: Record<FlowEnd, string> = {
  US: 'United States',
  USLAB: 'American lab',
  EU: 'European Union',
  JK: 'Japan–Korea',
  TW: 'Taiwan',
  HUB: 'Southeast Asian hubs',
  GULF: 'Gulf hubs',
  CN: 'China',
  CNLAB: 'Chinese lab',
  AFRICA: 'Africa',
  LATAM: 'Latin America',
  INDIA: 'South Asia',
  SINGAPORE: 'Singapore–Malaysia transshipment',
};

/** How the viewer knows of a flow. */
export type FlowBasis = 'exact' | 'estimate' | 'detected' | 'announced' | 'your order';

export type Flow = {
  id: string;
  kind: FlowKind;
  from: FlowEnd;
  to: FlowEnd;
  /** The figure in words, e.g. "≈35k H100e (12k–60k)" or "EU: Trusted-AI partnerships abroad ×2". */
  figure: string;
  basis: FlowBasis;
  /** 0..1: how heavy the flow is drawn. */
  weight: number;
  /** Who is behind it, when the viewer knows. */
  by?: SeatId;
};

/** A flow as one line of text, for the accessible list and the tests. */
export function flowText(f: Flow): string {
  const basis = f.basis === 'your order' ? 'your order' : f.basis;
  return `${FLOW_INFO[f.kind].title}: ${END_NAME[f.from]} → ${END_NAME[f.to]}, ${f.figure} (${basis})`;
}

/** The action and intensity behind an 'order' event. */
export function orderOfEvent(e: GameEvent): { action: ActionDef; intensity: number } | null {
  if (e.kind !== 'order' || !e.action) return null;
  const action = ACTION_BY_ID.get(e.action);
  return action ? { action, intensity: e.intensity ?? 1 } : null;
}

/** The covert action a 'detected' event exposed. */
export function actionOfDetection(e: GameEvent): ActionDef | null {
  if (e.kind !== 'detected' || !e.action) return null;
  const action = ACTION_BY_ID.get(e.action);
  return action?.visibility === 'covert' ? action : null;
}

function estFigure(e: Estimate): string {
  return e.exact ? `${compute(e.value)} H100e` : `≈${compute(e.value)} H100e (${compute(Math.max(0, e.low))}–${compute(e.high)})`;
}

const weightOf = (h100e: number) => Math.max(0.15, Math.min(1, h100e / 120_000));

/** What each announced or own order sends across the map. */
const ORDER_FLOWS: Record<string, { kind: FlowKind; routes: [FlowEnd, FlowEnd][] }> = {
  'us-export-programme': { kind: 'exports', routes: [['US', 'GULF'], ['US', 'AFRICA']] },
  'eu-adoption': { kind: 'exports', routes: [['EU', 'AFRICA']] },
  'jk-adoption': { kind: 'exports', routes: [['JK', 'HUB']] },
  'hub-align-democratic': { kind: 'exports', routes: [['US', 'HUB']] },
  'hub-align-prc': { kind: 'open-weights', routes: [['CN', 'HUB']] },
  'cn-export-programme': { kind: 'open-weights', routes: [['CN', 'AFRICA'], ['CN', 'LATAM']] },
  'uslab-open-weights': { kind: 'open-weights', routes: [['USLAB', 'LATAM'], ['USLAB', 'INDIA']] },
  'cnlab-open-weights': { kind: 'open-weights', routes: [['CNLAB', 'INDIA'], ['CNLAB', 'AFRICA']] },
  'cnlab-distillation': { kind: 'distillation', routes: [['USLAB', 'CNLAB']] },
  'cn-smuggling': { kind: 'smuggled', routes: [['SINGAPORE', 'CN']] },
  'cn-offshore-rental': { kind: 'offshore', routes: [['HUB', 'CNLAB']] },
  'cnlab-offshore-training': { kind: 'offshore', routes: [['HUB', 'CNLAB']] },
  'hub-host-prc': { kind: 'offshore', routes: [['GULF', 'CNLAB']] },
};

/** The policy levers a seat knows exactly for itself, and the flows they keep running. */
const OWN_POLICY_FLOWS: { lever: string; seat: SeatId; action: string }[] = [
  { lever: 'usExportProgramme', seat: 'US', action: 'us-export-programme' },
  { lever: 'cnExportProgramme', seat: 'CN', action: 'cn-export-programme' },
  { lever: 'usOpenWeights', seat: 'USLAB', action: 'uslab-open-weights' },
  { lever: 'cnOpenWeights', seat: 'CNLAB', action: 'cnlab-open-weights' },
];

/**
 * This quarter's movements as the viewer knows them. A seat sees its own figures exactly, estimates of
 * China's supply by source from its intelligence (covert channels only where detection exposed them),
 * announced (public) orders, its own orders, and detections. The public view (a projector, a spectator)
 * sees only public orders and public detections. Nothing hidden reaches the client, so nothing hidden
 * can be drawn.
 */
export function flowsFor(s: AppState): Flow[] {
  const pub = s.pub;
  if (!pub) return [];
  const mine = s.you?.seat ?? null;
  const sv: SeatView | null = s.seatView && mine && s.seatView.seat === mine ? s.seatView : null;
  const lastTurn = pub.series.length ? pub.series[pub.series.length - 1].turn : 0;
  const events = (sv ? sv.events : pub.events).filter((e) => e.turn === lastTurn && lastTurn > 0);
  const out = new Map<string, Flow>();
  const add = (f: Flow) => {
    const prev = out.get(f.id);
    // Figures beat announcements: keep the most informative record of a route.
    const rank: Record<FlowBasis, number> = { exact: 5, 'your order': 4, estimate: 3, detected: 2, announced: 1 };
    if (!prev || rank[f.basis] > rank[prev.basis]) out.set(f.id, f);
  };

  // PRC supply by source: the seat's own estimates (exact for China's seats).
  if (sv) {
    const inflow = sv.cnInflow;
    const chinese = SEAT_INFO[sv.seat].side === 'prc';
    const legal = inflow.legal;
    if (legal.value > 500) add({ id: 'legal:US>CN', kind: 'legal', from: 'US', to: 'CN', figure: estFigure(legal), basis: legal.exact ? 'exact' : 'estimate', weight: weightOf(legal.value) });
    const sm = inflow.smuggled;
    if (sm.value > 0) add({ id: 'smuggled:SINGAPORE>CN', kind: 'smuggled', from: 'SINGAPORE', to: 'CN', figure: estFigure(sm), basis: sm.exact ? 'exact' : 'detected', weight: weightOf(sm.value), by: chinese ? 'CN' : undefined });
    const off = inflow.offshore;
    if (off.value > 0) add({ id: 'offshore:HUB>CNLAB', kind: 'offshore', from: 'HUB', to: 'CNLAB', figure: estFigure(off), basis: off.exact ? 'exact' : 'detected', weight: weightOf(off.value), by: chinese ? 'CN' : undefined });
    // Policies the seat runs (it knows its own levers exactly).
    for (const p of OWN_POLICY_FLOWS) {
      if (p.seat !== sv.seat) continue;
      const level = (sv.levers as Record<string, number | undefined>)[p.lever] ?? 0;
      if (level <= 0) continue;
      const spec = ORDER_FLOWS[p.action];
      for (const [from, to] of spec.routes) add({ id: `${spec.kind}:${from}>${to}`, kind: spec.kind, from, to, figure: `policy at ${Math.round(level * 100)}%`, basis: 'exact', weight: 0.3 + 0.7 * level, by: sv.seat });
    }
  }

  for (const e of events) {
    const o = orderOfEvent(e);
    if (o) {
      const spec = ORDER_FLOWS[o.action.id];
      if (!spec) continue;
      const own = o.action.seat === mine;
      // Covert orders show only to their own seat (the server sends no one else the event).
      for (const [from, to] of spec.routes) {
        add({
          id: `${spec.kind}:${from}>${to}`,
          kind: spec.kind,
          from,
          to,
          figure: `${SEAT_INFO[o.action.seat].short}: ${o.action.name}${o.intensity > 1 ? ` ×${o.intensity}` : ''}`,
          basis: own ? 'your order' : 'announced',
          weight: o.intensity / 3,
          by: o.action.seat,
        });
      }
      continue;
    }
    const d = actionOfDetection(e);
    if (d) {
      const spec = ORDER_FLOWS[d.id];
      if (!spec) continue;
      const who = e.attributedTo ? SEAT_INFO[e.attributedTo]?.short ?? e.attributedTo : 'unknown';
      for (const [from, to] of spec.routes) {
        add({ id: `${spec.kind}:${from}>${to}`, kind: spec.kind, from, to, figure: `exposed, attributed to ${who}`, basis: 'detected', weight: 0.5, by: e.attributedTo });
      }
    }
  }
  return [...out.values()].sort((a, b) => FLOW_KINDS.indexOf(a.kind) - FLOW_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id));
}
