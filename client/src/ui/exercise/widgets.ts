import { SEATS, SEAT_INFO, type Notice, type SeatId } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { clock } from '../../format.js';
import { SIDE_GLYPH } from '../../palette.js';
import type { AppState, MatchSnapshot } from '../../store.js';

/** What the clock says, in words (never by colour alone). */
export function clockText(m: MatchSnapshot | null, now = Date.now()): { text: string; state: 'running' | 'urgent' | 'paused' | 'none' | 'idle' } {
  if (!m) return { text: '', state: 'idle' };
  if (m.phase === 'lobby') return { text: 'Not started', state: 'idle' };
  if (m.phase === 'finished') return { text: 'Match over', state: 'idle' };
  if (m.paused) return { text: m.remaining > 0 ? `Paused · ${clock(m.remaining)} left` : 'Paused', state: 'paused' };
  if (m.deadline > 0) {
    const left = m.deadline - now;
    return { text: `Time left ${clock(left)}`, state: left < 30_000 ? 'urgent' : 'running' };
  }
  return { text: 'No timer · waits for every seat', state: 'none' };
}

/** A ticking countdown (or "Paused"), for the console and the projector. */
export function countdown(opts: { big?: boolean; /** A screen with its own pause banner shows no second one. */ hideWhenPaused?: boolean } = {}): { el: HTMLElement; update(s: AppState): void; destroy(): void } {
  const el = h('span', { class: `xcountdown${opts.big ? ' big' : ''}`, role: 'timer', 'aria-live': 'off', 'data-testid': 'countdown' });
  let m: MatchSnapshot | null = null;
  const tick = () => {
    const c = clockText(m);
    el.textContent = c.text;
    el.dataset.state = c.state;
    el.hidden = !c.text || (opts.hideWhenPaused === true && c.state === 'paused');
  };
  const t = window.setInterval(tick, 500);
  return {
    el,
    update(s) {
      m = s.match;
      tick();
    },
    destroy() {
      window.clearInterval(t);
    },
  };
}

export function seatsInPlayOf(s: AppState): SeatId[] {
  const m = s.match;
  return m ? SEATS.filter((x) => m.seats[x]) : [...SEATS];
}

/** Who is at the table: one chip per seat with who holds it and whether its orders are in. */
export function seatChips(opts: { big?: boolean } = {}): { el: HTMLElement; update(s: AppState): void } {
  const el = h('ul', { class: `xchips${opts.big ? ' big' : ''}`, 'aria-label': 'Seats and orders' });
  let key = '';
  return {
    el,
    update(s) {
      const m = s.match;
      if (!m) return;
      const k = JSON.stringify([m.seats, m.phase]);
      if (k === key) return;
      key = k;
      fill(
        el,
        SEATS.filter((x) => m.seats[x]).map((seat) => {
          const slot = m.seats[seat]!;
          const info = SEAT_INFO[seat];
          const state = slot.handedToBot ? 'bot (handed over by Control)' : !slot.occupied ? 'bot' : slot.submitted ? 'orders in' : !slot.connected ? 'away' : m.phase === 'orders' ? 'deciding' : 'ready';
          return h(
            'li',
            { class: `xchip side-${info.side} ${slot.bot ? 'bot' : slot.submitted ? 'done' : 'waiting'}`, 'data-seat': seat },
            h('span', { class: 'glyph', 'aria-hidden': 'true' }, SIDE_GLYPH[info.side]),
            h('strong', {}, info.short),
            h('span', { class: 'xchip-state' }, slot.submitted ? '✓ ' : '', state),
          );
        }),
      );
    },
  };
}

/**
 * Notices from the table (Control's actions, agreements reached), newest first. Given `quarterOf` (the
 * quarter being played after `turn` resolutions), each quarter's notices sit under its name.
 */
export function noticeList(items: readonly Notice[], limit = 30, quarterOf?: (turn: number) => string): HTMLElement {
  const shown = [...items].sort((a, b) => b.id - a.id).slice(0, limit);
  if (shown.length === 0) return h('p', { class: 'hint' }, 'Nothing yet.');
  const rows: HTMLElement[] = [];
  let turn: number | null = null;
  for (const n of shown) {
    if (quarterOf && n.turn !== turn) {
      turn = n.turn;
      rows.push(h('li', { class: 'notice-quarter' }, quarterOf(n.turn)));
    }
    rows.push(
      h(
        'li',
        { class: `notice-item kind-${n.kind}` },
        h('span', { class: 'tag' }, noticeKindLabel(n.kind)),
        h('span', { class: 'text' }, n.text),
        n.reason ? h('span', { class: 'reason' }, ` Reason: ${n.reason}`) : null,
      ),
    );
  }
  return h('ol', { class: 'notices' }, rows);
}

export function noticeKindLabel(kind: Notice['kind']): string {
  switch (kind) {
    case 'started':
      return 'Start';
    case 'paused':
      return 'Paused';
    case 'resumed':
      return 'Resumed';
    case 'timer':
      return 'Timer';
    case 'advanced':
      return 'Advanced';
    case 'event-injected':
      return 'Inject';
    case 'forecast-access':
      return 'Forecast';
    case 'custom-event':
      return 'Event';
    case 'adjusted':
      return 'Adjusted';
    case 'seat-control':
      return 'Seat';
    case 'agreement-agreed':
      return 'Agreement';
    case 'ended':
      return 'Ended';
    case 'model-changed':
      return 'Server';
    case 'drafted':
      return 'Orders';
  }
}
