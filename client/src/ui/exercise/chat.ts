import { SEATS, SEAT_INFO, type SeatId } from '../../../../shared/index.js';
import { CHAT_MAX_CHARS, canPost, canRead, cleanChatText, dmChannel, parseChannel, teamChannel, type ChannelId, type ChatMessage, type ChatParticipant } from '../../../../shared/chat.js';
import { h, fill, uid } from '../../dom.js';
import { exercise, exerciseActions } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { scenarioOf } from '../../match-scenario.js';

/** "All channels": Control's overview of every conversation at the table. */
const ALL = 'all' as const;
type View = ChannelId | typeof ALL;

export function channelLabel(c: ChannelId, me: SeatId | null = null): string {
  const p = parseChannel(c);
  if (!p || p.kind === 'public') return 'Public';
  if (p.kind === 'team') return me === p.seat ? 'Team' : `Team ${SEAT_INFO[p.seat].short}`;
  const [a, b] = p.seats;
  if (me === a) return SEAT_INFO[b].short;
  if (me === b) return SEAT_INFO[a].short;
  return `${SEAT_INFO[a].short} ↔ ${SEAT_INFO[b].short}`;
}

function channelTitle(c: ChannelId, me: SeatId | null): string {
  const p = parseChannel(c);
  if (!p || p.kind === 'public') return 'Public channel: everyone at the table reads it, the projector too.';
  if (p.kind === 'team') return `Team channel of ${SEAT_INFO[p.seat].name}: its players (and Control) only.`;
  const other = p.seats.find((x) => x !== me);
  return me && other ? `Bilateral with ${SEAT_INFO[other].name}: the two seats (and Control) only.` : `Bilateral ${p.seats.join('–')}: the two seats (and Control) only.`;
}

