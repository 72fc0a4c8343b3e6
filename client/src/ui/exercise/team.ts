import { SEAT_INFO, type Order } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { exercise, exerciseActions } from '../../net/exercise.js';
import { getState, type AppState } from '../../store.js';
import { orderText } from '../ordersText.js';

/** The orders form announces each change with this event (client/src/ui/game/orders.ts). */
export const DRAFT_EVENT = 'lt:orders-draft';
/**
 * `quiet`: the form took the seat's shared draft as it is; the team panel learns it, the teammates need not.
 * `invalid`: the form shows problems (too many orders, over budget); it is not sent, so the seat's last
 * valid draft stands.
 */
export type DraftEventDetail = { turn: number; orders: Order[]; quiet?: boolean; invalid?: boolean };

/** Asks the orders form to take these orders (a teammate's draft). */
export const APPLY_DRAFT_EVENT = 'lt:orders-apply';

/** What this tab's own orders form holds now, as it last announced it. */
let myForm: DraftEventDetail | null = null;

// Send the draft whenever the form changes (debounced in exerciseActions.draft): teammates see it, and
// when the orders phase closes before anyone submits, it goes in as the seat's orders.
document.addEventListener(DRAFT_EVENT, (e) => {
  const d = (e as CustomEvent<DraftEventDetail>).detail;
  myForm = d;
  const s = getState();
  if (d.quiet || d.invalid || !s.you?.seat || !s.match) return;
  exerciseActions.draft(d.turn, d.orders);
});

function ago(at: number): string {
  const s = Math.max(0, Math.round((Date.now() - at) / 1000));
  return s < 5 ? 'just now' : s < 60 ? `${s} s ago` : `${Math.round(s / 60)} min ago`;
}

/**
 * Team play: who else holds this seat, and the seat's shared draft as teammates change it. The seat
 * submits once per quarter, whoever presses Submit first.
 */
export function teamPanel(): { el: HTMLElement; update(s: AppState): void } {
  const members = h('p', { class: 'team-members' });
  const draft = h('div', { class: 'team-draft', 'aria-live': 'polite', 'data-testid': 'team-draft' });
  const el = h('section', { class: 'panel team', 'aria-labelledby': 'team-h', 'data-testid': 'team' }, h('h2', { id: 'team-h' }, 'Your team'), members, draft);
  let key = '';
  return {
    el,
    update(s) {
      const seat = s.you?.seat;
      const slot = seat ? s.match?.seats[seat] : undefined;
      const d = seat ? exercise().drafts[seat] : undefined;
      const current = d && d.turn === s.match?.turn ? d : undefined;
      const team = Boolean(slot && slot.members > 1);
      // A lone player needs no team panel, unless a teammate who has since left submitted for the seat.
      el.hidden = !seat || s.match?.phase !== 'orders' || (!team && !(current?.submitted === true && current.by !== s.you?.name));
      if (el.hidden || !seat || !slot) return;
      const form = myForm && myForm.turn === s.match?.turn ? myForm.orders : [];
      const k = JSON.stringify([slot.name, slot.away, slot.members, current, s.you?.name, form, Math.floor(Date.now() / 10_000)]);
      if (k === key) return;
      key = k;
      members.textContent = team ? `${SEAT_INFO[seat].short} is played by a team of ${slot.members}: ${slot.name}${slot.away ? ` (${slot.away} away)` : ''}. Changes to the orders form are shared with your teammates; the first to submit submits for the seat.` : `Only you hold ${SEAT_INFO[seat].short} now.`;
      if (!current) {
        fill(draft, h('p', { class: 'hint' }, 'No shared draft yet this quarter.'));
        return;
      }
      const mine = current.by === s.you?.name;
      if (current.submitted) {
        fill(
          draft,
          h('p', { 'data-testid': 'team-submitted' }, h('strong', {}, mine ? 'You submitted for the seat' : `${current.by} submitted for the seat`), ` · ${ago(current.at)}`),
          current.orders.length ? h('ul', { class: 'plain' }, current.orders.map((o) => h('li', {}, orderText(o)))) : h('p', { class: 'hint' }, 'No orders (hold).'),
          mine ? null : h('p', { class: 'hint' }, 'These are the seat’s orders this quarter; your own form was not sent.'),
        );
        return;
      }
      // Whoever presses Submit sends their own form: say so when it is not the teammate's latest draft.
      const differs = !mine && JSON.stringify(current.orders) !== JSON.stringify(form);
      const take = h('button', { type: 'button', class: 'small', onclick: () => document.dispatchEvent(new CustomEvent(APPLY_DRAFT_EVENT, { detail: { turn: current.turn, orders: current.orders } })) }, `Use ${current.by}’s draft`);
      fill(
        draft,
        h('p', {}, h('strong', {}, mine ? 'Your shared draft' : `${current.by}’s draft`), ` · ${ago(current.at)}`),
        current.orders.length ? h('ul', { class: 'plain' }, current.orders.map((o) => h('li', {}, orderText(o)))) : h('p', { class: 'hint' }, 'No orders chosen (hold).'),
        differs ? h('p', { class: 'hint bad', 'data-testid': 'team-draft-differs' }, `Your form differs from ${current.by}’s draft: Submit sends the orders in your form. `, take) : null,
      );
    },
  };
}
