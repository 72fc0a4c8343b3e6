import { SEATS, SEAT_INFO } from '../../../../shared/index.js';
import { h } from '../../dom.js';
import { exerciseActions } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { confirmButton } from '../exercise/controls.js';

/**
 * In a match without Control, the host may close a quarter that waits on seats: with no timer, a player who
 * never submits would otherwise hold the table for good. Shown to the host only, while others are deciding.
 */
export function hostClosePanel(): { el: HTMLElement; update(s: AppState): void } {
  const text = h('p', { class: 'hint' });
  const close = confirmButton('Close the quarter now', 'Confirm: close it (drafts go in; bots order for seats with none)', () => exerciseActions.advance());
  const el = h('section', { class: 'panel host-close', 'aria-label': 'Close the quarter (host)', hidden: true, 'data-testid': 'host-close' }, text, close.el);
  let key = '';
  return {
    el,
    update(s) {
      const m = s.match;
      const waiting = m && m.phase === 'orders' ? SEATS.filter((x) => m.seats[x]?.occupied && !m.seats[x]?.bot && !m.seats[x]?.submitted) : [];
      const mine = s.you?.seat;
      const show = Boolean(m && !m.facilitated && s.you?.host && waiting.length > 0 && (!mine || m.seats[mine]?.submitted));
      const k = JSON.stringify([show, waiting, s.status]);
      if (k === key) return;
      key = k;
      el.hidden = !show;
      if (!show) return;
      const names = waiting.map((x) => SEAT_INFO[x].short).join(', ');
      text.textContent = `You are the host. Still deciding: ${names}.${m!.deadline ? '' : ' This match has no timer.'} You can close the quarter now: a seat that has not submitted goes in with its draft, or with its bot’s orders.`;
      close.setDisabled(s.status !== 'connected');
    },
  };
}
