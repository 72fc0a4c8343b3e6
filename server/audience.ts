import type { Role, SeatId } from '../shared/index.js';
import { canRead, type ChannelId } from '../shared/chat.js';

/** Who a piece of news is for. Facilitators see everything except what is addressed to "others". */
export type Audience =
  | { kind: 'all' }
  /** Control only. */
  | { kind: 'control' }
  /** The members of these seats, and Control. */
  | { kind: 'seats'; seats: readonly SeatId[] }
  /** Everyone except the members of `seat` and Control (who get a fuller version). */
  | { kind: 'others'; seat: SeatId };

export type Viewer = { role: Role; seat: SeatId | null };

export const EVERYONE: Audience = { kind: 'all' };
export const CONTROL: Audience = { kind: 'control' };

export function sees(a: Audience, v: Viewer): boolean {
  switch (a.kind) {
    case 'all':
      return true;
    case 'control':
      return v.role === 'facilitator';
    case 'seats':
      return v.role === 'facilitator' || (v.role === 'player' && v.seat !== null && a.seats.includes(v.seat));
    case 'others':
      return v.role !== 'facilitator' && v.seat !== a.seat;
  }
}

export function readsChannel(channel: ChannelId, v: Viewer): boolean {
  return canRead(channel, v);
}
