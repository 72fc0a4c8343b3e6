/** Quarters are counted from an absolute index: year * 4 + (quarter - 1). */
export type QuarterIndex = number;

export function quarterIndex(year: number, quarter: number): QuarterIndex {
  return year * 4 + (quarter - 1);
}

export function quarterLabel(index: QuarterIndex): string {
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  return `${year} Q${q}`;
}
