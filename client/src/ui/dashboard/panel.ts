import { fixed, COMPUTE_SOURCES, OUTCOME_CRITERIA, REGIONS, REGION_NAME, SEAT_INFO, paramsOf, type Estimate } from '../../../../shared/index.js';
import { h, fill, uid } from '../../dom.js';
import { compute, possessive } from '../../format.js';
import { OKABE } from '../../palette.js';
import type { AppState } from '../../store.js';
import type { ChartSpec, Line } from './charts.js';
import { seatHistory, type Snapshot } from './history.js';
import { scenarioById } from '../../match-scenario.js';

const SOURCE_NAME = { legal: 'Legal purchases', domestic: 'Domestic production', smuggled: 'Smuggled', offshore: 'Offshore rental' } as const;
const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 4], [10, 3, 2, 3]];
const MARK = ['solid', 'dashed', 'dotted', 'dash-dot'];

type ChartDef = { id: string; title: string; note: string; spec: ChartSpec; table: { head: string[]; rows: string[][] } };

let chartsModule: Promise<typeof import('./charts.js')> | null = null;

function ests(snaps: (Snapshot | undefined)[], pick: (s: Snapshot) => Estimate, scale = 1) {
  const v = snaps.map((s) => (s && Number.isFinite(pick(s).value) ? pick(s).value * scale : null));
  const anyBand = snaps.some((s) => s && !pick(s).exact && Number.isFinite(pick(s).value));
  const band = anyBand
    ? { low: snaps.map((s) => (s && Number.isFinite(pick(s).low) ? Math.max(0, pick(s).low) * scale : null)), high: snaps.map((s) => (s && Number.isFinite(pick(s).high) ? pick(s).high * scale : null)) }
    : undefined;
  return { v, band };
}

function fmtCell(x: number | null | undefined, f: (n: number) => string): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : f(x);
}

