import { Client, type Room } from 'colyseus.js';
import type { z } from 'zod';
import { CODE_LENGTH, FinishedViewSchema, ROOM_NAME, roomCodeOf, SMSG, MSG, assemblePublicView, type PublicView, mergeSeatView, type CreateMatchSchema, type JoinOptions, type JoinSchema, type OrdersAck, type SeatId, type Scenario, type SeatViewMessage, type ServerError, type YouAre, type Order } from '../../../shared/index.js';
import { getState, resetState, setState, type MatchSnapshot } from '../store.js';
import { clearSession, loadSession, saveSession, type SavedSession } from './session.js';
import { savedName } from '../prefs.js';

/** Close code of a leave the client asked for. */
const CONSENTED = 4000;
/** Close code of a server shutting down with the match unfinished (server/rooms/MatchRoom.ts onBeforeShutdown). */
const SERVER_GOING_AWAY = 4201;

export const serverUrl: string = import.meta.env.VITE_SERVER_URL || `${location.protocol}//${location.host}`;
const client = new Client(serverUrl);

/** What the client sends to create a match: the schema's input (defaults filled in by the server). */
export type CreateRequest = z.input<typeof CreateMatchSchema>;
export type JoinRequest = z.input<typeof JoinSchema>;

let room: Room | null = null;
/** What the last public view was assembled from: the head and the lengths of the two append-only lists. */
let lastPublicKey = '';
let leaving = false;

/** Modules that handle more of the room's messages (net/exercise.ts) register here; called on every attach. */
const roomListeners = new Set<(r: Room) => void>();
export function onRoom(fn: (r: Room) => void): () => void {
  roomListeners.add(fn);
  return () => roomListeners.delete(fn);
}

function attach(r: Room): void {
  room = r;
  leaving = false;
  lastPublicKey = '';
  saveSession({ token: r.reconnectionToken, code: r.roomId });
  setState({ status: 'connected', code: r.roomId, notice: null });

  r.onStateChange((s: { toJSON(): unknown }) => {
    const match = s.toJSON() as MatchSnapshot;
    const patch: Parameters<typeof setState>[0] = { match };
    const key = [match.publicEvents?.length, match.publicEvents?.at(-1), match.publicSeries?.length, match.publicSeries?.at(-1), match.publicJson].join('|');
    if (match.publicJson && key !== lastPublicKey) {
      lastPublicKey = key;
      try {
        patch.pub = assemblePublicView(match);
      } catch {
        /* keep the last good view */
      }
    }
    setState(patch);
  });
  r.onMessage(SMSG.you, (you: YouAre) => {
    setState({ you });
    // Control's key rides along (in this tab's sessionStorage only) so Control can rejoin after a server restart.
    const join: Partial<JoinOptions> = { role: you.role, name: you.name, ...(you.seat ? { seat: you.seat } : {}), ...(you.facilitatorKey ? { key: you.facilitatorKey } : {}) };
    saveSession({ token: r.reconnectionToken, code: r.roomId, join });
  });
  r.onMessage(SMSG.seatView, (msg: SeatViewMessage) => {
    const seatView = mergeSeatView(getState().seatView, msg);
    if (seatView) setState({ seatView });
  });
  r.onMessage(SMSG.ack, (ack: OrdersAck) => setState({ ack, error: null }));
  r.onMessage(SMSG.error, (err: ServerError) => setState({ error: { ...err, at: Date.now() } }));
  for (const fn of roomListeners) fn(r);
  r.onLeave((code: number) => {
    if (room !== r) return;
    room = null;
    if (!leaving && getState().match?.phase === 'finished') {
      // The end screen stays: its analysis and files come from the server's record, not the room.
      clearSession();
      setState({ status: 'archived' });
      return;
    }
    if (leaving || code === CONSENTED) {
      clearSession();
      resetState(leaving ? null : 'The match closed.');
      return;
    }
    // Anything else (a dropped connection, the server restarting): come back to the same seat.
    void reconnectLoop(r.reconnectionToken, code === SERVER_GOING_AWAY);
  });
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return 'could not reach the server';
}

/** Create a match; `scenario` is a scenario of the creator's own (checked again by the server). */
export async function createMatch(create: CreateRequest, join: JoinRequest, scenario?: Scenario): Promise<void> {
  setState({ status: 'connecting', notice: null });
  try {
    attach(await client.create(ROOM_NAME, scenario ? { create, join, scenario } : { create, join }));
  } catch (e) {
    resetState(`Could not create the match: ${describe(e)}`);
  }
}

/** Why a typed (or linked) code cannot be one. */
export function notACode(typed: string): string {
  return `“${typed.trim()}” is not a room code: codes are ${CODE_LENGTH} letters and digits, like KXWQTR (no O, I, L, S, Z or B, and no 0, 1, 2, 5 or 8).`;
}

export async function joinMatch(typed: string, join: JoinRequest): Promise<void> {
  const code = roomCodeOf(typed);
  if (!code) {
    resetState(notACode(typed));
    return;
  }
  setState({ status: 'connecting', notice: null });
  try {
    attach(await client.joinById(code, { join }));
    return;
  } catch (e) {
    // A finished match's room closes; its end screen and analysis reopen from the server's record.
    if (await openFinished(code)) return;
    const why = describe(e);
    resetState(/not found/i.test(why) ? `No match “${code}” is running or stored here: check the code.` : `Could not join match “${code}”: ${why}`);
  }
}

