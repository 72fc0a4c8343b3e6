import { beside } from '../number-text.js';
import { LEAD_BARS, OUTCOME_CRITERIA, SWING_BARS, type DecidingFigure } from '../outcomes.js';

/**
 * A deciding figure as the end screen shows it: shares, odds, rolls and misuse risk as percentages, flags
 * as yes/no. It never reads as a bar it missed: its threshold, the criteria a lead or a swing share falls
 * between, or (for a roll and its odds) the other figure of the pair among `all`.
 */
export function figureValueText(f: DecidingFigure, all: readonly DecidingFigure[] = []): string {
  const n = f.name.toLowerCase();
  // Flags (stewardship's two conditions): the names are part of recorded outcomes, so matched as they are.
  if (n.includes('in force') || n === 'joint safety work') return f.value ? 'yes' : 'no';
  const bars = barsOf(f, all);
  if (n.includes('share') || n.includes('odds') || n.includes('roll') || n.includes('misuse')) {
    return `${beside(f.value * 100, bars.map((b) => b * 100), 1)}%`;
  }
  return beside(f.value, bars, 1);
}

function barsOf(f: DecidingFigure, all: readonly DecidingFigure[]): number[] {
  if (f.threshold !== undefined) return [f.threshold];
  if (f.name.startsWith('Lead')) return [...LEAD_BARS];
  if (f.name.toLowerCase().includes('swing')) return [...SWING_BARS];
  const pair = f.name === 'Roll' ? 'Odds this quarter' : f.name === 'Odds this quarter' ? 'Roll' : null;
  return all.filter((g) => g.name === pair).map((g) => g.value);
}

const COMPARISON_TEXT: Record<NonNullable<DecidingFigure['comparison']>, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** The bar a deciding figure was read against: its own threshold, or "—" when it has none. */
export function figureCriterion(f: DecidingFigure): string {
  if (f.threshold === undefined) {
    // Figures without a bar of their own are read against the criteria they fell between.
    const c = OUTCOME_CRITERIA;
    if (f.name.startsWith('Lead')) return `lead ≥ ${c.democraticLeadMonths} · parity ≤ ${c.parityLeadMonths}`;
    if (f.name.toLowerCase().includes('swing')) return `majority ${c.swingMajority * 100}%`;
    return '—';
  }
  return `${f.comparison ? COMPARISON_TEXT[f.comparison] : ''} ${figureValueText({ ...f, value: f.threshold })}`;
}