function timeOf(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function who(s: AppState): ChatParticipant {
  return { role: s.you?.role ?? 'spectator', seat: s.you?.seat ?? null };
}

/** The channels this person can open, in a stable order. */
function channelsFor(s: AppState, messages: readonly ChatMessage[]): ChannelId[] {
  const me = who(s);
  const scenario = scenarioOf(s.match);
  const inPlay = (scenario?.seatsInPlay ?? SEATS) as readonly SeatId[];
  const out: ChannelId[] = ['public'];
  if (me.role === 'player' && me.seat) {
    out.push(teamChannel(me.seat));
    for (const other of SEATS) if (other !== me.seat && inPlay.includes(other)) out.push(dmChannel(me.seat, other));
  } else if (me.role === 'facilitator') {
    for (const seat of inPlay) out.push(teamChannel(seat));
  }
  // Anything else with messages this person may read (Control: every bilateral channel in use).
  for (const m of messages) if (!out.includes(m.channel) && canRead(m.channel, me)) out.push(m.channel);
  return out;
}

/**
 * The negotiation chat: public, bilateral (`dm:A:B`) and team channels. Control reads every channel
 * (an "All channels" view) and may post in any; the projector reads the public channel only. Every
 * message is put on the page as text (textContent), never as HTML.
 */
export function chatPanel(opts: { heading?: string; headingLevel?: 'h2' | 'h3'; compact?: boolean } = {}): { el: HTMLElement; update(s: AppState): void } {
  const headId = uid('chat-h');
  const heading = h(opts.headingLevel ?? 'h2', { id: headId }, opts.heading ?? 'Negotiation chat');
  const tabs = h('div', { class: 'chat-tabs', role: 'tablist', 'aria-label': 'Chat channels' });
  const about = h('p', { class: 'hint chat-about' });
  const logId = uid('chat-log');
  const log = h('div', { id: logId, class: 'chat-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': headId, tabindex: 0, 'data-testid': 'chat-log' });
  // Arrow keys move between channel tabs (the tablist pattern); Enter or Space opens one.
  tabs.addEventListener('keydown', (e) => {
    const all = [...tabs.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const i = all.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const j = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (i + 1) % all.length : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? (i - 1 + all.length) % all.length : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : -1;
    if (j < 0) return;
    e.preventDefault();
    all[j].focus();
  });
  const postTo = h('select', { class: 'chat-post-to', 'aria-label': 'Post in channel' });
  const inputId = uid('chat-in');
  const input = h('textarea', { id: inputId, rows: 2, placeholder: 'Write a message…', 'aria-describedby': `${inputId}-count` });
  const counter = h('span', { class: 'chat-count', id: `${inputId}-count`, 'aria-live': 'polite' });
  const sendBtn = h('button', { type: 'submit', class: 'primary small' }, 'Send');
  const err = h('p', { class: 'error chat-error', role: 'alert', 'data-testid': 'chat-error' });
  const readOnly = h('p', { class: 'hint' });
  const form = h(
    'form',
    { class: 'chat-form', novalidate: true },
    h('label', { for: inputId, class: 'sr-only' }, 'Message'),
    postTo,
    input,
    h('div', { class: 'chat-form-foot' }, counter, sendBtn),
  );
  const el = h('section', { class: `panel chat${opts.compact ? ' compact' : ''}`, 'aria-labelledby': headId, 'data-testid': 'chat' }, heading, tabs, about, log, readOnly, form, err);

  let view: View | null = null;
  let current: AppState | null = null;
  let sentAt = 0;
  let shownErrorAt = 0;
  let lastSent = '';
  const seenUpTo = new Map<View, number>();
  let tabsKey = '';
  let logKey = '';

  function select(v: View) {
    view = v;
    logKey = '';
    tabsKey = '';
    if (current) render(current);
  }

  function postChannel(s: AppState): ChannelId | null {
    if (view && view !== ALL) return canPost(view, who(s)) ? view : null;
    const v = postTo.value as ChannelId;
    return v && parseChannel(v) && canPost(v, who(s)) ? v : null;
  }

  function syncCounter() {
    const n = cleanChatText(input.value).length;
    counter.textContent = `${n}/${CHAT_MAX_CHARS}${n > CHAT_MAX_CHARS ? ' — too long' : ''}`;
    counter.classList.toggle('over', n > CHAT_MAX_CHARS);
    counter.classList.toggle('near', n > CHAT_MAX_CHARS * 0.9 && n <= CHAT_MAX_CHARS);
    const s = current;
    sendBtn.disabled = !s || s.status !== 'connected' || n === 0 || n > CHAT_MAX_CHARS || !postChannel(s);
  }

  // An unsent message survives a reload (kept for this tab and match only, like the orders draft).
  const draftKey = (s: AppState | null) => (s?.code ? `leadtime.chat-draft.${s.code}` : null);
  let restoredFor: string | null = null;
  function keepDraft() {
    const k = draftKey(current);
    if (!k) return;
    try {
      if (input.value) sessionStorage.setItem(k, input.value);
      else sessionStorage.removeItem(k);
    } catch {
      // Storage may be full or off; the message is then only in the box.
    }
  }
  function restoreDraft(s: AppState) {
    const k = draftKey(s);
    if (!k || restoredFor === k) return;
    restoredFor = k;
    try {
      const kept = sessionStorage.getItem(k);
      if (kept && !input.value) input.value = kept;
    } catch {
      // As above.
    }
  }

  function send() {
    const s = current;
    if (!s || sendBtn.disabled) return;
    const channel = postChannel(s);
    if (!channel) return;
    if (exerciseActions.chat(channel, input.value)) {
      sentAt = Date.now();
      lastSent = input.value;
      err.textContent = '';
      input.value = '';
      keepDraft();
      syncCounter();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  input.addEventListener('input', () => {
    keepDraft();
    syncCounter();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
  postTo.addEventListener('change', syncCounter);

  function render(s: AppState) {
    const me = who(s);
    const messages = exercise().chat;
    const channels = channelsFor(s, messages);
    const control = me.role === 'facilitator';
    if (view === null || (view !== ALL && !channels.includes(view))) view = control ? ALL : 'public';
    const unread = (c: View) => {
      const last = seenUpTo.get(c) ?? 0;
      return messages.filter((m) => (c === ALL || m.channel === c) && m.id > last && !(m.from.role === me.role && m.from.seat === me.seat && m.from.name === s.you?.name)).length;
    };
    const shown = view === ALL ? messages : messages.filter((m) => m.channel === view);
    const newest = shown.length ? shown[shown.length - 1].id : 0;
    seenUpTo.set(view, Math.max(seenUpTo.get(view) ?? 0, newest));
    if (view === ALL) for (const c of channels) seenUpTo.set(c, Math.max(seenUpTo.get(c) ?? 0, newest));

    const views: View[] = control ? [ALL, ...channels] : channels;
    const tk = JSON.stringify([views, view, views.map(unread), me]);
    if (tk !== tabsKey) {
      tabsKey = tk;
      const hadFocus = tabs.contains(document.activeElement);
      fill(
        tabs,
        views.map((c) => {
          const n = c === view ? 0 : unread(c);
          const label = c === ALL ? 'All channels' : channelLabel(c, me.seat);
          return h(
            'button',
            {
              type: 'button',
              role: 'tab',
              class: `chat-tab${c === view ? ' active' : ''}`,
              'aria-selected': c === view ? 'true' : 'false',
              'aria-controls': logId,
              tabindex: c === view ? 0 : -1,
              'data-channel': c,
              title: c === ALL ? 'Every channel at the table' : channelTitle(c, me.seat),
              onclick: () => select(c),
            },
            label,
            n ? h('span', { class: 'unread', 'aria-label': `${n} unread` }, String(n)) : null,
          );
        }),
      );
      if (hadFocus) tabs.querySelector<HTMLButtonElement>('[aria-selected=true]')?.focus();
      // Posting from "All channels": choose where.
      const postable = channels.filter((c) => canPost(c, me));
      const prev = postTo.value;
      fill(postTo, postable.map((c) => h('option', { value: c }, `To: ${channelLabel(c, me.seat)}`)));
      if (postable.includes(prev as ChannelId)) postTo.value = prev;
    }
    about.textContent = view === ALL ? 'Every channel at the table; only Control sees this view.' : channelTitle(view, me.seat);

    const lk = JSON.stringify([view, shown.length, newest]);
    if (lk !== logKey) {
      logKey = lk;
      const stick = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      fill(
        log,
        shown.length === 0
          ? [h('div', { class: 'hint chat-empty' }, 'No messages yet.')]
          : shown.slice(-200).map((m) =>
              h(
                'div',
                { class: `chat-msg${m.from.role === 'facilitator' ? ' from-control' : ''}`, 'data-channel': m.channel },
                h(
                  'div',
                  { class: 'chat-meta' },
                  h('strong', { class: 'chat-from' }, m.from.name),
                  h('span', { class: 'tag' }, m.from.role === 'facilitator' ? 'Control' : m.from.seat ?? 'no seat'),
                  view === ALL ? h('span', { class: 'chat-channel' }, channelLabel(m.channel)) : null,
                  h('time', { dateTime: new Date(m.at).toISOString() }, timeOf(m.at)),
                ),
                // Plain text only: h() puts strings in text nodes.
                h('p', { class: 'chat-text' }, m.text),
              ),
            ),
      );
      if (stick || shown.length <= 1) log.scrollTop = log.scrollHeight;
    }

    const canWrite = view === ALL ? channels.some((c) => canPost(c, me)) : canPost(view, me);
    form.hidden = !canWrite;
    postTo.hidden = view !== ALL;
    readOnly.textContent = canWrite ? '' : me.role === 'spectator' ? 'Spectators read the public channel; they do not post.' : 'You cannot post here.';
    readOnly.hidden = canWrite;
    const e = s.error;
    if (e && e.ref === 'chat' && e.at >= sentAt && e.at !== shownErrorAt) {
      shownErrorAt = e.at;
      err.textContent = e.code === 'rate-limited' ? `Not sent — slow down: ${e.message}` : `Not sent: ${e.message}`;
      // Give the refused text back, so nothing typed is lost.
      if (!input.value && lastSent) input.value = lastSent;
    }
    syncCounter();
  }

  return {
    el,
    update(s) {
      current = s;
      restoreDraft(s);
      render(s);
    },
  };
}
