import { OUTCOME_INFO, type WorldState } from '../../../../shared/index.js';
import { shownChange } from '../../format.js';

/**
 * What a what-if did to the match, in words, and where the changed line stops still open when the record
 * runs out before it ends (the match as played ended early and the changed line did not: the record has
 * no orders past that quarter). `original` and `altered` are the two replays' positions (shared `whatIf`).
 */
export function whatIfVerdict(original: readonly WorldState[], altered: readonly WorldState[]): { text: string; openFrom: WorldState | null } {
  const a = original[original.length - 1];
  const b = altered[altered.length - 1];
  const openFrom = !b.outcome && b.turn < b.turns ? b : null;
  if ((a.outcome?.id ?? null) !== (b.outcome?.id ?? null)) {
    if (a.outcome && !b.outcome) {
      return {
        text: `The change avoids the ending as played (${OUTCOME_INFO[a.outcome.id].title} after quarter ${a.outcome.turn}). The record has no orders past that quarter, so the what-if line stops there, still open: its odds from there are below.`,
        openFrom,
      };
    }
    return { text: `The change turns the ending from ${a.outcome ? OUTCOME_INFO[a.outcome.id].title : 'undecided'} to ${b.outcome ? OUTCOME_INFO[b.outcome.id].title : 'undecided'}.`, openFrom };
  }
  const delta = (name: string, x: number, y: number, digits: number, unit = '') => {
    const c = shownChange(x, y, digits, 1, unit);
    return c.diff === 0 ? null : `${name} ${c.signed}`;
  };
  const moved = [
    // To the tenth, as the panel's table shows them.
    delta('final lead', a.leadMonths, b.leadMonths, 1, ' months'),
    delta('tension', a.tension, b.tension, 1),
    delta('cooperation', a.cooperation, b.cooperation, 1),
    delta('misuse risk', a.risk.misuse * 100, b.risk.misuse * 100, 1, ' pts'),
  ].filter((x): x is string => x !== null);
  return { text: moved.length ? `Same ending, but the figures move: ${moved.join('; ')}.` : 'The change makes no difference to the figures.', openFrom };
}