/** The charts a seat (or the public dashboard) can draw from what it has seen so far. */
export function dashboardCharts(s: AppState, snaps: Snapshot[]): ChartDef[] {
  const pub = s.pub;
  if (!pub) return [];
  const last = pub.outcome ? Math.max(pub.turn, ...pub.series.map((x) => x.turn)) : pub.turn;
  const turns = Array.from({ length: last + 1 }, (_, i) => i);
  const labels = turns.map((t) => (t === 0 ? 'Start' : (pub.series.find((x) => x.turn === t)?.quarter ?? `Q${t}`)));
  const at = turns.map((t) => snaps.find((x) => x.turn === t));
  const ser = turns.map((t) => pub.series.find((x) => x.turn === t));
  const seat = s.you?.seat && s.seatView?.seat === s.you.seat ? s.you.seat : null;
  const whose = seat ? `${possessive(SEAT_INFO[seat].short)} estimate` : 'Public estimate';
  const p = scenarioById(pub.scenarioId);
  const params = p ? paramsOf(p) : null;

  // 1. Lead: the seat's estimate with its band, and the public estimate.
  const mine = ests(at, (x) => x.lead);
  const publicLead = ser.map((x) => (x ? x.lead.value : null));
  const leadLines: Line[] = [{ label: whose, values: mine.v, colour: '#ffffff', band: mine.band }];
  if (seat) leadLines.push({ label: 'Public estimate', values: publicLead, colour: OKABE.sky, dash: [8, 4], band: { low: ser.map((x) => x?.lead.low ?? null), high: ser.map((x) => x?.lead.high ?? null) } });
  const lead: ChartDef = {
    id: 'lead',
    title: 'US lead in months',
    note: `${whose}, with its band (shaded). Dashed rules: parity (${OUTCOME_CRITERIA.parityLeadMonths}) and democratic lead (${OUTCOME_CRITERIA.democraticLeadMonths}).`,
    spec: {
      labels,
      lines: leadLines,
      rules: [
        { value: OUTCOME_CRITERIA.parityLeadMonths, label: `parity (≤ ${OUTCOME_CRITERIA.parityLeadMonths} mo)`, colour: OKABE.vermillion },
        { value: OUTCOME_CRITERIA.democraticLeadMonths, label: `democratic lead (≥ ${OUTCOME_CRITERIA.democraticLeadMonths} mo)`, colour: OKABE.blue },
      ],
      y: { format: (v) => `${fixed(v, 0)} mo` },
    },
    table: {
      head: ['Quarter', whose, 'Band', ...(seat ? ['Public'] : [])],
      rows: turns.map((t, i) => [labels[i], fmtCell(mine.v[i], (x) => fixed(x, 1)), at[i] && !at[i]!.lead.exact ? `${fixed(at[i]!.lead.low, 1)}–${fixed(at[i]!.lead.high, 1)}` : '—', ...(seat ? [fmtCell(publicLead[i], (x) => fixed(x, 1))] : [])]),
    },
  };

  // 2. PRC supply by source (a seat's view only).
  const supplyLines: Line[] = COMPUTE_SOURCES.map((k, i) => {
    const e = ests(at, (x) => x.cnInflow[k]);
    return { label: SOURCE_NAME[k], values: e.v, colour: [OKABE.sky, OKABE.green, OKABE.vermillion, OKABE.orange][i], dash: DASHES[i], band: e.band };
  });
  const hasSupply = supplyLines.some((l) => l.values.some((v) => v !== null));
  const supply: ChartDef = {
    id: 'supply',
    title: 'PRC new compute per quarter, by source',
    note: hasSupply ? 'H100-equivalents. Covert channels show only what detection exposed, unless you are China; shaded: estimate bands.' : 'Only seats see estimates of China’s supply by source.',
    spec: { labels, lines: supplyLines, y: { min: 0, format: (v) => compute(v) } },
    table: { head: ['Quarter', ...COMPUTE_SOURCES.map((k) => SOURCE_NAME[k])], rows: turns.map((t, i) => [labels[i], ...supplyLines.map((l) => fmtCell(l.values[i], compute))]) },
  };

  // 3. Adoption by region (public figures).
  const adoptLines: Line[] = REGIONS.map((r, i) => ({ label: REGION_NAME[r], values: at.map((x) => (x ? x.adoption[r].democratic * 100 : null)), colour: [OKABE.sky, OKABE.orange, OKABE.yellow, OKABE.vermillion][i], dash: DASHES[i] }));
  const adoption: ChartDef = {
    id: 'adoption',
    title: 'Democratic share of AI stacks, by region',
    note: 'Percent of each market on democratic stacks (the rest on PRC stacks). Public figures.',
    spec: { labels, lines: adoptLines, rules: [{ value: 50, label: 'half', colour: '#7d8aa0' }], y: { min: 0, max: 100, format: (v) => `${v.toFixed(0)}%` } },
    table: { head: ['Quarter', ...REGIONS.map((r) => REGION_NAME[r])], rows: turns.map((t, i) => [labels[i], ...adoptLines.map((l) => fmtCell(l.values[i], (x) => `${x.toFixed(0)}%`))]) },
  };

  // 4. Risk, tension and cooperation (public figures, 0–100).
  const pick = (i: number, f: 'tension' | 'cooperation' | 'misuse') => (ser[i] ? ser[i]![f] : at[i] ? at[i]![f] : null);
  const rtc: Line[] = [
    { label: 'Tension', values: turns.map((_, i) => pick(i, 'tension')), colour: OKABE.vermillion },
    { label: 'Cooperation', values: turns.map((_, i) => pick(i, 'cooperation')), colour: OKABE.green, dash: [8, 4] },
    { label: 'Misuse risk (%)', values: turns.map((_, i) => { const m = pick(i, 'misuse'); return m === null ? null : m * 100; }), colour: OKABE.purple, dash: [2, 4] },
  ];
  const risk: ChartDef = {
    id: 'risk',
    title: 'Tension, cooperation and misuse risk',
    note: `0–100 (misuse risk in %). Rules: Strait crisis from ${params?.straitCrisisThreshold ?? 75}, stewardship from ${OUTCOME_CRITERIA.stewardshipCooperation}, catastrophe above ${((params?.misuseCatastropheThreshold ?? 0.6) * 100).toFixed(0)}%.`,
    spec: {
      labels,
      lines: rtc,
      rules: [
        { value: params?.straitCrisisThreshold ?? 75, label: 'crisis', colour: OKABE.vermillion },
        { value: OUTCOME_CRITERIA.stewardshipCooperation, label: 'stewardship', colour: OKABE.green },
        { value: (params?.misuseCatastropheThreshold ?? 0.6) * 100, label: 'catastrophe', colour: OKABE.purple },
      ],
      y: { min: 0, max: 100, format: (v) => v.toFixed(0) },
    },
    table: { head: ['Quarter', 'Tension', 'Cooperation', 'Misuse risk'], rows: turns.map((t, i) => [labels[i], fmtCell(rtc[0].values[i], (x) => x.toFixed(0)), fmtCell(rtc[1].values[i], (x) => x.toFixed(0)), fmtCell(rtc[2].values[i], (x) => `${x.toFixed(0)}%`)]) },
  };
  return [lead, supply, adoption, risk];
}

