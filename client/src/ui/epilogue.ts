import { OUTCOME_CRITERIA, percent, type OutcomeId, type OutcomeResult } from '../../../shared/index.js';

/** What an epilogue needs to know about how the match ended. */
export type EpilogueFacts = {
  /** The match's last quarter, as labelled in play: "2026 Q4". */
  quarter: string;
  /** The US lead at the end, in months (negative: the PRC leads). */
  leadMonths: number;
  /** The democratic share of the swing markets at the end, 0–1. */
  swingDemocratic: number;
};

/**
 * The facts from the outcome's own deciding figures where it has them (so the prose agrees with the
 * reason shown beside it), otherwise from the final position.
 */
export function epilogueFacts(outcome: OutcomeResult, quarter: string, final: { leadMonths: number; swingDemocratic: number }): EpilogueFacts {
  const figure = (name: string) => outcome.figures.find((f) => f.name === name)?.value;
  return {
    quarter,
    leadMonths: figure('Lead (months)') ?? final.leadMonths,
    swingDemocratic: figure('Democratic share of swing markets') ?? final.swingDemocratic,
  };
}

/** A short literary epilogue for the outcome, dated to the match's real end and worded from its figures. */
export function epilogue(id: OutcomeId, facts: EpilogueFacts): string {
  const end = endOf(facts.quarter);
  switch (id) {
    case 'democratic-lead':
      return `${end.by} the gap has stopped closing. Chips no longer leak through transshipment ports, remote rentals need a verified customer, and distilling a rival’s model costs more than it returns. American and allied models run the hospitals, ports and ministries of most of the swing markets, and the rules written in Washington, Brussels and Tokyo become the defaults everyone else adopts. Beijing keeps building, and the lead is a margin to defend rather than a victory to bank.`;
    case 'contested-frontier':
      return `${frontierSentence(facts.leadMonths)} ${marketSentence(facts.swingDemocratic)} Labs on both sides trim safety work to stay in the race, and every government reads the other’s restraint as weakness. ${end.sprint}`;
    case 'authoritarian-parity':
      return 'The loopholes never closed. Smuggled and rented compute, a steady stream of distilled capability and cheap open weights let PRC labs reach the frontier, and Chinese stacks become the default across the Global South and the hub economies. Surveillance and control tools ship with the infrastructure, and the norms that travel with them are Beijing’s. Export controls that once bought months now buy weeks.';
    case 'shared-stewardship':
      return 'Against the odds, the rivals build something together. A joint governance framework survives its first quarters, inspectors check what they were promised, and the labs run shared safety evaluations before each release. Competition does not end — it moves to products, prices and talent — but the most dangerous capabilities are now tested, tracked and talked about on a hotline rather than discovered in a crisis.';
    case 'misuse-catastrophe':
      return `The race runs too hot for too long. Near-frontier weights spread faster than the safeguards around them, and a group no government controls turns them into an attack that no one can contain in time. Whoever was ahead matters little in the aftermath: trust collapses, emergency laws pile up, and the question for ${end.ahead} is no longer who leads but whether anyone can govern what was built.`;
    case 'strait-crisis':
      return `Pressure on Taiwan, retaliation over minerals and exposed covert deals push the Strait past the point of return. Shipping halts, the leading-edge fabs go dark, and the chip supply both sides depend on freezes overnight. The AI race stops not because anyone won it, but because the factories that fed it are no longer reachable. Every capital spends ${end.ahead} counting the cost.`;
  }
}

type End = {
  /** "By the end of 2028", "By the end of March 2027". */
  by: string;
  /** The time after the match: "2029", "the rest of 2027". */
  ahead: string;
  /** The race going on past the match's end. */
  sprint: string;
};

const QUARTER_LAST_MONTH = ['March', 'June', 'September'];
const SPRINT = 'a sprint with no finish line in sight.';

function endOf(quarter: string): End {
  const m = /^(\d{4}) Q([1-4])$/.exec(quarter);
  if (!m) return { by: 'By now', ahead: 'the years ahead', sprint: `What follows is ${SPRINT}` };
  const year = Number(m[1]);
  const q = Number(m[2]);
  if (q === 4) return { by: `By the end of ${year}`, ahead: String(year + 1), sprint: `${year + 1} starts as ${SPRINT}` };
  return { by: `By the end of ${QUARTER_LAST_MONTH[q - 1]} ${year}`, ahead: `the rest of ${year}`, sprint: `The rest of ${year} is ${SPRINT}` };
}

/** How the frontier looks in a contested race: the lead can be wide (but without the markets) or gone. */
function frontierSentence(leadMonths: number): string {
  const c = OUTCOME_CRITERIA;
  const help = 'sometimes with help from chips that should never have arrived or answers harvested from someone else’s API';
  if (leadMonths >= c.democraticLeadMonths) return 'American labs pull a year or more ahead, yet the lead never turns into the markets that would make it last.';
  if (leadMonths < -c.parityLeadMonths) return `PRC labs hold the frontier, and each new American model arrives as a reply, ${help}.`;
  if (leadMonths <= c.parityLeadMonths) return `Neither side pulls away: the frontier is a dead heat, and each new model is answered within weeks, ${help}.`;
  return `Neither side pulls away. Each new American model is matched within months, ${help}.`;
}

/** The swing markets in words that agree with their democratic share (as the outcome's reason rounds it). */
export function marketSentence(share: number): string {
  const pct = percent(share, 0);
  if (share >= 0.6) return `American and allied stacks win ${pct} of the swing markets, but no contract is safe and buyers switch to whoever is cheaper this quarter.`;
  if (share >= 0.53) return `The swing markets lean democratic, ${pct} of them on American and allied stacks, and the rest buy from whoever is cheaper this quarter.`;
  if (share > 0.47) return 'Markets split down the middle and buy from whoever is cheaper this quarter.';
  if (share > 0.4) return `The swing markets lean toward Chinese stacks, with only ${pct} on democratic ones, and buy from whoever is cheaper this quarter.`;
  return `Chinese stacks win most of the swing markets, leaving ${pct} on democratic ones, and buyers switch to whoever is cheaper this quarter.`;
}
