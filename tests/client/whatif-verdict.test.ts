import { describe, expect, it } from 'vitest';
import { builtinScenario, playBotMatch } from '../../shared/index.js';
import { recordOf, whatIf } from '../../shared/analysis/index.js';
import { whatIfVerdict } from '../../client/src/ui/analysis/whatif-verdict.js';

const baseline = builtinScenario('baseline')!;

describe('the what-if verdict', () => {
  it('says when the change avoids an early ending, and names where the open line stops', () => {
    // This seed's bot match ends in a Strait crisis in its eighth quarter of ten; without China's pressure on
    // Taiwan that quarter, it does not, and the record has no orders for the ninth.
    const final = playBotMatch(baseline, 'wi-open-1635');
    expect(final.outcome).toMatchObject({ id: 'strait-crisis', turn: 8 });
    const record = recordOf(baseline, final);
    const calmer = record.turns[7].orders.CN.filter((o) => o.action !== 'cn-strait-pressure');
    const { original, altered } = whatIf(record, { turn: 8, seat: 'CN', orders: calmer });
    const v = whatIfVerdict(original, altered);
    expect(v.text).toBe('The change avoids the ending as played (Strait crisis after quarter 8). The record has no orders past that quarter, so the what-if line stops there, still open: its odds from there are below.');
    expect(v.openFrom).toBe(altered[altered.length - 1]);
    expect(v.openFrom!.turn).toBe(8);
    expect(v.openFrom!.outcome).toBeNull();
  });

  it('names the figures a change moves when the ending stays, and has no open line', () => {
    const final = playBotMatch(baseline, 'wi-same');
    const record = recordOf(baseline, final);
    // The US tightens chip controls ×3 in the second quarter instead of loosening them.
    const { original, altered } = whatIf(record, { turn: 2, seat: 'US', orders: [{ action: 'us-tighten-chip-controls', intensity: 3 }] });
    const v = whatIfVerdict(original, altered);
    expect(v.openFrom).toBeNull();
    expect(v.text).toBe('Same ending, but the figures move: final lead +1.7 months; tension +4.1; cooperation −3.0; misuse risk −1.3 pts.');
    expect(whatIfVerdict(original, original)).toEqual({ text: 'The change makes no difference to the figures.', openFrom: null });
  });
});
