import { SEATS, bySeat, type BySeat, type SeatId } from './seats.js';

/** How secret agendas are handed out when a match is created. */
export type AgendaChoice = 'none' | 'draw' | Partial<BySeat<string | null>>;

/** Secret agendas for every seat: none, drawn from the seed, or as chosen. */
export function drawAgendas(_seed: string, choice: AgendaChoice = 'none'): BySeat<string | null> {
  if (choice === 'none' || choice === 'draw') return bySeat(() => null);
  return bySeat((seat: SeatId) => choice[seat] ?? null);
}

export const _SEATS = SEATS;