function legend(lines: Line[]): HTMLElement {
  return h(
    'ul',
    { class: 'chart-legend' },
    lines.map((l) =>
      h(
        'li',
        {},
        h('span', { class: 'legend-key', 'aria-hidden': 'true', style: `border-top: 3px ${l.dash ? (l.dash[0] <= 2 ? 'dotted' : 'dashed') : 'solid'} ${l.colour}` }),
        `${l.label}${l.dash ? ` (${MARK[DASHES.findIndex((d) => d && l.dash && d.join() === l.dash.join())] ?? 'dashed'})` : ''}${l.band ? ', shaded band' : ''}`,
      ),
    ),
  );
}

/** Dashboards over the quarters so far: lead, PRC supply by source, adoption by region, risk/tension/cooperation. */
export function dashboardPanel(): { el: HTMLElement; update(s: AppState): void; destroy(): void } {
  const hist = seatHistory();
  const grid = h('div', { class: 'dash-grid' });
  const headId = uid('dash-h');
  const sub = h('p', { class: 'hint' });
  const el = h('section', { class: 'panel dashboard', 'aria-labelledby': headId }, h('h2', { id: headId }, 'Dashboard: the quarters so far'), sub, grid);
  let key = '';
  let cleanups: (() => void)[] = [];
  let gen = 0;
  return {
    el,
    update(s) {
      const snaps = hist.record(s);
      const k = JSON.stringify([snaps, s.pub?.series.length, s.you?.seat, s.pub?.turn]);
      if (k === key || !s.pub) return;
      key = k;
      const defs = dashboardCharts(s, snaps);
      const seat = s.you?.seat && s.seatView?.seat === s.you.seat ? s.you.seat : null;
      sub.textContent = seat
        ? `${possessive(SEAT_INFO[seat].short)} picture at the start of each quarter: your own figures are exact, others are estimates with bands. Kept in this browser tab; quarters it missed are blank.`
        : 'The public picture: what everyone knows.';
      cleanups.forEach((c) => c());
      cleanups = [];
      const hosts = defs.map((d) => {
        const host = h('div', { class: 'chart-host', 'aria-hidden': 'true' });
        return { d, host };
      });
      fill(
        grid,
        hosts.map(({ d, host }) =>
          h(
            'figure',
            { class: 'dash-chart', 'data-chart': d.id, 'aria-labelledby': `${headId}-${d.id}` },
            h('figcaption', {}, h('h3', { id: `${headId}-${d.id}` }, d.title), h('p', { class: 'hint' }, d.note)),
            host,
            legend(d.spec.lines),
            h(
              'details',
              { class: 'numbers' },
              h('summary', {}, 'Show the numbers'),
              h(
                'div',
                { class: 'table-scroll' },
                h('table', { class: 'table compact' }, h('caption', { class: 'sr-only' }, d.title), h('thead', {}, h('tr', {}, d.table.head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))), h('tbody', {}, d.table.rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), r.slice(1).map((c) => h('td', { class: 'num' }, c)))))),
              ),
            ),
          ),
        ),
      );
      const my = ++gen;
      chartsModule ??= import('./charts.js');
      void chartsModule.then((m) => {
        if (my !== gen) return;
        for (const { d, host } of hosts) cleanups.push(m.drawChart(host, d.spec));
      });
    },
    destroy() {
      gen++;
      cleanups.forEach((c) => c());
    },
  };
}
