import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export type Line = {
  label: string;
  values: (number | null)[];
  colour: string;
  /** Dash pattern in px (none: solid). Every line differs by pattern or marker too, never colour alone. */
  dash?: number[];
  width?: number;
  /** Low and high edges of the estimate band, drawn as a shaded area. */
  band?: { low: (number | null)[]; high: (number | null)[] };
};

export type ChartSpec = {
  labels: string[];
  lines: Line[];
  /** Horizontal reference lines (thresholds). */
  rules?: { value: number; label: string; colour: string }[];
  y: { min?: number; max?: number; format(v: number): string };
};

const AXIS = { stroke: '#a7b2c4', grid: { stroke: '#222c42', width: 1 }, ticks: { stroke: '#2a3650', width: 1 }, font: '12px Inter, "Segoe UI", system-ui, sans-serif' };

/** One uPlot chart in `host`, sized to it and resized with it. Returns a destroy function. */
export function drawChart(host: HTMLElement, spec: ChartSpec): () => void {
  const xs = spec.labels.map((_, i) => i);
  const series: uPlot.Series[] = [{}];
  const data: (number | null)[][] = [xs];
  const bands: uPlot.Band[] = [];
  for (const l of spec.lines) {
    if (l.band) {
      const hi = series.length;
      series.push({ label: `${l.label} high`, stroke: 'transparent', points: { show: false } });
      data.push(l.band.high);
      series.push({ label: `${l.label} low`, stroke: 'transparent', points: { show: false } });
      data.push(l.band.low);
      bands.push({ series: [hi, hi + 1], fill: `${l.colour}33` });
    }
    series.push({ label: l.label, stroke: l.colour, width: l.width ?? 2.5, dash: l.dash, points: { show: true, size: 6, fill: l.colour }, spanGaps: true });
    data.push(l.values);
  }
  for (const r of spec.rules ?? []) {
    series.push({ label: r.label, stroke: r.colour, width: 1.2, dash: [4, 4], points: { show: false } });
    data.push(xs.map(() => r.value));
  }
  const vals = data.slice(1).flat().filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let lo = spec.y.min ?? Math.min(...vals);
  let hi = spec.y.max ?? Math.max(...vals);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.08;
  const opts: uPlot.Options = {
    width: Math.max(200, host.clientWidth),
    height: 170,
    series,
    bands,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.25, Math.max(0.25, xs.length - 0.75)] }, y: { range: [spec.y.min ?? lo - pad, spec.y.max ?? hi + pad] } },
    axes: [
      { ...AXIS, values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (spec.labels[i] ?? '').replace(/^20(\d\d) /, "'$1 ") : '')), incrs: [1], size: 28 },
      { ...AXIS, values: (_u, splits) => splits.map((v) => spec.y.format(v)), size: 52 },
    ],
  };
  const plot = new uPlot(opts, data as uPlot.AlignedData, host);
  const ro = new ResizeObserver(() => {
    const w = Math.max(200, host.clientWidth);
    if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: 170 });
  });
  ro.observe(host);
  return () => {
    ro.disconnect();
    plot.destroy();
  };
}
