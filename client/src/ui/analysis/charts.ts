import { OUTCOMES, OUTCOME_INFO, fixed, type OutcomeId } from '../../../../shared/index.js';
import { niceTicks, type OutcomeOdds, type Sensitivity } from '../../../../shared/analysis/index.js';
import { h } from '../../dom.js';
import { OKABE } from '../../palette.js';

const NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export const OUTCOME_COLOUR: Record<OutcomeId, string> = {
  'democratic-lead': OKABE.blue,
  'contested-frontier': OKABE.orange,
  'authoritarian-parity': OKABE.vermillion,
  'shared-stewardship': OKABE.green,
  'misuse-catastrophe': OKABE.purple,
  'strait-crisis': OKABE.yellow,
};

const pc = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Outcome odds as a table: probability, its 95% (Wilson) interval, and a bar with the interval drawn
 * as a whisker. With `compare`, a second set of odds side by side (e.g. what happened vs what-if).
 */
export function oddsTable(odds: OutcomeOdds, n: number, opts: { caption?: string; compare?: { odds: OutcomeOdds; n: number; label: string }; label?: string; testid?: string } = {}): HTMLElement {
  const bar = (o: { p: number; low: number; high: number }, id: OutcomeId) =>
    h(
      'span',
      { class: 'odds-bar', 'aria-hidden': 'true' },
      h('span', { class: 'odds-fill', style: `width:${(o.p * 100).toFixed(2)}%;background:${OUTCOME_COLOUR[id]}` }),
      h('span', { class: 'odds-ci', style: `left:${(o.low * 100).toFixed(2)}%;width:${Math.max(0.4, (o.high - o.low) * 100).toFixed(2)}%` }),
    );
  const cells = (o: { p: number; low: number; high: number; count: number }, id: OutcomeId) => [
    h('td', { class: 'num odds-p' }, pc(o.p)),
    h('td', { class: 'num band' }, `${pc(o.low)} – ${pc(o.high)}`),
    h('td', { class: 'odds-bar-cell' }, bar(o, id)),
  ];
  const cmp = opts.compare;
  return h(
    'table',
    { class: 'table odds', 'data-testid': opts.testid ?? 'odds' },
    h('caption', {}, opts.caption ?? `Outcome odds from ${n.toLocaleString('en-US')} simulated continuations`),
    h(
      'thead',
      {},
      cmp ? h('tr', {}, h('td', {}), h('th', { scope: 'colgroup', colspan: 3 }, opts.label ?? 'As played'), h('th', { scope: 'colgroup', colspan: 3 }, cmp.label)) : null,
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col', class: 'num' }, 'Chance'),
        h('th', { scope: 'col', class: 'num' }, '95% interval'),
        h('th', { scope: 'col', class: 'odds-bar-cell' }, h('span', { class: 'sr-only' }, 'Bar')),
        cmp ? [h('th', { scope: 'col', class: 'num' }, 'Chance'), h('th', { scope: 'col', class: 'num' }, '95% interval'), h('th', { scope: 'col', class: 'odds-bar-cell' }, h('span', { class: 'sr-only' }, 'Bar'))] : null,
      ),
    ),
    h(
      'tbody',
      {},
      OUTCOMES.map((id) =>
        h(
          'tr',
          { 'data-outcome': id },
          h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${OUTCOME_COLOUR[id]}`, 'aria-hidden': 'true' }), OUTCOME_INFO[id].title),
          cells(odds[id], id),
          cmp ? cells(cmp.odds[id], id) : null,
        ),
      ),
    ),
  );
}

/** A tick label: as few decimals as the tick needs, a true minus sign. */
function tickText(v: number): string {
  return fixed(v, Number.isInteger(v) ? 0 : Number.isInteger(v * 10) ? 1 : 2);
}

export type Line = { name: string; values: (number | null)[]; colour: string; dash?: string };

/** A line chart with a legend (names in words as well as colours and dashes); `mark` highlights one x. */
export function lineChart(title: string, labels: string[], lines: Line[], opts: { unit?: string; mark?: number; rules?: { value: number; label: string; colour: string }[] } = {}): SVGSVGElement {
  const w = 620;
  const hh = 240;
  const pad = { l: 46, r: 22, t: 26, b: 48 };
  const all = lines.flatMap((l) => l.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const ruleVals = (opts.rules ?? []).map((r) => r.value);
  const axis = niceTicks(Math.min(0, ...all, ...ruleVals), Math.max(1, ...all, ...ruleVals));
  const { lo, hi } = axis;
  const X = (i: number) => pad.l + (labels.length <= 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (labels.length - 1));
  const Y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (hh - pad.t - pad.b);
  const el = svg('svg', { viewBox: `0 0 ${w} ${hh}`, class: 'chart xchart', role: 'img', 'aria-label': `${title}: ${lines.map((l) => `${l.name} ${l.values.map((v) => (v === null ? '–' : v.toFixed(1))).join(', ')}`).join('; ')}` });
  el.append(svg('text', { x: pad.l, y: 16, fill: '#eef2f8', 'font-size': 13, 'font-weight': 600 }, `${title}${opts.unit ? ` (${opts.unit})` : ''}`));
  for (const v of axis.ticks) {
    el.append(svg('line', { x1: pad.l, x2: w - pad.r, y1: Y(v), y2: Y(v), stroke: '#2a3650', 'stroke-width': 1 }));
    el.append(svg('text', { x: pad.l - 6, y: Y(v) + 4, fill: '#a7b2c4', 'font-size': 11, 'text-anchor': 'end' }, tickText(v)));
  }
  for (const r of opts.rules ?? []) {
    el.append(svg('line', { x1: pad.l, x2: w - pad.r, y1: Y(r.value), y2: Y(r.value), stroke: r.colour, 'stroke-dasharray': '6 4', 'stroke-width': 1.2 }));
    el.append(svg('text', { x: w - pad.r - 2, y: Y(r.value) - 3, fill: r.colour, 'font-size': 10, 'text-anchor': 'end' }, r.label));
  }
  if (opts.mark !== undefined && opts.mark >= 0 && opts.mark < labels.length) {
    // A band 20 wide around the quarter, kept inside the plot at its first and last quarter.
    const x0 = Math.max(pad.l, X(opts.mark) - 10);
    const x1 = Math.min(w - pad.r, X(opts.mark) + 10);
    el.append(svg('rect', { x: x0, y: pad.t, width: x1 - x0, height: hh - pad.t - pad.b, fill: '#f0e442', opacity: 0.15 }));
  }
  labels.forEach((l, i) => {
    if (labels.length <= 12 || i % 2 === 0) el.append(svg('text', { x: X(i), y: hh - pad.b + 15, fill: '#a7b2c4', 'font-size': 10, 'text-anchor': 'middle' }, l.replace(/^20/, "'")));
  });
  for (const line of lines) {
    const pts = line.values.map((v, i) => (v === null || !Number.isFinite(v) ? null : `${X(i).toFixed(1)},${Y(v).toFixed(1)}`)).filter(Boolean);
    el.append(svg('polyline', { points: pts.join(' '), fill: 'none', stroke: line.colour, 'stroke-width': 2.5, ...(line.dash ? { 'stroke-dasharray': line.dash } : {}) }));
    line.values.forEach((v, i) => {
      if (v !== null && Number.isFinite(v)) el.append(svg('circle', { cx: X(i), cy: Y(v), r: 3, fill: line.colour }));
    });
  }
  lines.forEach((line, i) => {
    const g = svg('g', { transform: `translate(${pad.l + i * 190},${hh - 12})` });
    g.append(svg('line', { x1: 0, x2: 22, y1: -4, y2: -4, stroke: line.colour, 'stroke-width': 2.5, ...(line.dash ? { 'stroke-dasharray': line.dash } : {}) }));
    g.append(svg('text', { x: 28, y: 0, fill: '#eef2f8', 'font-size': 11 }, line.name));
    el.append(g);
  });
  return el;
}

/**
 * A tornado chart: for each parameter, the chance of `outcome` at the low and the high end of its
 * sourced range, around the scenario's baseline chance. Largest swing on top.
 */
/** `margin(low, high)`: the 95% margin of a move between two chances; a row whose move is within it is drawn faded (it could be chance). */
export function tornado(sens: Sensitivity, outcome: OutcomeId, labelOf: (key: string) => string, margin: (low: number, high: number) => number): SVGSVGElement {
  const rows = [...sens.rows].sort((a, b) => Math.abs(b.oddsHigh[outcome].p - b.oddsLow[outcome].p) - Math.abs(a.oddsHigh[outcome].p - a.oddsLow[outcome].p));
  const rowH = 24;
  const left = 250;
  const right = 96;
  const w = 760;
  // The title sits on the first line; the baseline's label on its own line below it, above the bars.
  const top = 50;
  const hh = top + rows.length * rowH + 40;
  const base = sens.baseline[outcome].p;
  const X = (p: number) => left + p * (w - left - right);
  const el = svg('svg', { viewBox: `0 0 ${w} ${hh}`, class: 'chart tornado', role: 'img', 'aria-label': `Tornado chart: chance of ${OUTCOME_INFO[outcome].title} at the low and high end of each parameter's range` });
  const title = svg('text', { x: 8, y: 18, fill: '#eef2f8', 'font-size': 13, 'font-weight': 600 });
  title.append(`Chance of ${OUTCOME_INFO[outcome].title}: low end of the range `, svg('tspan', { fill: OKABE.sky }, '■'), ' vs high end ', svg('tspan', { fill: OKABE.orange }, '▨'));
  el.append(title);
  for (let k = 0; k <= 4; k++) {
    const p = k / 4;
    el.append(svg('line', { x1: X(p), x2: X(p), y1: top - 6, y2: hh - 30, stroke: '#2a3650' }));
    el.append(svg('text', { x: X(p), y: hh - 14, fill: '#a7b2c4', 'font-size': 11, 'text-anchor': 'middle' }, `${k * 25}%`));
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const lowP = r.oddsLow[outcome].p;
    const highP = r.oddsHigh[outcome].p;
    const move = Math.abs(highP - lowP);
    // Faded: no move at all, or one within its margin (marked "?": it could be chance).
    const chance = move > 0 && move <= margin(lowP, highP);
    const row = svg('g', chance || move === 0 ? { opacity: 0.4 } : {});
    row.append(svg('text', { x: left - 8, y: y + 15, fill: '#eef2f8', 'font-size': 11, 'text-anchor': 'end' }, labelOf(r.param)));
    const seg = (p: number, fill: string, pattern: boolean) => {
      const x0 = Math.min(X(base), X(p));
      const wd = Math.max(1, Math.abs(X(p) - X(base)));
      row.append(svg('rect', { x: x0, y: y + 3, width: wd, height: rowH - 8, fill, ...(pattern ? { 'fill-opacity': 0.55, stroke: fill, 'stroke-width': 1.5 } : {}) }));
    };
    seg(lowP, OKABE.sky, false);
    seg(highP, OKABE.orange, true);
    row.append(svg('text', { x: w - right + 6, y: y + 15, fill: '#a7b2c4', 'font-size': 10 }, `${pc(lowP)}→${pc(highP)}${chance ? ' ?' : ''}`));
    el.append(row);
  });
  el.append(svg('line', { x1: X(base), x2: X(base), y1: top - 8, y2: hh - 30, stroke: '#ffffff', 'stroke-width': 2 }));
  el.append(svg('text', { x: X(base) + 4, y: top - 12, fill: '#ffffff', 'font-size': 10 }, `base values ${pc(base)}`));
  return el;
}
