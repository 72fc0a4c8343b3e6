import { z } from 'zod';
import { SEATS, isSeatId, type SeatId } from './seats.js';

/**
 * Negotiation chat: who may read and post in which channel. Pure; the server enforces it per client.
 *
 * Channels:
 * - `public`: everyone in the match reads it (spectators and the projector too); players and Control post.
 * - `team:<SEAT>`: the people holding one seat (a team) talk among themselves; Control reads and posts.
 * - `dm:<A>:<B>`: bilateral talk between two seats, the two ids in the order of `SEATS` (so `dm:US:CN`,
 *   never `dm:CN:US`); the members of both seats read and post; Control reads and posts.
 *
 * Text is plain text: clients must render it with `textContent` (never as HTML).
 */
export const CHAT_MAX_CHARS = 500;
/** How many past messages a joining client receives (the newest ones it may read). */
export const CHAT_HISTORY_LIMIT = 500;

export type ChannelId = 'public' | `team:${SeatId}` | `dm:${SeatId}:${SeatId}`;
export type Channel = { kind: 'public' } | { kind: 'team'; seat: SeatId } | { kind: 'dm'; seats: [SeatId, SeatId] };

export type ChatRole = 'player' | 'spectator' | 'facilitator';
/** Who is reading or posting: their role and the seat they hold (if any). */
export type ChatParticipant = { role: ChatRole; seat: SeatId | null };

export type ChatAuthor = { name: string; role: ChatRole; seat: SeatId | null };

/** A chat message as delivered. `id` increases with every message in the match (the store's sequence). */
export type ChatMessage = { id: number; channel: ChannelId; from: ChatAuthor; text: string; at: number; turn: number };

const seatOrder = (s: SeatId) => SEATS.indexOf(s);

/** The channel between two different seats, named in `SEATS` order. */
export function dmChannel(a: SeatId, b: SeatId): ChannelId {
  const [x, y] = seatOrder(a) <= seatOrder(b) ? [a, b] : [b, a];
  return `dm:${x}:${y}`;
}

export function teamChannel(seat: SeatId): ChannelId {
  return `team:${seat}`;
}

/** Parse a channel id; null unless it is exactly a valid, canonical id. */
export function parseChannel(id: string): Channel | null {
  if (id === 'public') return { kind: 'public' };
  const parts = id.split(':');
  if (parts.length === 2 && parts[0] === 'team' && isSeatId(parts[1])) return { kind: 'team', seat: parts[1] };
  if (parts.length === 3 && parts[0] === 'dm' && isSeatId(parts[1]) && isSeatId(parts[2])) {
    const [a, b] = [parts[1], parts[2]];
    if (seatOrder(a) >= seatOrder(b)) return null;
    return { kind: 'dm', seats: [a, b] };
  }
  return null;
}

/** Seats a channel involves (empty for public). */
export function channelSeats(c: Channel): SeatId[] {
  return c.kind === 'public' ? [] : c.kind === 'team' ? [c.seat] : [...c.seats];
}

export function canRead(channel: ChannelId | Channel, who: ChatParticipant): boolean {
  const c = typeof channel === 'string' ? parseChannel(channel) : channel;
  if (!c) return false;
  if (who.role === 'facilitator') return true;
  if (c.kind === 'public') return true;
  if (who.role !== 'player' || !who.seat) return false;
  return channelSeats(c).includes(who.seat);
}

/** Spectators never post; a player without a seat may post only in public. */
export function canPost(channel: ChannelId | Channel, who: ChatParticipant): boolean {
  if (who.role === 'spectator') return false;
  return canRead(channel, who);
}

/** Remove control characters (keeping line breaks and tabs) and bidirectional overrides; trim. */
export function cleanChatText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Client → server `chat`: post `text` in `channel`. */
export const ChatSendSchema = z
  .object({
    channel: z.string().max(24).refine((c) => parseChannel(c) !== null, 'not a channel: use "public", "team:<SEAT>" or "dm:<A>:<B>" (seats in SEATS order)'),
    text: z
      .string()
      .max(CHAT_MAX_CHARS, `at most ${CHAT_MAX_CHARS} characters`)
      .transform(cleanChatText)
      .refine((t) => t.length > 0, 'empty message'),
  })
  .strict();
export type ChatSend = z.input<typeof ChatSendSchema>;
