import { fixed, percent } from '../number-text.js';
import { niceTicks } from './ticks.js';
export type Series = { name: string; values: number[]; colour: string; dash?: string };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A static, accessible SVG line chart (no script), for exported reports that must open offline. */
export function svgLineChart(title: string, labels: string[], series: Series[], opts: { unit?: string; min?: number; max?: number; /** Values are shares (0–1), read as percentages. */ percent?: boolean } = {}): string {
  const w = 560;
  const h = 240;
  // Room for half of the first and last x-axis labels, which are centred on their points (10px text, at most ~6.5px a character).
  const half = (label = '') => Math.ceil(label.length * 3.25) + 4;
  const pad = { l: Math.max(56, half(labels[0])), r: Math.max(12, half(labels[labels.length - 1])), t: 28, b: 44 };
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  const bottom = opts.min ?? Math.min(0, ...all);
  const { lo, hi, ticks } = niceTicks(bottom, opts.max ?? Math.max(...all, bottom + 1));
  const x = (i: number) => pad.l + (labels.length <= 1 ? 0 : (i * (w - pad.l - pad.r)) / (labels.length - 1));
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (h - pad.t - pad.b);
  const fmt = (v: number) =>
    opts.percent ? percent(v) : Math.abs(v) >= 1e6 ? `${fixed(v / 1e6, 1)}M` : Math.abs(v) >= 1e3 ? `${fixed(v / 1e3, 0)}k` : Math.abs(v) < 10 ? fixed(v, 2) : fixed(v, 0);
  // Tick labels carry as many decimals as their step needs, in the unit of the largest tick.
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const top = Math.max(...ticks.map(Math.abs));
  const [div, suffix] = opts.percent ? [0.01, '%'] : top >= 1e6 ? [1e6, 'M'] : top >= 1e3 ? [1e3, 'k'] : [1, ''];
  let tickDigits = 0;
  while (tickDigits < 3 && Math.abs(Math.round((step / div) * 10 ** tickDigits) - (step / div) * 10 ** tickDigits) > 1e-6) tickDigits++;
  const tickText = (v: number) => `${fixed(v / div, tickDigits)}${suffix}`;
  const grid = ticks
    .map((t) => `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(t)}" y2="${y(t)}" stroke="#ccc" stroke-width="0.5"/><text x="${pad.l - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${tickText(t)}</text>`)
    .join('');
  const xl = labels.map((l, i) => `<text x="${x(i)}" y="${h - pad.b + 16}" text-anchor="middle" font-size="10">${esc(l.replace(' ', '\u00a0'))}</text>`).join('');
  const lines = series
    .map((s) => {
      const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const dots = s.values.map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${s.colour}"><title>${esc(s.name)} ${esc(labels[i] ?? '')}: ${fmt(v)}</title></circle>`).join('');
      return `<polyline fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} points="${pts}"/>${dots}`;
    })
    .join('');
  const legend = series
    .map((s, i) => `<g transform="translate(${pad.l + i * 130},${h - 10})"><line x1="0" x2="18" y1="-4" y2="-4" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="22" y="0" font-size="11">${esc(s.name)}</text></g>`)
    .join('');
  const desc = series.map((s) => `${s.name}: ${s.values.map(fmt).join(', ')}`).join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}" class="chart"><title>${esc(title)}</title><desc>${esc(desc)}</desc><text x="${pad.l}" y="16" font-size="13" font-weight="600">${esc(title)}${opts.unit ? ` (${esc(opts.unit)})` : ''}</text>${grid}${xl}${lines}${legend}</svg>`;
}

export { esc as escapeHtml };
