import { OUTCOME_CRITERIA } from '../../../shared/index.js';
import { OKABE } from '../palette.js';

const NS = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A line chart of the lead per quarter with the outcome thresholds; decorative — a table carries the numbers. */
export function leadChart(points: { label: string; value: number }[]): SVGSVGElement {
  const w = 560;
  const hgt = 200;
  const left = 40;
  const right = 24;
  const top = 12;
  const bottom = 28;
  const svg = el('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'chart', 'aria-hidden': 'true' });
  if (points.length === 0) return svg;
  const vals = points.map((p) => p.value);
  const lo = Math.min(-1, ...vals) - 1;
  const hi = Math.max(OUTCOME_CRITERIA.democraticLeadMonths + 2, ...vals) + 1;
  const X = (i: number) => left + (points.length === 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (points.length - 1));
  const Y = (v: number) => top + (1 - (v - lo) / (hi - lo)) * (hgt - top - bottom);
  const rule = (v: number, colour: string, label: string) => {
    svg.append(el('line', { x1: left, x2: w - right, y1: Y(v), y2: Y(v), stroke: colour, 'stroke-dasharray': '6 4', 'stroke-width': 1.5 }));
    svg.append(el('text', { x: left - 6, y: Y(v) + 4, fill: colour, 'font-size': 12, 'text-anchor': 'end' }, label));
  };
  rule(0, '#7d8aa0', '0');
  rule(OUTCOME_CRITERIA.parityLeadMonths, OKABE.vermillion, String(OUTCOME_CRITERIA.parityLeadMonths));
  rule(OUTCOME_CRITERIA.democraticLeadMonths, OKABE.sky, String(OUTCOME_CRITERIA.democraticLeadMonths));
  svg.append(el('polyline', { points: points.map((p, i) => `${X(i)},${Y(p.value)}`).join(' '), fill: 'none', stroke: '#ffffff', 'stroke-width': 3 }));
  points.forEach((p, i) => {
    svg.append(el('circle', { cx: X(i), cy: Y(p.value), r: 4, fill: '#ffffff' }));
    if (points.length <= 12 || i % 2 === 0) svg.append(el('text', { x: X(i), y: hgt - 8, fill: '#a7b2c4', 'font-size': 11, 'text-anchor': 'middle' }, p.label.replace(/^20/, "'")));
  });
  svg.append(el('text', { x: left + 4, y: top + 10, fill: '#a7b2c4', 'font-size': 12 }, 'US lead, months'));
  return svg;
}
