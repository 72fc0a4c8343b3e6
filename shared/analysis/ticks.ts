/**
 * Round axis ticks for a chart spanning [lo, hi]: a step of 1, 2, 2.5 or 5 × a power of ten, giving about
 * `count` intervals, with the axis widened to the ticks on either side (so gridlines read 0, 5, 10, not 2.3, 5.7).
 */
export function niceTicks(lo: number, hi: number, count = 4): { lo: number; hi: number; ticks: number[] } {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag;
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = 0; first + k * step <= last + step * 1e-9; k++) ticks.push(Number((first + k * step).toPrecision(12)));
  return { lo: first, hi: last, ticks };
}
