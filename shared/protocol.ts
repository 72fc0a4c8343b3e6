import { z } from 'zod';
import { SEATS, type SeatId } from './seats.js';
import { CreateMatchSchema, JoinSchema, type Role } from './messages.js';
import type { PublicView, SeatView } from './views.js';
import type { Order } from './state.js';
import type { Doctrine } from './doctrines.js';
import type { ChatMessage } from './chat.js';
import type { ProposalView } from './diplomacy.js';

/**
 * The wire contract between the match room and its clients.
 *
 * ## Joining
 * `client.create(ROOM_NAME, { create: CreateMatch, join: JoinOptions })` makes a match and joins it;
 * `client.joinById(code, { join: JoinOptions })` joins by room code (the room id IS the short code).
 * Public matches are listed by GET /api/matches (colyseus.js 0.16 has no room listing call) with
 * `RoomListing` metadata.
 *
 * Roles:
 * - `player`: may take a seat (`join.seat` or the `claim` message). A seat already held can be joined
 *   too: several people on one seat are a team; all of them get the seat's private view, its drafts and
 *   its team channel, and the seat submits once per quarter (whoever sends `submit` first).
 * - `spectator` (e.g. the projector): the public dashboard and the public chat channel only.
 * - `facilitator` ("Control"): in a match created with `create.facilitated: true`, the creator is the
 *   facilitator (it may not take a seat). Its `you` message carries `facilitatorKey`, a secret token;
 *   anyone joining with `{ join: { role: 'facilitator', key } }` is a facilitator too (a second screen,
 *   or Control coming back after a restart). No player or spectator ever receives the key. A wrong or
 *   missing key refuses the join.
 *
 * The host starts the match: in a facilitated match every facilitator is host (and no player is); in
 * other matches the first player to join (then the longest-present one) is.
 *
 * ## Synchronised state
 * `room.state` (Colyseus schema): see `MatchStateShape`. Private data never goes in it: each seat's
 * `SeatView` is sent as the `seat-view` message only to that seat's clients; chat, drafts and proposals
 * are sent per client to those allowed to see them.
 *
 * ## Phases and the clock
 * `phase` is `lobby` → `orders` → `finished`. Each quarter is an orders phase; it resolves when every
 * seat held by people (and not handed to its bot) has submitted, when the timer runs out, or when Control
 * advances it; seats without orders are played by their bots. `paused` (Control) stops the clock:
 * `deadline` is 0 and `remaining` holds the milliseconds left. While paused the quarter never resolves
 * on its own (players may still chat, draft and submit); Control may still advance it.
 *
 * ## Errors
 * Every refused message is answered with `error` (`ServerError`, `ref` = the message type) and changes
 * nothing. Codes: see server/errors.ts (`bad-request`, `not-facilitator`, `spectator`, `forged-seat`, …).
 *
 * ## Reconnection and restarts
 * A dropped client has two minutes to `client.reconnect(token)`; it gets its role, seat, the seat's draft,
 * chat history, proposals and notices again. After a server restart the room is recreated with the same
 * code from the stored log; reconnection tokens are void then, so clients join again by code with the
 * same `join` options (seat, or facilitator key).
 */
export const ROOM_NAME = 'match';

