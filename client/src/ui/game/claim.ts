import { SEATS, SEAT_INFO } from '../../../../shared/index.js';
import { h } from '../../dom.js';
import { actions } from '../../net/connection.js';
import type { AppState } from '../../store.js';

/** Free seats a seatless player can take mid-match (their bot hands over at once). */
export function freeSeatButtons(s: AppState): HTMLElement {
  const m = s.match;
  const free = m ? SEATS.filter((x) => m.seats[x] && !m.seats[x]?.occupied) : [];
  // Held seats can be joined as a teammate (a team shares the seat's view, drafts and team chat).
  const held = m ? SEATS.filter((x) => m.seats[x]?.occupied) : [];
  if (free.length === 0 && held.length === 0) return h('p', { class: 'hint' }, 'No seat is free.');
  return h(
    'ul',
    { class: 'plain free-seats' },
    free.map((seat) => h('li', {}, h('button', { type: 'button', class: 'small', 'aria-label': `Take ${SEAT_INFO[seat].short} (${SEAT_INFO[seat].name})`, onclick: () => actions.claim(seat) }, `Take ${SEAT_INFO[seat].short}`))),
    held.map((seat) => h('li', {}, h('button', { type: 'button', class: 'small ghost', 'aria-label': `Join ${SEAT_INFO[seat].short} as teammate (${SEAT_INFO[seat].name})`, onclick: () => actions.claim(seat) }, `Join ${SEAT_INFO[seat].short} as teammate`))),
  );
}
