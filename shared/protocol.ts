import { z } from 'zod';
import { SEATS, type SeatId } from './seats.js';
import { CreateMatchSchema, JoinSchema } from './messages.js';
import type { SeatView } from './views.js';

/**
 * The wire contract between the match room and its clients.
 *
 * Joining: `client.create(ROOM_NAME, { create: CreateMatch, join: JoinOptions })` makes a match and
 * joins it as its host; `client.joinById(code, { join: JoinOptions })` joins by room code (the
 * room id IS the short code). Public matches are listed by `client.getAvailableRooms(ROOM_NAME)`
 * with `RoomListing` metadata.
 *
 * Synchronised state (Colyseus schema, readable on `room.state`): see `MatchStateShape`.
 * Private data never goes in the synchronised state: each seat's `SeatView` is sent as the
 * `seat-view` message only to the clients holding that seat.
 */
export const ROOM_NAME = 'match';

export const PHASES = ['lobby', 'orders', 'finished'] as const;
export type Phase = (typeof PHASES)[number];

export const CreateRoomOptionsSchema = z.object({ create: CreateMatchSchema.default(CreateMatchSchema.parse({})), join: JoinSchema.default(JoinSchema.parse({})) }).strict();
export const JoinRoomOptionsSchema = z.object({ join: JoinSchema.default(JoinSchema.parse({})) }).strict();

/** Client → server message types and their payloads. */
export const MSG = {
  /** Host only, in the lobby: start the match. Payload: {} */
  start: 'start',
  /** A player: claim a free seat. Payload: { seat } */
  claim: 'claim',
  /** A seated player: submit this quarter's orders. Payload: SubmitOrders */
  submit: 'submit',
} as const;

export const StartSchema = z.object({}).strict();

/** Server → client message types. */
export const SMSG = {
  /** Something was refused; nothing changed. Payload: ServerError */
  error: 'error',
  /** Orders stored and accepted. Payload: OrdersAck */
  ack: 'ack',
  /** This client's identity in the match. Payload: YouAre */
  you: 'you',
  /** The seat's private view (only to that seat's clients). Payload: SeatView */
  seatView: 'seat-view',
} as const;

export type YouAre = { seat: SeatId | null; role: 'player' | 'spectator'; host: boolean; name: string };
export type SeatViewMessage = SeatView;

/** The synchronised state as clients read it (schema classes live in server/). */
export type SeatSlotShape = { seat: SeatId; name: string; occupied: boolean; connected: boolean; submitted: boolean; bot: boolean };
export type MatchStateShape = {
  code: string;
  scenarioId: string;
  phase: Phase;
  /** Quarters resolved so far. */
  turn: number;
  turns: number;
  /** Label of the quarter being played, e.g. "2026 Q3". */
  quarter: string;
  /** Epoch milliseconds when the orders phase closes; 0 = no timer. */
  deadline: number;
  seats: Map<SeatId, SeatSlotShape>;
  /** JSON of the PublicView (shared/views.ts): the public dashboard. */
  publicJson: string;
};

export type RoomListing = { code: string; scenarioId: string; phase: Phase; freeSeats: SeatId[]; isPrivate: boolean };

export const ALL_SEATS = SEATS;
