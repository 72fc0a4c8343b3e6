import { describe, expect, it } from 'vitest';
import { classifyOutcome, OUTCOMES } from '../../shared/index.js';
import { epilogue, epilogueFacts, marketSentence } from '../../client/src/ui/epilogue.js';

const facts = (quarter: string, swingDemocratic = 0.5, leadMonths = 6) => ({ quarter, swingDemocratic, leadMonths });

describe('the end screen’s epilogue', () => {
  it('is dated to the match’s real end, not to the end of 2028', () => {
    const early = epilogue('contested-frontier', facts('2026 Q4'));
    expect(early).toContain('2027 starts as a sprint');
    expect(early).not.toMatch(/2028|2029/);
    expect(epilogue('contested-frontier', facts('2028 Q4'))).toContain('2029 starts as a sprint');
    expect(epilogue('contested-frontier', facts('2027 Q2'))).toContain('The rest of 2027 is a sprint');
    expect(epilogue('democratic-lead', facts('2026 Q4', 0.6, 13))).toMatch(/^By the end of 2026 the gap/);
    expect(epilogue('democratic-lead', facts('2027 Q1', 0.6, 13))).toMatch(/^By the end of March 2027 the gap/);
    expect(epilogue('misuse-catastrophe', facts('2027 Q3'))).toContain('the question for the rest of 2027');
    expect(epilogue('strait-crisis', facts('2030 Q4'))).toContain('Every capital spends 2031 counting the cost.');
  });

  it('names no year it cannot know when the quarter is unreadable', () => {
    for (const id of OUTCOMES) expect(epilogue(id, facts(''))).not.toMatch(/\b20\d\d\b/);
  });

  it('words the swing markets from their democratic share', () => {
    expect(marketSentence(0.65)).toContain('65% of the swing markets');
    expect(marketSentence(0.65)).not.toContain('split down the middle');
    expect(marketSentence(0.51)).toContain('split down the middle');
    expect(marketSentence(0.56)).toMatch(/lean democratic, 56%/);
    expect(marketSentence(0.44)).toMatch(/lean toward Chinese stacks, with only 44%/);
    expect(marketSentence(0.3)).toMatch(/Chinese stacks win most of the swing markets, leaving 30%/);
  });

  it('agrees with the contested outcome’s own reason', () => {
    const o = classifyOutcome({ turn: 2, leadMonths: 7.2, swingDemocratic: 0.648, cooperation: 30, jointGovernanceInForce: false, early: null });
    expect(o.id).toBe('contested-frontier');
    expect(o.reason).toContain('65% of the swing markets');
    // The final position is ignored where the outcome carries the figure.
    const text = epilogue(o.id, epilogueFacts(o, '2026 Q4', { leadMonths: 0, swingDemocratic: 0.2 }));
    expect(text).toContain('65% of the swing markets');
    expect(text).toContain('matched within months');
  });

  it('does not call a year-long lead a dead heat', () => {
    const wide = epilogue('contested-frontier', facts('2028 Q4', 0.45, 14));
    expect(wide).toContain('a year or more ahead');
    expect(wide).not.toContain('Neither side pulls away');
    expect(epilogue('contested-frontier', facts('2028 Q4', 0.55, 1))).toContain('dead heat');
  });
});
