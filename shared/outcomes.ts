import { beside, fixed } from './number-text.js';

export const OUTCOMES = [
  'democratic-lead',
  'contested-frontier',
  'authoritarian-parity',
  'shared-stewardship',
  'misuse-catastrophe',
  'strait-crisis',
] as const;
export type OutcomeId = (typeof OUTCOMES)[number];

export const OUTCOME_INFO: Record<OutcomeId, { title: string; gist: string }> = {
  'democratic-lead': { title: 'Democratic lead', gist: 'The democracies hold a frontier lead of a year or more and most of the swing markets; their norms set the rules.' },
  'contested-frontier': { title: 'Contested frontier', gist: 'A lead of a few months and a split market: a neck-and-neck race with thin safety margins.' },
  'authoritarian-parity': { title: 'Authoritarian parity', gist: 'PRC labs at or near the frontier and PRC stacks dominant in the swing markets; surveillance tooling spreads.' },
  'shared-stewardship': { title: 'Shared stewardship', gist: 'Cooperation holds: a joint governance framework and joint safety work take hold.' },
  'misuse-catastrophe': { title: 'Misuse catastrophe', gist: 'Rogue actors turn frontier AI into a disaster. Everyone loses.' },
  'strait-crisis': { title: 'Strait crisis', gist: 'Tension boils over around Taiwan and the chip supply chain breaks.' },
};

/** The thresholds the classifier uses; documented in docs/MODEL.md. */
export const OUTCOME_CRITERIA = {
  democraticLeadMonths: 12,
  parityLeadMonths: 3,
  swingMajority: 0.5,
  stewardshipCooperation: 70,
} as const;

export type DecidingFigure = { name: string; value: number; threshold?: number; comparison?: '>=' | '<=' | '>' | '<' };

export type OutcomeResult = {
  id: OutcomeId;
  turn: number;
  early: boolean;
  /** One sentence naming the rule that decided it. */
  reason: string;
  figures: DecidingFigure[];
  /** Control ended the match before its last quarter (the outcome is read from the position then). */
  endedByControl?: true;
};

export type OutcomeInputs = {
  turn: number;
  leadMonths: number;
  /** Mean democratic share across the swing markets, 0..1. */
  swingDemocratic: number;
  cooperation: number;
  jointGovernanceInForce: boolean;
  /** Joint safety work has taken hold (quarters of joint lab research or a joint-evaluations agreement); taken as true when absent. */
  jointSafetyWork?: boolean;
  early: null | { id: 'misuse-catastrophe' | 'strait-crisis'; odds: number; roll: number; figure: DecidingFigure };
};

/**
 * When a match of `turns` quarters ended, as its end screen heads it: a roll's ending before the last
 * quarter is early; one in the last quarter is not (the match ran its length), nor is the classification
 * at the end.
 */
export function endingWhen(o: Pick<OutcomeResult, 'early' | 'turn' | 'endedByControl'>, turns: number): string {
  if (o.early) return endedEarly(o, turns) ? `Early ending after ${o.turn} of ${turns} quarters` : `Ended by a roll in the last quarter`;
  return o.endedByControl ? `Ended by Control after ${o.turn} of ${turns} quarters` : 'The match is over';
}

/** A catastrophe or crisis rolled before the last of a match's `turns` quarters (one in the last is no early end). */
export function endedEarly(o: Pick<OutcomeResult, 'early' | 'turn'>, turns: number): boolean {
  return o.early && o.turn < turns;
}

/** Exactly one outcome, by the documented precedence: early endings, stewardship, lead and adoption. */
export function classifyOutcome(x: OutcomeInputs): OutcomeResult {
  const c = OUTCOME_CRITERIA;
  const lead: DecidingFigure = { name: 'Lead (months)', value: x.leadMonths };
  const swing: DecidingFigure = { name: 'Democratic share of swing markets', value: x.swingDemocratic };
  if (x.early) {
    const [r, o] = [x.early.roll * 100, x.early.odds * 100];
    const roll = `the roll ${beside(r, [o], 1)}% fell under its odds ${beside(o, [r], 1)}%`;
    const reason = x.early.id === 'misuse-catastrophe' ? `A misuse catastrophe struck: ${roll}.` : `The Strait crisis broke out: ${roll}.`;
    return { id: x.early.id, turn: x.turn, early: true, reason, figures: [x.early.figure, { name: 'Odds this quarter', value: x.early.odds }, { name: 'Roll', value: x.early.roll }] };
  }
  if (x.cooperation >= c.stewardshipCooperation && x.jointGovernanceInForce && x.jointSafetyWork !== false) {
    return {
      id: 'shared-stewardship',
      turn: x.turn,
      early: false,
      reason: `Cooperation reached ${fixed(x.cooperation)} (≥ ${c.stewardshipCooperation}) with a joint governance framework in force and joint safety work under way.`,
      figures: [
        { name: 'Cooperation', value: x.cooperation, threshold: c.stewardshipCooperation, comparison: '>=' },
        { name: 'Joint governance in force', value: 1 },
        { name: 'Joint safety work', value: 1 },
        lead,
        swing,
      ],
    };
  }
  if (x.leadMonths >= c.democraticLeadMonths && x.swingDemocratic > c.swingMajority) {
    return {
      id: 'democratic-lead',
      turn: x.turn,
      early: false,
      reason: `The democracies lead by ${leadText(x.leadMonths)} months (≥ ${c.democraticLeadMonths}) and hold ${swingText(x.swingDemocratic)} of the swing markets.`,
      figures: [{ ...lead, threshold: c.democraticLeadMonths, comparison: '>=' }, { ...swing, threshold: c.swingMajority, comparison: '>' }],
    };
  }
  if (x.leadMonths <= c.parityLeadMonths && x.swingDemocratic < c.swingMajority) {
    return {
      id: 'authoritarian-parity',
      turn: x.turn,
      early: false,
      reason: `The lead is only ${leadText(x.leadMonths)} months (≤ ${c.parityLeadMonths}) and PRC stacks hold ${swingText(1 - x.swingDemocratic)} of the swing markets.`,
      figures: [{ ...lead, threshold: c.parityLeadMonths, comparison: '<=' }, { ...swing, threshold: c.swingMajority, comparison: '<' }],
    };
  }
  return {
    id: 'contested-frontier',
    turn: x.turn,
    early: false,
    reason: `Neither side clears the bar: a lead of ${leadText(x.leadMonths)} months with ${swingText(x.swingDemocratic)} of the swing markets on democratic stacks.`,
    figures: [lead, swing],
  };
}

/** The bars the lead and the swing share are read against (shares as 0–1). */
export const LEAD_BARS: readonly number[] = [OUTCOME_CRITERIA.democraticLeadMonths, OUTCOME_CRITERIA.parityLeadMonths];
export const SWING_BARS: readonly number[] = [OUTCOME_CRITERIA.swingMajority];

// The sentences' figures never round onto the bar they are judged against (a 49.7% share is not "50%").
const leadText = (months: number) => beside(months, LEAD_BARS, 1);
const swingText = (share: number) => `${beside(share * 100, SWING_BARS.map((b) => b * 100))}%`;
