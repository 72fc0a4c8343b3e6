import { SEATS, SEAT_INFO } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { clock } from '../../format.js';
import { leaveMatch } from '../../net/connection.js';
import { openDraft, seatHandedToBot, seatSubmitted } from './seat-status.js';
import { SIDE_GLYPH } from '../../palette.js';
import type { AppState } from '../../store.js';
import { connectionBadge } from '../status.js';
import { helpButton } from '../tutorial.js';
import { scenarioOf } from '../../match-scenario.js';

/** Top bar: quarter and turn, countdown, who has submitted, who you are, connection. */
export function gameHeader(): { el: HTMLElement; update(s: AppState): void; destroy(): void } {
  const conn = connectionBadge();
  const quarter = h('span', { class: 'quarter', 'data-testid': 'quarter' });
  const turn = h('span', { class: 'turn' });
  const when = h('span', { class: 'when' }, quarter, turn);
  const countdown = h('span', { class: 'countdown', role: 'timer', 'aria-live': 'off' });
  const who = h('span', { class: 'who' });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Seats: who has given orders' });
  // Leaving gives the seat to its bot at once: a second press confirms it (the first arms it for a few seconds).
  const leave = h('button', { type: 'button', class: 'ghost small' }, 'Leave');
  let armed = 0;
  leave.addEventListener('click', () => {
    if (armed) {
      window.clearTimeout(armed);
      void leaveMatch();
      return;
    }
    leave.textContent = 'Leave the match? Press again';
    leave.classList.add('armed');
    armed = window.setTimeout(() => {
      armed = 0;
      leave.textContent = 'Leave';
      leave.classList.remove('armed');
    }, 6000);
  });
  const el = h(
    'header',
    { class: 'topbar game-top' },
    when,
    countdown,
    chips,
    h('span', { class: 'spacer' }),
    who,
    conn.el,
    helpButton(),
    leave,
  );
  let deadline = 0;
  let owesOrders = false;
  /** The seat's draft on the server has orders in it: at zero they go in rather than the bot's. */
  let drafted = false;
  // While Control has paused the match the clock stands still: say so, with the time it will resume with.
  let paused: { remaining: number } | null = null;
  const tick = () => {
    if (paused) {
      countdown.hidden = false;
      // Below a wide screen "by Control" goes (it stays in the title and the text), so the bar keeps to one line.
      fill(countdown, 'Paused', h('span', { class: 'wide-only' }, ' by Control'), paused.remaining > 0 ? ` · ${clock(paused.remaining)} left` : '');
      countdown.title = 'Paused by Control';
      countdown.classList.remove('urgent');
      return;
    }
    if (!deadline) {
      countdown.textContent = '';
      countdown.hidden = true;
      return;
    }
    countdown.hidden = false;
    countdown.title = '';
    const left = deadline - Date.now();
    // In the last half-minute a seat that has not submitted is told what happens at zero.
    const atZero = drafted ? ' · submit, or what you ticked goes in as it stands' : ' · submit, or your bot orders for you';
    countdown.textContent = `Time left ${clock(left)}${left < 30_000 && owesOrders ? atZero : ''}`;
    countdown.classList.toggle('urgent', left < 30_000);
  };
  const timer = window.setInterval(tick, 1000);
  let chipKey = '';
  return {
    el,
    update(s) {
      conn.update(s.status);
      const m = s.match;
      if (!m) return;
      quarter.textContent = m.phase === 'finished' ? (s.pub?.quarter ?? m.quarter) : m.quarter;
      when.title = scenarioOf(m)?.name ?? '';
      turn.textContent = m.phase === 'finished' ? ` · match over` : ` · turn ${Math.min(m.turn + 1, m.turns)}/${m.turns}`;
      deadline = m.phase === 'orders' ? m.deadline : 0;
      const mine = s.you?.seat;
      owesOrders = Boolean(mine && m.seats[mine] && !seatSubmitted(s, mine) && !seatHandedToBot(s, mine));
      drafted = Boolean(mine && (openDraft(s, mine)?.orders.length ?? 0) > 0);
      paused = m.paused && m.phase !== 'finished' && m.phase !== 'lobby' ? { remaining: m.remaining } : null;
      tick();
      const you = s.you;
      who.textContent = you ? (you.seat ? `${you.name} · ${SEAT_INFO[you.seat].short}` : `${you.name} · watching`) : '';
      who.title = you?.seat ? `${you.name}, playing ${SEAT_INFO[you.seat].name}` : '';
      const k = JSON.stringify([m.seats, m.phase, you?.seat]);
      if (k === chipKey) return;
      chipKey = k;
      fill(
        chips,
        SEATS.map((seat) => {
          const slot = m.seats[seat];
          const info = SEAT_INFO[seat];
          // A seat Control handed to its bot is played by the bot, though people still hold it.
          const human = Boolean(slot?.occupied) && !slot?.handedToBot;
          const state = slot?.handedToBot ? 'bot (handed over by Control)' : !human ? 'bot' : slot?.submitted ? 'orders in' : 'deciding';
          return h(
            'li',
            { class: `chip side-${info.side} ${human ? (slot?.submitted ? 'done' : 'waiting') : 'bot'}${you?.seat === seat ? ' mine' : ''}`, title: `${info.name}: ${state}` },
            h('span', { 'aria-hidden': 'true' }, `${SIDE_GLYPH[info.side]} ${seat} `, h('span', { class: 'chip-state' }, human ? (slot?.submitted ? '✓' : '✎') : 'bot')),
            h('span', { class: 'sr-only' }, `${info.short}: ${state}`),
          );
        }),
      );
    },
    destroy() {
      window.clearInterval(timer);
    },
  };
}
