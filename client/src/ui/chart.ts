import { OUTCOME_CRITERIA } from '../../../shared/index.js';
import { OKABE } from '../palette.js';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

type Rule = { value: number; colour: string; label: string };

/**
 * A line chart of one figure per quarter between `lo` and `hi`, with dashed rules at the bars it is read
 * against; decorative — a table carries the numbers.
 */
function quarterChart(points: { label: string; value: number }[], lo: number, hi: number, rules: Rule[], title: string): SVGSVGElement {
  const w = 560;
  const hgt = 200;
  const left = 40;
  const right = 24;
  const top = 12;
  const bottom = 28;
  const svg = el('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'chart', 'aria-hidden': 'true' });
  if (points.length === 0) return svg;
  const X = (i: number) => left + (points.length === 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (points.length - 1));
  const Y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (hgt - top - bottom);
  for (const r of rules) {
    svg.append(el('line', { x1: left, x2: w - right, y1: Y(r.value), y2: Y(r.value), stroke: r.colour, 'stroke-dasharray': '6 4', 'stroke-width': 1.5 }));
    svg.append(el('text', { x: left - 6, y: Y(r.value) + 4, fill: r.colour, 'font-size': 12, 'text-anchor': 'end' }, r.label));
  }
  svg.append(el('polyline', { points: points.map((p, i) => `${X(i)},${Y(p.value)}`).join(' '), fill: 'none', stroke: '#ffffff', 'stroke-width': 3 }));
  points.forEach((p, i) => {
    svg.append(el('circle', { cx: X(i), cy: Y(p.value), r: 4, fill: '#ffffff' }));
    if (points.length <= 12 || i % 2 === 0) svg.append(el('text', { x: X(i), y: hgt - 8, fill: '#a7b2c4', 'font-size': 11, 'text-anchor': 'middle' }, p.label.replace(/^20/, "'")));
  });
  svg.append(el('text', { x: left + 4, y: top + 10, fill: '#a7b2c4', 'font-size': 12 }, title));
  return svg;
}

/** The lead per quarter with the outcome thresholds. */
export function leadChart(points: { label: string; value: number }[]): SVGSVGElement {
  const vals = points.map((p) => p.value);
  const lo = Math.min(-1, ...vals) - 1;
  const hi = Math.max(OUTCOME_CRITERIA.democraticLeadMonths + 2, ...vals) + 1;
  const rules = [
    { value: 0, colour: '#7d8aa0', label: '0' },
    { value: OUTCOME_CRITERIA.parityLeadMonths, colour: OKABE.vermillion, label: String(OUTCOME_CRITERIA.parityLeadMonths) },
    { value: OUTCOME_CRITERIA.democraticLeadMonths, colour: OKABE.sky, label: String(OUTCOME_CRITERIA.democraticLeadMonths) },
  ];
  return quarterChart(points, lo, hi, rules, 'US lead, months');
}

/**
 * The figure that decided an early ending (misuse risk, 0–1, or tension, 0–100) per quarter, with the
 * threshold above which its roll was taken.
 */
export function decidingChart(points: { label: string; value: number }[], threshold: number, share: boolean): SVGSVGElement {
  const scale = share ? 100 : 1;
  const shown = points.map((p) => ({ label: p.label, value: p.value * scale }));
  const hi = Math.min(100, Math.max(threshold * scale, ...shown.map((p) => p.value)) * 1.15);
  const title = share ? 'Misuse risk, % (the catastrophe is rolled above the line)' : 'Tension (a crisis is rolled above the line)';
  const rules = [
    { value: 0, colour: '#7d8aa0', label: '0' },
    { value: threshold * scale, colour: OKABE.vermillion, label: String(+(threshold * scale).toFixed(1)) },
  ];
  return quarterChart(shown, 0, hi, rules, title);
}
