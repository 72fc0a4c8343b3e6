import type { BySeat, Order, SeatId, SeatOrders } from '../shared/index.js';
import type { ChannelId, ChatAuthor } from '../shared/chat.js';
import type { AdjustTarget, CustomEffect } from '../shared/facilitation.js';

/**
 * The entries of a match's append-only log. Each accepted action is one entry, stored before it is
 * applied and acknowledged; replaying the entries in order through `MatchController.apply` rebuilds the
 * match exactly (the model is deterministic). Times that matter later (deadlines) are in the entries, so
 * replay never reads the clock. `by` names the person for the after-action record.
 */
export type Entry =
  | { kind: 'start'; by: string; deadline: number }
  | { kind: 'submit'; seat: SeatId; turn: number; orders: Order[]; by: string }
  | { kind: 'draft'; seat: SeatId; turn: number; orders: Order[]; by: string }
  /**
   * `deadline`: when the next quarter's orders phase closes (0: no timer). `orders`: every seat's orders as
   * resolved, the bots' included, so a later server whose bots decide otherwise still replays what was played
   * (absent in logs from before it was stored: the bots' orders are recomputed then). `drafted`: seats
   * whose unsubmitted draft went in as their orders when the phase closed (timer or Control).
   */
  | { kind: 'resolve'; turn: number; reason: 'submitted' | 'timer' | 'control' | 'host'; deadline: number; by?: string; orders?: BySeat<SeatOrders>; drafted?: SeatId[] }
  | { kind: 'chat'; channel: ChannelId; text: string; from: ChatAuthor }
  /** `bots`: seats played by bots when it was proposed; they answer at once. */
  | { kind: 'propose'; seat: SeatId; agreement: string; parties: SeatId[]; bots: SeatId[]; by: string }
  /** `control`: Control answered for the seat (absent in logs from before it was marked). */
  | { kind: 'respond'; seat: SeatId; proposal: string; accept: boolean; by: string; control?: true }
  | { kind: 'pause'; remaining: number; by: string }
  | { kind: 'resume'; deadline: number; by: string }
  | { kind: 'timer'; seconds: number; deadline: number; remaining: number; by: string }
  | { kind: 'inject'; eventId: string; by: string }
  | { kind: 'custom-event'; title: string; text: string; effects: CustomEffect[]; by: string }
  | { kind: 'adjust'; target: AdjustTarget; value: number; reason: string; by: string }
  | { kind: 'seat-control'; seat: SeatId; to: 'bot' | 'human'; by: string }
  | { kind: 'end'; reason: string; by: string }
  | { kind: 'forecast-access'; players: boolean; by: string };

export type EntryKind = Entry['kind'];

/** Entries that record Control's interventions (for the after-action report). */
export const CONTROL_KINDS: readonly EntryKind[] = ['pause', 'resume', 'timer', 'inject', 'custom-event', 'adjust', 'seat-control', 'end', 'forecast-access'];
