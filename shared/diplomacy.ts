import { z } from 'zod';
import { SEATS, type SeatId } from './seats.js';
import { quarterLabel } from './clock.js';
import { AGREEMENT_MENU } from './agreements.js';
import type { Proposal, WorldState } from './state.js';

/**
 * The wire side of formal agreement proposals (the model side is in agreements.ts and negotiation.ts).
 *
 * A seated player proposes terms from `AGREEMENT_MENU` to named seats; each party accepts or declines.
 * A decline drops the proposal. When every party has accepted, the proposal is "agreed": it is announced
 * to everyone at once, and each party's orders carry a sign order at the coming resolution, where the
 * model signs it (if cooperation still allows) and puts it in force for the menu's duration. Proposals
 * not agreed by then lapse. Seats played by bots answer with their doctrine as soon as they are named.
 *
 * Proposals are private to their parties (and Control); signed agreements are public.
 */

/** Client → server `propose`: offer agreement `kind` to `parties` (the proposer's own seat is added if missing). */
export const ProposeSchema = z
  .object({
    kind: z.string().regex(/^[a-z0-9-]+$/).max(64),
    parties: z.array(z.enum(SEATS)).min(1).max(SEATS.length),
  })
  .strict();
export type Propose = z.infer<typeof ProposeSchema>;

/**
 * Client → server `respond`: accept or decline an open proposal as one of its parties. Control may
 * answer for any party by naming `seat`; a player's `seat`, if given, must be their own.
 */
export const RespondSchema = z
  .object({
    id: z.string().min(1).max(128),
    accept: z.boolean(),
    seat: z.enum(SEATS).optional(),
  })
  .strict();
export type Respond = z.infer<typeof RespondSchema>;

/**
 * `open`: waiting for answers; `agreed`: every party accepted, signed at the coming resolution;
 * `declined`: a party said no; `signed`: in force; `lapsed`: not agreed by the resolution;
 * `refused`: agreed, but the model would not sign it (e.g. cooperation too low; see `note`).
 */
export const PROPOSAL_STATUSES = ['open', 'agreed', 'declined', 'signed', 'lapsed', 'refused'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** What the parties (and Control) see of a proposal. */
export type ProposalView = {
  id: string;
  kind: string;
  title: string;
  summary: string;
  proposer: SeatId;
  parties: SeatId[];
  acceptedBy: SeatId[];
  /** The party that declined, when `status` is `declined`. */
  declinedBy?: SeatId;
  /**
   * Parties played by bots that would not accept when it was proposed. Their answer stands unless the
   * position changes or a person takes the seat; the proposal stays open for the parties that would.
   */
  botsWillNot?: SeatId[];
  status: ProposalStatus;
  /** Quarters it lasts once signed; resources each party pays at signature; cooperation it needs. */
  durationQuarters: number;
  signingCost: number;
  minCooperation: number;
  /** The quarter in which it was proposed, e.g. "2026 Q3". */
  quarter: string;
  /** Why it was refused, or until when a signed agreement is in force. */
  note?: string;
};

export function proposalView(state: WorldState, p: Proposal, status: ProposalStatus, extra: { declinedBy?: SeatId; botsWillNot?: readonly SeatId[]; note?: string } = {}): ProposalView {
  const t = AGREEMENT_MENU[p.kind];
  return {
    id: p.id,
    kind: p.kind,
    title: t?.title ?? p.kind,
    summary: t?.summary ?? '',
    proposer: p.proposer,
    parties: [...p.parties],
    acceptedBy: [...p.acceptedBy],
    ...(extra.declinedBy ? { declinedBy: extra.declinedBy } : {}),
    ...(extra.botsWillNot?.length ? { botsWillNot: extra.botsWillNot.filter((x) => !p.acceptedBy.includes(x)) } : {}),
    status,
    durationQuarters: t?.durationQuarters ?? 0,
    signingCost: t?.signingCost ?? 0,
    minCooperation: t?.minCooperation ?? 0,
    quarter: quarterLabel(state.startQuarter + p.turn),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

export function isAgreed(p: Proposal): boolean {
  return p.parties.every((x) => p.acceptedBy.includes(x));
}

/** Cooperation below what the terms need, as a sentence; null when it is high enough. */
export function cooperationShortfall(state: WorldState, kind: string): string | null {
  const t = AGREEMENT_MENU[kind];
  if (!t) return `Unknown agreement "${kind}".`;
  return state.cooperation < t.minCooperation ? `The ${t.title} needs cooperation of at least ${t.minCooperation}; it is ${state.cooperation.toFixed(0)}.` : null;
}
