import { describe, expect, it } from 'vitest';
import { classifyOutcome, endingWhen, OUTCOME_CRITERIA as C, type OutcomeInputs } from '../../shared/index.js';

const base: OutcomeInputs = { turn: 10, leadMonths: 7, swingDemocratic: 0.5, cooperation: 30, jointGovernanceInForce: false, jointSafetyWork: false, early: null };
const id = (x: Partial<OutcomeInputs>) => classifyOutcome({ ...base, ...x }).id;
const early = (kind: 'misuse-catastrophe' | 'strait-crisis') => ({ id: kind, odds: 0.3, roll: 0.1, figure: { name: 'x', value: 1 } }) as const;

const reason = (x: Partial<OutcomeInputs>) => classifyOutcome({ ...base, ...x }).reason;

describe('the outcome sentence: its figures never read as the bar they missed', () => {
  it('a share just short of a majority is not "50%"', () => {
    expect(reason({ leadMonths: 7, swingDemocratic: 0.497 })).toBe('Neither side clears the bar: a lead of 7.0 months with 49.7% of the swing markets on democratic stacks.');
    expect(reason({ leadMonths: 20, swingDemocratic: 0.5004 })).toBe('The democracies lead by 20.0 months (≥ 12) and hold 50.04% of the swing markets.');
    expect(reason({ leadMonths: 1, swingDemocratic: 0.4 })).toBe('The lead is only 1.0 months (≤ 3) and PRC stacks hold 60% of the swing markets.');
  });

  it('a lead just short of twelve months is not "12.0", one just over three is not "3.0"', () => {
    expect(reason({ leadMonths: 11.97, swingDemocratic: 0.6 })).toBe('Neither side clears the bar: a lead of 11.97 months with 60% of the swing markets on democratic stacks.');
    expect(reason({ leadMonths: 3.02, swingDemocratic: 0.4 })).toMatch(/a lead of 3\.02 months with 40% /);
    expect(reason({ leadMonths: 12, swingDemocratic: 0.6 })).toMatch(/lead by 12\.0 months/);
  });

  it('a roll just under its odds reads as under them', () => {
    const strait = { id: 'strait-crisis', odds: 0.1234, roll: 0.1231, figure: { name: 'Tension', value: 80 } } as const;
    expect(reason({ early: { ...strait, roll: 0.05 } })).toBe('The Strait crisis broke out: the roll 5.0% fell under its odds 12.3%.');
    expect(reason({ early: strait })).toBe('The Strait crisis broke out: the roll 12.31% fell under its odds 12.34%.');
  });
});

describe('when a match ended, as the end screen heads it', () => {
  it('a roll before the last quarter is an early ending; one in the last quarter is not', () => {
    expect(endingWhen({ early: true, turn: 6 }, 10)).toBe('Early ending after 6 of 10 quarters');
    expect(endingWhen({ early: true, turn: 10 }, 10)).toBe('Ended by a roll in the last quarter');
    expect(endingWhen({ early: false, turn: 4, endedByControl: true }, 10)).toBe('Ended by Control after 4 of 10 quarters');
    expect(endingWhen({ early: false, turn: 10 }, 10)).toBe('The match is over');
  });
});

describe('classifyOutcome: each criterion at its boundary', () => {
  it('Democratic lead: lead ≥ 12 months AND more than half the swing markets', () => {
    expect(id({ leadMonths: C.democraticLeadMonths, swingDemocratic: 0.51 })).toBe('democratic-lead');
    expect(id({ leadMonths: C.democraticLeadMonths - 1e-9, swingDemocratic: 0.51 })).toBe('contested-frontier');
    expect(id({ leadMonths: 30, swingDemocratic: C.swingMajority })).toBe('contested-frontier');
    expect(id({ leadMonths: 30, swingDemocratic: C.swingMajority + 1e-9 })).toBe('democratic-lead');
  });

  it('Authoritarian parity: lead ≤ 3 months (or behind) AND PRC stacks hold the swing markets', () => {
    expect(id({ leadMonths: C.parityLeadMonths, swingDemocratic: 0.49 })).toBe('authoritarian-parity');
    expect(id({ leadMonths: C.parityLeadMonths + 1e-9, swingDemocratic: 0.49 })).toBe('contested-frontier');
    expect(id({ leadMonths: -6, swingDemocratic: 0.2 })).toBe('authoritarian-parity');
    expect(id({ leadMonths: 0, swingDemocratic: C.swingMajority })).toBe('contested-frontier');
  });

  it('Contested frontier: everything in between, including a big lead without the markets', () => {
    expect(id({})).toBe('contested-frontier');
    expect(id({ leadMonths: 20, swingDemocratic: 0.3 })).toBe('contested-frontier');
    expect(id({ leadMonths: 1, swingDemocratic: 0.7 })).toBe('contested-frontier');
  });

  it('Shared stewardship: cooperation ≥ 70 AND joint governance in force AND joint safety work', () => {
    const yes = { cooperation: C.stewardshipCooperation, jointGovernanceInForce: true, jointSafetyWork: true };
    expect(id(yes)).toBe('shared-stewardship');
    expect(id({ ...yes, cooperation: C.stewardshipCooperation - 1e-9 })).toBe('contested-frontier');
    expect(id({ ...yes, jointGovernanceInForce: false })).toBe('contested-frontier');
    expect(id({ ...yes, jointSafetyWork: false })).toBe('contested-frontier');
    // Stewardship takes precedence over the race.
    expect(id({ ...yes, leadMonths: 20, swingDemocratic: 0.9 })).toBe('shared-stewardship');
    expect(id({ ...yes, leadMonths: 0, swingDemocratic: 0.1 })).toBe('shared-stewardship');
    // Older callers that do not pass jointSafetyWork get the old rule.
    const { jointSafetyWork: _j, ...legacy } = { ...base, ...yes };
    expect(classifyOutcome(legacy).id).toBe('shared-stewardship');
  });

  it('early endings take precedence over everything', () => {
    const all = { cooperation: 100, jointGovernanceInForce: true, jointSafetyWork: true, leadMonths: 30, swingDemocratic: 1 };
    expect(id({ ...all, early: early('misuse-catastrophe') })).toBe('misuse-catastrophe');
    expect(id({ ...all, early: early('strait-crisis') })).toBe('strait-crisis');
    const r = classifyOutcome({ ...base, turn: 4, early: early('strait-crisis') });
    expect(r.early).toBe(true);
    expect(r.turn).toBe(4);
    expect(r.reason).toMatch(/10\.0%.*30\.0%/);
  });

  it('every result names the figures that decided it', () => {
    for (const x of [{}, { leadMonths: 20, swingDemocratic: 0.8 }, { leadMonths: 0, swingDemocratic: 0.2 }, { cooperation: 90, jointGovernanceInForce: true, jointSafetyWork: true }]) {
      const r = classifyOutcome({ ...base, ...x });
      expect(r.reason.length).toBeGreaterThan(20);
      expect(r.figures.length).toBeGreaterThan(0);
      expect(r.early).toBe(false);
    }
  });
});
