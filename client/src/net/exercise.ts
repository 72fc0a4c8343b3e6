import type { Room } from 'colyseus.js';
import { MSG, SMSG, type ChatHistory, type ControlAck, type DraftMessage, type Notice, type NoticeList, type Order, type ProposalList, type SeatId } from '../../../shared/index.js';
import type { ChannelId, ChatMessage } from '../../../shared/chat.js';
import type { ProposalView } from '../../../shared/diplomacy.js';
import type { AdjustTarget, CustomEffect } from '../../../shared/facilitation.js';
import { getState, setState } from '../store.js';
import { onRoom, sendMessage } from './connection.js';
import { rememberControlKey } from './controlKey.js';

/**
 * What the room sends beyond the synchronised state and the seat view: chat, shared drafts,
 * agreement proposals, notices from the table and Control's acknowledgements. Kept here (not in the
 * app store) and announced through the app store with an empty patch, so screens re-render as usual.
 */
export type ExerciseData = {
  chat: ChatMessage[];
  proposals: Map<string, ProposalView>;
  /** The turn being played when each proposal last changed (to show only recent ones). */
  proposalTurn: Map<string, number | null>;
  notices: Notice[];
  drafts: Partial<Record<SeatId, DraftMessage>>;
  lastControlAck: (ControlAck & { at: number }) | null;
  /** Bumped on every change, so views can key on it cheaply. */
  rev: number;
};

const CHAT_KEEP = 600;

function empty(): ExerciseData {
  return { chat: [], proposals: new Map(), proposalTurn: new Map(), notices: [], drafts: {}, lastControlAck: null, rev: 0 };
}

let data: ExerciseData = empty();

export function exercise(): ExerciseData {
  return data;
}

function changed(): void {
  data = { ...data, rev: data.rev + 1 };
  // Announce through the app store: every screen re-renders from getState() as usual.
  setState({});
}

function listen(r: Room): void {
  data = empty();
  r.onMessage(SMSG.chat, (m: ChatMessage) => {
    if (data.chat.some((x) => x.id === m.id)) return;
    data.chat = [...data.chat, m].sort((a, b) => a.id - b.id).slice(-CHAT_KEEP);
    changed();
  });
  r.onMessage(SMSG.chatHistory, (h: ChatHistory) => {
    data.chat = [...(h.messages ?? [])].sort((a, b) => a.id - b.id).slice(-CHAT_KEEP);
    changed();
  });
  r.onMessage(SMSG.proposal, (p: ProposalView) => {
    const next = new Map(data.proposals);
    next.set(p.id, p);
    data.proposals = next;
    data.proposalTurn = new Map(data.proposalTurn).set(p.id, getState().match?.turn ?? null);
    changed();
  });
  r.onMessage(SMSG.proposals, (l: ProposalList) => {
    data.proposals = new Map((l.proposals ?? []).map((p) => [p.id, p]));
    const turn = getState().match?.turn ?? null;
    data.proposalTurn = new Map((l.proposals ?? []).map((p) => [p.id, turn]));
    changed();
  });
  r.onMessage(SMSG.notice, (n: Notice) => {
    if (data.notices.some((x) => x.id === n.id)) return;
    data.notices = [...data.notices, n].sort((a, b) => a.id - b.id);
    changed();
  });
  r.onMessage(SMSG.notices, (l: NoticeList) => {
    data.notices = [...(l.notices ?? [])].sort((a, b) => a.id - b.id);
    changed();
  });
  r.onMessage(SMSG.draft, (d: DraftMessage) => {
    data.drafts = { ...data.drafts, [d.seat]: d };
    changed();
  });
  r.onMessage(SMSG.controlAck, (a: ControlAck) => {
    data.lastControlAck = { ...a, at: Date.now() };
    changed();
  });
  // Keep Control's key on this machine only, so Control can come back after closing the tab.
  r.onMessage(SMSG.you, (you: { facilitatorKey?: string }) => {
    if (you.facilitatorKey) rememberControlKey(r.roomId, you.facilitatorKey);
  });
}

onRoom(listen);

/** Proposals of this quarter, and how last quarter's ended (signed, lapsed…); older ones drop out. */
export function recentProposals(turn: number): ProposalView[] {
  return [...data.proposals.values()].filter((p) => (data.proposalTurn.get(p.id) ?? turn) >= turn - 1);
}

/** Messages of one channel, oldest first. */
export function channelMessages(channel: ChannelId): ChatMessage[] {
  return data.chat.filter((m) => m.channel === channel);
}

// ---------------------------------------------------------------------------------------------------
// Senders. Each returns false (and shows why through the app store's error) when not connected.

let lastDraftAt = 0;
let draftTimer: number | undefined;
let draftPending: { turn: number; orders: Order[] } | null = null;

export const exerciseActions = {
  chat: (channel: ChannelId, text: string) => sendMessage(MSG.chat, { channel, text }),
  propose: (kind: string, parties: SeatId[]) => sendMessage(MSG.propose, { kind, parties }),
  respond: (id: string, accept: boolean, seat?: SeatId) => sendMessage(MSG.respond, seat ? { id, accept, seat } : { id, accept }),
  /** Share the seat's draft with teammates: debounced (the server stores each one). */
  draft(turn: number, orders: Order[]) {
    draftPending = { turn, orders };
    const wait = Math.max(0, 600 - (Date.now() - lastDraftAt));
    window.clearTimeout(draftTimer);
    draftTimer = window.setTimeout(() => {
      const d = draftPending;
      draftPending = null;
      if (!d) return;
      const s = getState();
      if (s.match?.phase !== 'orders' || s.match.turn !== d.turn || !s.you?.seat || s.match.seats[s.you.seat]?.submitted) return;
      lastDraftAt = Date.now();
      sendMessage(MSG.draft, d);
    }, wait);
  },
  pause: () => sendMessage(MSG.pause, {}),
  resume: () => sendMessage(MSG.resume, {}),
  timer: (seconds: number) => sendMessage(MSG.timer, { seconds }),
  advance: () => sendMessage(MSG.advance, {}),
  inject: (eventId: string) => sendMessage(MSG.inject, { eventId }),
  customEvent: (title: string, text: string, effects: CustomEffect[]) => sendMessage(MSG.event, { title, text, effects }),
  adjust: (target: AdjustTarget, value: number, reason: string) => sendMessage(MSG.adjust, { target, value, reason }),
  seat: (seat: SeatId, to: 'bot' | 'human') => sendMessage(MSG.seat, { seat, to }),
  end: (reason?: string) => sendMessage(MSG.end, reason ? { reason } : {}),
};
