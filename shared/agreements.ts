import { z } from 'zod';
import { SEATS, SEAT_INFO, type SeatId } from './seats.js';
import type { Proposal, WorldState } from './state.js';
import menuJson from './data/agreements.json';

/** What an agreement does each quarter it is in force (all optional; see docs/MODEL.md). */
export const AGREEMENT_EFFECT_KEYS = [
  'cooperation',
  'tension',
  'misuse',
  'enforcement',
  'smuggledMultiplier',
  'offshoreMultiplier',
  'crisisMultiplier',
  'labSafety',
  'distillationDeterrence',
  'swingDemocratic',
  'hubResources',
] as const;
export type AgreementEffectKey = (typeof AGREEMENT_EFFECT_KEYS)[number];

const SeatEnum = z.enum(SEATS);

export const AgreementTermsSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    summary: z.string().min(1),
    /** Seats that must all sign. */
    requiredParties: z.array(SeatEnum),
    /** Seats that may sign. */
    eligibleParties: z.array(SeatEnum).min(2),
    minParties: z.number().int().min(2),
    durationQuarters: z.number().int().min(1).max(20),
    /** Cooperation needed before the parties trust each other enough to sign. */
    minCooperation: z.number().min(0).max(100),
    /** Resources each party pays when it is signed. */
    signingCost: z.number().int().min(0).max(10),
    /** Applied every quarter the agreement is in force. */
    perQuarter: z.partialRecord(z.enum(AGREEMENT_EFFECT_KEYS), z.number().finite()),
    /** Actions that breach it when a party takes them: public ones openly, covert ones only if detected. */
    forbids: z.array(z.string()),
    sources: z.array(z.string()).min(1),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const p of a.requiredParties) {
      if (!a.eligibleParties.includes(p)) ctx.addIssue({ code: 'custom', path: ['requiredParties'], message: `${p} is required but not eligible` });
    }
  });

export type AgreementTerms = z.infer<typeof AgreementTermsSchema>;

const MENU: readonly AgreementTerms[] = z.array(AgreementTermsSchema).parse(menuJson);

/** The menu of agreements, by kind. */
export const AGREEMENT_MENU: Readonly<Record<string, AgreementTerms>> = Object.fromEntries(MENU.map((a) => [a.id, a]));
export const AGREEMENT_KINDS: readonly string[] = MENU.map((a) => a.id);

export type AgreementResult = { ok: true; state: WorldState; proposal?: Proposal } | { ok: false; error: string };

function fail(error: string): AgreementResult {
  return { ok: false, error };
}

/** Whether `parties` could sign `kind` (not checking cooperation, which is checked at signature). */
export function checkParties(kind: string, parties: readonly SeatId[]): string | null {
  const t = AGREEMENT_MENU[kind];
  if (!t) return `Unknown agreement "${kind}".`;
  // A handful of parties at most: lists, not sets (the resolver checks every agreement offered each quarter).
  for (let i = 1; i < parties.length; i++) if (parties.lastIndexOf(parties[i - 1]) !== i - 1) return 'A party is named twice.';
  for (const p of parties) if (!t.eligibleParties.includes(p)) return `${SEAT_INFO[p].short} cannot sign the ${t.title}.`;
  if (hasQuorum(t, parties)) return null;
  for (const p of t.requiredParties) if (!parties.includes(p)) return `The ${t.title} needs ${SEAT_INFO[p].short} as a party.`;
  return `The ${t.title} needs at least ${t.minParties} parties.`;
}

/** Whether eligible, distinct parties are enough to sign: every required party, and the minimum number. */
export function hasQuorum(t: AgreementTerms, parties: readonly SeatId[]): boolean {
  if (parties.length < t.minParties) return false;
  for (let i = 0; i < t.requiredParties.length; i++) if (!parties.includes(t.requiredParties[i])) return false;
  return true;
}

/**
 * A seat proposes an agreement to named parties (the proposer among them). Pure: returns a new state
 * with the proposal added, or an error and no change. Signature happens at the next resolution if
 * every party has accepted by then and cooperation is high enough.
 */
export function proposeAgreement(state: WorldState, by: SeatId, kind: string, parties: readonly SeatId[]): AgreementResult {
  if (state.outcome) return fail('The match is over.');
  const all = parties.includes(by) ? [...parties] : [by, ...parties];
  const why = checkParties(kind, all);
  if (why) return fail(why);
  if (state.agreements.some((a) => a.kind === kind)) return fail(`The ${AGREEMENT_MENU[kind].title} is already in force.`);
  if (state.proposals.some((p) => p.kind === kind && p.proposer === by)) return fail(`${SEAT_INFO[by].short} has already proposed the ${AGREEMENT_MENU[kind].title} this quarter.`);
  const proposal: Proposal = { id: `${kind}@${state.turn}:${by}`, kind, proposer: by, parties: all, acceptedBy: [by], turn: state.turn };
  return { ok: true, state: { ...state, proposals: [...state.proposals, proposal] }, proposal };
}

/** A named party accepts a proposal. Pure: a new state, or an error and no change. */
export function acceptAgreement(state: WorldState, proposalId: string, by: SeatId): AgreementResult {
  if (state.outcome) return fail('The match is over.');
  const p = state.proposals.find((x) => x.id === proposalId);
  if (!p) return fail(`No open proposal "${proposalId}".`);
  if (!p.parties.includes(by)) return fail(`${SEAT_INFO[by].short} is not a party to this proposal.`);
  if (p.acceptedBy.includes(by)) return fail(`${SEAT_INFO[by].short} has already accepted.`);
  const next: Proposal = { ...p, acceptedBy: [...p.acceptedBy, by] };
  return { ok: true, state: { ...state, proposals: state.proposals.map((x) => (x === p ? next : x)) }, proposal: next };
}

/** A named party declines (or the proposer withdraws): the proposal is dropped. */
export function declineAgreement(state: WorldState, proposalId: string, by: SeatId): AgreementResult {
  const p = state.proposals.find((x) => x.id === proposalId);
  if (!p) return fail(`No open proposal "${proposalId}".`);
  if (!p.parties.includes(by)) return fail(`${SEAT_INFO[by].short} is not a party to this proposal.`);
  return { ok: true, state: { ...state, proposals: state.proposals.filter((x) => x !== p) } };
}

/** Proposals a seat is named in (what its negotiation panel shows). */
export function proposalsFor(state: WorldState, seat: SeatId): Proposal[] {
  return state.proposals.filter((p) => p.parties.includes(seat));
}

/** True when a party to an agreement of `kind` in force would breach it by taking `action`. */
export function breaches(kind: string, action: string): boolean {
  return AGREEMENT_MENU[kind]?.forbids.includes(action) ?? false;
}
