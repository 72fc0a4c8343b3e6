import { fixed, percent } from '../number-text.js';
import { OUTCOME_CRITERIA, type DecidingFigure } from '../outcomes.js';

/** A deciding figure as the end screen shows it: shares, odds, rolls and misuse risk as percentages, flags as yes/no. */
export function figureValueText(f: DecidingFigure): string {
  const n = f.name.toLowerCase();
  if (n.includes('share') || n.includes('odds') || n.includes('roll') || n.includes('misuse')) return percent(f.value);
  // Flags (stewardship's two conditions): the names are part of recorded outcomes, so matched as they are.
  if (n.includes('in force') || n === 'joint safety work') return f.value ? 'yes' : 'no';
  return fixed(f.value, 1);
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