/** Show a finished match's end screen from `/api/matches/:code/end.json`; false when there is none. */
export async function openFinished(code: string): Promise<boolean> {
  try {
    const res = await fetch(`${serverUrl}/api/matches/${encodeURIComponent(code)}/end.json`, { headers: { accept: 'application/json' } });
    if (!res.ok) return false;
    const parsed = FinishedViewSchema.safeParse(await res.json());
    if (!parsed.success) return false;
    const { code: found, view, scenario } = parsed.data;
    const match: MatchSnapshot = {
      code: found,
      scenarioId: view.scenarioId,
      scenarioJson: scenario === undefined ? '' : JSON.stringify(scenario),
      phase: 'finished',
      turn: view.turn,
      turns: view.turns,
      quarter: view.quarter,
      deadline: 0,
      seats: {},
      publicJson: '',
      publicEvents: [],
      publicSeries: [],
      facilitated: false,
      paused: false,
      remaining: 0,
      controlPresent: false,
      forecastOpen: false,
    };
    clearSession();
    setState({ status: 'archived', code: found, match, pub: view as unknown as PublicView, you: null, seatView: null, notice: null });
    return true;
  } catch {
    return false;
  }
}

// About a minute in all: long enough for a server to restart and resume its matches.
const DELAYS = [250, 500, 1000, 2000, 3000, 5000, 5000, 8000, 8000, 8000, 10000, 10000];

/**
 * A restarted server resumes the match under its code but knows no old token, so the loop joins the code
 * again, same seat. Not at once: after a mere network drop the server notices the dead socket only after
 * its heartbeat misses (up to ~9 s) and holds the seat for this token from then on; joining earlier would
 * seat a second member (a "ghost" of this player). A server that said it was shutting down is known gone.
 */
const REJOIN_FROM_TRY = { dropped: 6, serverGone: 2 } as const;

async function reconnectLoop(token: string, serverGone = false): Promise<void> {
  setState({ status: 'reconnecting' });
  const rejoinFrom = serverGone ? REJOIN_FROM_TRY.serverGone : REJOIN_FROM_TRY.dropped;
  for (const [i, d] of DELAYS.entries()) {
    await new Promise((r) => setTimeout(r, d));
    if (leaving) return;
    try {
      const r = await client.reconnect(token);
      if (leaving) return void r.leave(true).catch(() => undefined);
      attach(r);
      return;
    } catch {
      if (i >= rejoinFrom && (await rejoinSaved())) return;
    }
  }
  setState({ status: 'lost' });
}

/** How the saved session joined (seat, role, Control's key), to join its match again by code. */
function savedJoin(saved: SavedSession): JoinRequest {
  return { role: 'player', name: savedName() || 'Player', ...saved.join };
}

/** Join the saved match again by its code, as the same seat (or role); false when that fails. */
async function rejoinSaved(): Promise<boolean> {
  const saved = loadSession();
  if (!saved || leaving) return false;
  try {
    const r = await client.joinById(saved.code, { join: savedJoin(saved) });
    if (leaving) {
      void r.leave(true).catch(() => undefined);
      return true;
    }
    attach(r);
    return true;
  } catch {
    return false;
  }
}

/** After a reload: take the seat back if the server still holds it. */
export async function resumeSaved(): Promise<boolean> {
  const saved = loadSession();
  if (!saved) return false;
  setState({ status: 'reconnecting', code: saved.code });
  for (const d of [0, 400, 1200]) {
    await new Promise((r) => setTimeout(r, d));
    try {
      attach(await client.reconnect(saved.token));
      return true;
    } catch {
      /* try again */
    }
  }
  clearSession();
  // The token is void (the seat was released, or the server restarted): join again by code, asking
  // for the same seat; failing that, come back without one.
  const again = savedJoin(saved);
  await joinMatch(saved.code, again);
  if (getState().status === 'archived') return true;
  if (getState().status !== 'connected' && again.seat) {
    const { seat: _seat, ...seatless } = again;
    await joinMatch(saved.code, seatless);
  }
  if (getState().status === 'connected') {
    setState({ notice: 'Your previous session had expired: take a free seat to play on.' });
    return true;
  }
  resetState(`Your previous session has expired and match ${saved.code} is gone.`);
  return false;
}

/**
 * Give up the match this tab was last in without returning to it: rejoin it for a moment and leave, so its
 * bot takes the seat at once rather than after the reconnection window. The saved session goes either way.
 */
export async function abandonSaved(): Promise<void> {
  const saved = loadSession();
  clearSession();
  if (!saved) return;
  try {
    const r = await client.reconnect(saved.token);
    // The room greets a returning client with its messages; they are not wanted now.
    r.onMessage('*', () => undefined);
    await r.leave(true);
  } catch {
    /* the seat was already released, or the match is over */
  }
}

export function retryReconnect(): void {
  const saved = loadSession();
  if (saved) void reconnectLoop(saved.token);
}

export async function leaveMatch(): Promise<void> {
  leaving = true;
  clearSession();
  const r = room;
  room = null;
  if (r) {
    try {
      await r.leave(true);
    } catch {
      /* already gone */
    }
  }
  resetState();
}

export function sendMessage(type: string, payload: unknown): boolean {
  return send(type, payload);
}

function send(type: string, payload: unknown): boolean {
  if (!room || getState().status !== 'connected') {
    setState({ error: { code: 'offline', message: 'Not connected: wait for the connection to come back.', at: Date.now() } });
    return false;
  }
  room.send(type, payload);
  return true;
}

export const actions = {
  start: () => send(MSG.start, {}),
  claim: (seat: SeatId) => send(MSG.claim, { seat }),
  submit: (turn: number, orders: Order[]) => {
    setState({ ack: null, error: null });
    return send(MSG.submit, { turn, orders });
  },
};