export const PHASES = ['lobby', 'orders', 'finished'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * `client.create` options. `scenario`: a scenario of the creator's own, whole (checked by
 * `parseOwnScenario`: the scenario format, its figures' bounds and sources, an id no built-in uses);
 * `create.scenario` then names it, or is left out.
 */
export const CreateRoomOptionsSchema = z
  .object({ create: CreateMatchSchema.default(CreateMatchSchema.parse({})), join: JoinSchema.default(JoinSchema.parse({})), scenario: z.unknown().optional() })
  .strict();
export const JoinRoomOptionsSchema = z.object({ join: JoinSchema.default(JoinSchema.parse({})) }).strict();

/** Client → server message types. Who may send each; the payload's schema. */
export const MSG = {
  /** Host, in the lobby: start the match. Payload: {} */
  start: 'start',
  /** A player without a seat: take a seat, free or held (joining its team). Payload: { seat } */
  claim: 'claim',
  /** A seated player: submit this quarter's orders for the seat (once per seat per quarter). Payload: SubmitOrders */
  submit: 'submit',
  /**
   * A seated player: the seat's draft orders, shared with teammates (nothing is submitted). Payload:
   * DraftOrders `{ turn, orders, seat? }` (shape-checked only). Stored; relayed as `draft` to the seat's clients.
   * If the timer or Control closes the phase before the seat submits, its last draft, when it has an
   * order, goes in as the seat's orders (its bot orders otherwise).
   * Each draft is stored, so debounce it (at most one every half second or so); it is refused once the seat has submitted.
   */
  draft: 'draft',
  /** Anyone but spectators: post in a chat channel they may post in. Payload: ChatSend `{ channel, text }` (≤ 500 chars). */
  chat: 'chat',
  /** A seated player: propose an agreement from the menu. Payload: Propose `{ kind, parties }`. */
  propose: 'propose',
  /** A party's player (or Control, naming `seat`): accept or decline a proposal. Payload: Respond `{ id, accept, seat? }`. */
  respond: 'respond',
  /** Control: stop the clock. Payload: {} */
  pause: 'control:pause',
  /** Control: restart the clock with the time that was left. Payload: {} */
  resume: 'control:resume',
  /** Control: move the deadline by `seconds` (±; creates a deadline for this quarter if there was none). Payload: { seconds } */
  timer: 'control:timer',
  /** Control, or the host of a match without Control: resolve the quarter now; seats that have not submitted go in with their drafts or their bots' orders. Payload: {} */
  advance: 'control:advance',
  /** Control: schedule a card of the event deck for the coming resolution. Payload: { eventId } */
  inject: 'control:inject',
  /** Control: a custom event, applied now and announced. Payload: CustomEvent `{ title, text, effects: [{ key, value, quarters? }] }` */
  event: 'control:event',
  /** Control: set one whitelisted figure, with a reason. Payload: Adjust `{ target, value, reason }` */
  adjust: 'control:adjust',
  /** Control: hand a seat to its bot, or back to its people. Payload: { seat, to: 'bot' | 'human' } */
  seat: 'control:seat',
  /** Control: end the match now and classify the outcome from the current figures. Payload: { reason? } */
  end: 'control:end',
  /** Control: let players (and the projector) run live forecasts, or stop them. Payload: { players: boolean } */
  forecastAccess: 'control:forecast-access',
  /**
   * Ask for a live forecast of the 2028 outcomes from the true position: Control always; players and
   * spectators while `forecastOpen`. Not stored (it changes nothing). One forecast per match at a time.
   * Payload: ForecastRequest `{ n? }`; answered with `forecast` (LiveForecast) to the sender only.
   */
  forecast: 'forecast',
} as const;

export const ForecastAccessSchema = z.object({ players: z.boolean() }).strict();
export const ForecastRequestSchema = z.object({ n: z.number().int().min(100).max(10_000).default(2000) }).strict();
/**
 * Outcome odds from `n` seeded bot continuations of the position after `turn` quarters (shared/analysis/forecast.ts),
 * with the match's bot doctrine. The mean lead ahead (`meanLead`, `leadSamples`) goes to Control only: it starts
 * from the true lead, which players see only as estimates; theirs is empty.
 */
export type LiveForecast = { turn: number; quarter: string; forecast: import('./analysis/forecast.js').Forecast; ms: number };
export type ClientMessageType = (typeof MSG)[keyof typeof MSG];

export const StartSchema = z.object({}).strict();

/** Server → client message types, and who receives each. */
export const SMSG = {
  /** To the sender: something was refused; nothing changed. Payload: ServerError */
  error: 'error',
  /** To the submitting client: orders stored and accepted. Payload: OrdersAck */
  ack: 'ack',
  /** To one client: its identity in the match (again after a claim or reconnection). Payload: YouAre */
  you: 'you',
  /** To the seat's clients only: the seat's private view. Payload: SeatView */
  seatView: 'seat-view',
  /** To the seat's clients only: the seat's current draft (on change, and on join). Payload: DraftMessage */
  draft: 'draft',
  /** To every client allowed to read the channel: one chat message. Payload: ChatMessage */
  chat: 'chat',
  /** To one client on join, claim or reconnection: every stored message it may read (replaces what it had). Payload: ChatHistory */
  chatHistory: 'chat-history',
  /** To the parties' clients and Control: a proposal was made or changed. Payload: ProposalView */
  proposal: 'proposal',
  /** To one client on join, claim or reconnection: the proposals of this quarter it may see (replaces). Payload: ProposalList */
  proposals: 'proposals',
  /** A notice from the table (Control's actions, agreements reached): to everyone, or to Control / one seat. Payload: Notice */
  notice: 'notice',
  /** To one client on join, claim or reconnection: the notices it may see (replaces). Payload: NoticeList */
  notices: 'notices',
  /** To the facilitator who sent a `control:*` message: it is stored and done. Payload: ControlAck */
  controlAck: 'control-ack',
  /** To the client that asked: a live forecast. Payload: LiveForecast */
  forecast: 'forecast',
} as const;

export type YouAre = {
  seat: SeatId | null;
  role: Role;
  host: boolean;
  name: string;
  /** Only in a facilitator's own `you` message: the key that lets Control rejoin. Never sent to anyone else. */
  facilitatorKey?: string;
  /** Only in a facilitator's own `you` message: the one doctrine the match's bots all play, when it set one. */
  botDoctrine?: Doctrine;
};

/** A seat's shared draft: who last changed it, when, and the orders (not validated against the purse). */
export type DraftMessage = {
  seat: SeatId;
  turn: number;
  orders: Order[];
  by: string;
  at: number;
  /** These are the orders `by` submitted for the seat: the quarter's orders are in. */
  submitted?: true;
};
export type ChatHistory = { messages: ChatMessage[] };
export type ProposalList = { proposals: ProposalView[] };

export const NOTICE_KINDS = [
  'started',
  'paused',
  'resumed',
  'timer',
  'advanced',
  'event-injected',
  'forecast-access',
  'custom-event',
  'adjusted',
  'seat-control',
  'agreement-agreed',
  'ended',
  /** The server resumed the match under another model version than it began under. */
  'model-changed',
  /** The orders phase closed on a seat's unsubmitted draft, which went in as its orders. */
  'drafted',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A notice, in plain text (render with textContent). `id` increases through the match. Notices about
 * a seat's private figures reach only that seat and Control; the injection of a deck event only Control
 * (the card is announced when it fires); everything else reaches everyone.
 */
export type Notice = { id: number; at: number; turn: number; kind: NoticeKind; text: string; reason?: string };
export type NoticeList = { notices: Notice[] };

/** Acknowledges a stored `control:*` action. `seq` is its number in the match's log. */
export type ControlAck = { type: string; seq: number };

/** The synchronised state as clients read it (schema classes live in server/). */
export type SeatSlotShape = {
  seat: SeatId;
  /** The names of the people holding it, comma-separated. */
  name: string;
  occupied: boolean;
  connected: boolean;
  submitted: boolean;
  /** True when its bot gives the orders: nobody holds the seat, or Control handed it to the bot. */
  bot: boolean;
  /** How many people hold the seat (a team when more than one). */
  members: number;
  /** Control handed the seat to its bot although people hold it. */
  handedToBot: boolean;
  /** The names of holders whose connection dropped and who may still come back, comma-separated ('' when none). */
  away: string;
};
export type MatchStateShape = {
  code: string;
  scenarioId: string;
  /** The match's scenario, whole, as JSON (a built-in one or the facilitator's own): every client reads the match's figures from it. */
  scenarioJson: string;
  phase: Phase;
  /** Quarters resolved so far. */
  turn: number;
  turns: number;
  /** Label of the quarter being played, e.g. "2026 Q3". */
  quarter: string;
  /** Epoch milliseconds when the orders phase closes; 0 = no running timer (none, or paused). */
  deadline: number;
  seats: Map<SeatId, SeatSlotShape>;
  /** The public dashboard (PublicView, shared/views.ts) without its history: see shared/public-sync.ts. */
  publicJson: string;
  /** The public events, one JSON string each, oldest first. */
  publicEvents: string[];
  /** The public series, one JSON string per quarter, oldest first. */
  publicSeries: string[];
  /** A facilitated exercise (Control runs the clock). */
  facilitated: boolean;
  /** Control stopped the clock. */
  paused: boolean;
  /** While paused: milliseconds left on the orders timer (0 = no timer). */
  remaining: number;
  /** Whether a facilitator is connected. */
  controlPresent: boolean;
  /** Players and spectators may ask for live forecasts (Control decides; open by default without Control). */
  forecastOpen: boolean;
};

export type RoomListing = { code: string; scenarioId: string; scenarioName: string; phase: Phase; freeSeats: SeatId[]; isPrivate: boolean; facilitated: boolean };

export const ALL_SEATS = SEATS;

/**
 * HTTP, once a match is finished (404 before, so nothing leaks during play):
 * - GET /api/matches/:code/record.json — the `MatchRecord` (shared/analysis/replay.ts)
 * - GET /api/matches/:code/report.json — the after-action `Report`, plus `interventions` (Control's actions)
 * - GET /api/matches/:code/report.html — the self-contained report page
 * - GET /api/matches/:code/report.csv  — one row per quarter
 * - GET /api/matches/:code/end.json    — `FinishedView`: what the end screen shows, for reopening it later
 */
/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: room codes are read aloud and typed from a projector. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
const ROOM_CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A room code as typed (any case, spaces or dashes between its characters) in its canonical form, or null if it cannot be one. */
export function roomCodeOf(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, '').toUpperCase();
  return ROOM_CODE.test(code) ? code : null;
}

export const REPORT_FORMATS = ['record.json', 'report.json', 'report.html', 'report.csv', 'end.json'] as const;

/** One of Control's actions as report.json lists it under `interventions` (the server's after-action record). */
export const InterventionSchema = z.object({
  seq: z.number().int(),
  at: z.number(),
  turn: z.number().int(),
  quarter: z.string(),
  kind: z.string(),
  by: z.string(),
  text: z.string(),
  reason: z.string().optional(),
});

/** Control gives a reason with these interventions (an adjustment, an early end); the others have none to give. */
export function interventionTakesReason(kind: string): boolean {
  return kind === 'adjust' || kind === 'end';
}

/** A finished match as its end screen shows it, once its room is gone: its code and the public view of the final world. */
export type FinishedView = { code: string; view: PublicView; scenario?: unknown };

/**
 * What a client checks of a `FinishedView` before showing it: the parts the end screen reads, so a
 * stale or foreign answer is refused rather than half drawn. The view's other fields pass through.
 */
export const FinishedViewSchema = z.object({
  code: z.string().min(1).max(32),
  /** The match's scenario, whole (checked by the client as it reads it). */
  scenario: z.unknown().optional(),
  view: z
    .object({
      scenarioId: z.string().min(1),
      turn: z.number().int().min(0),
      quarter: z.string(),
      turns: z.number().int().min(1),
      outcome: z.object({ id: z.string(), turn: z.number().int(), early: z.boolean(), reason: z.string(), figures: z.array(z.object({ name: z.string(), value: z.number() }).passthrough()) }).passthrough(),
      reveal: z.array(z.object({ turn: z.number().int(), quarter: z.string(), orders: z.record(z.string(), z.array(z.object({ action: z.string() }).passthrough())) }).passthrough()),
      events: z.array(z.object({ turn: z.number().int(), kind: z.string(), text: z.string() }).passthrough()),
      series: z.array(z.object({ turn: z.number().int() }).passthrough()),
    })
    .passthrough(),
});
