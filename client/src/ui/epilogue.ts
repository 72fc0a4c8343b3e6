import type { OutcomeId } from '../../../shared/index.js';

/** A short epilogue for each 2028 outcome, written for the game. */
export const EPILOGUE: Record<OutcomeId, string> = {
  'democratic-lead':
    'By the end of 2028 the gap has stopped closing. Chips no longer leak through transshipment ports, remote rentals need a verified customer, and distilling a rival’s model costs more than it returns. American and allied models run the hospitals, ports and ministries of most of the swing markets, and the rules written in Washington, Brussels and Tokyo become the defaults everyone else adopts. Beijing keeps building, and the lead is a margin to defend rather than a victory to bank.',
  'contested-frontier':
    'Neither side pulls away. Each new American model is matched within months, sometimes with help from chips that should never have arrived or answers harvested from someone else’s API. Markets split down the middle and buy from whoever is cheaper this quarter. Labs on both sides trim safety work to stay in the race, and every government reads the other’s restraint as weakness. 2029 starts as a sprint with no finish line in sight.',
  'authoritarian-parity':
    'The loopholes never closed. Smuggled and rented compute, a steady stream of distilled capability and cheap open weights let PRC labs reach the frontier, and Chinese stacks become the default across the Global South and the hub economies. Surveillance and control tools ship with the infrastructure, and the norms that travel with them are Beijing’s. Export controls that once bought years now buy weeks.',
  'shared-stewardship':
    'Against the odds, the rivals build something together. A joint governance framework survives its first quarters, inspectors check what they were promised, and the labs run shared safety evaluations before each release. Competition does not end — it moves to products, prices and talent — but the most dangerous capabilities are now tested, tracked and talked about on a hotline rather than discovered in a crisis.',
  'misuse-catastrophe':
    'The race runs too hot for too long. Near-frontier weights spread faster than the safeguards around them, and a group no government controls turns them into an attack that no one can contain in time. Whoever was ahead matters little in the aftermath: trust collapses, emergency laws pile up, and the question for 2029 is no longer who leads but whether anyone can govern what was built.',
  'strait-crisis':
    'Pressure on Taiwan, retaliation over minerals and exposed covert deals push the Strait past the point of return. Shipping halts, the leading-edge fabs go dark, and the chip supply both sides depend on freezes overnight. The AI race stops not because anyone won it, but because the factories that fed it are no longer reachable. Every capital spends 2029 counting the cost.',
};
