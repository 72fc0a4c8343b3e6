import type { SeatId } from './seats.js';

export type AgreementTerms = {
  readonly title: string;
  readonly summary: string;
  /** Seats that must all sign; an empty list means any two or more seats. */
  readonly requiredParties: readonly SeatId[];
  readonly durationQuarters: number;
  /** Applied every quarter the agreement is in force. */
  readonly perQuarter: { readonly cooperation?: number; readonly tension?: number; readonly misuse?: number };
};

export const AGREEMENT_MENU: Record<string, AgreementTerms> = {
  'joint-governance': {
    title: 'Joint AI governance framework',
    summary: 'Washington and Beijing agree shared rules for frontier AI, verification and incident response.',
    requiredParties: ['US', 'CN'],
    durationQuarters: 8,
    perQuarter: { cooperation: 4, tension: -3, misuse: -0.02 },
  },
};
