import { SEATS, SEAT_INFO, type SeatId } from '../../../shared/index.js';
import { h, fill } from '../dom.js';
import { actions, leaveMatch } from '../net/connection.js';
import { SIDE_GLYPH, SIDE_LABEL } from '../palette.js';
import type { AppState } from '../store.js';
import { connectionBadge } from './status.js';
import type { Screen } from './screen.js';
import { loadWorldView } from '../world/load.js';
import { scenarioOf } from '../match-scenario.js';

export function joinLink(code: string): string {
  return `${location.origin}/join/${encodeURIComponent(code)}`;
}

/** Before the start: the room code and link, the eight seats to claim, the host's Start button. */
export function roomScreen(): Screen {
  // Fetch the world view (Phaser) while people take their seats.
  void loadWorldView();
  const conn = connectionBadge();
  const codeEl = h('strong', { class: 'room-code mono', 'data-testid': 'room-code' });
  const linkEl = h('a', { class: 'mono' });
  const copy = h('button', { type: 'button', class: 'small ghost' }, 'Copy link');
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(linkEl.href).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed — select the link'),
    );
  });
  const scenarioEl = h('p', { class: 'hint' });
  const who = h('p', { class: 'who', role: 'status' });
  const seatsList = h('ul', { class: 'seat-grid', 'aria-label': 'Seats' });
  const error = h('p', { class: 'error', role: 'alert' });
  const startBtn = h('button', { type: 'button', class: 'primary big', onclick: () => actions.start() }, 'Start the match');
  const startHint = h('p', { class: 'hint' });
  const hostBox = h('div', { class: 'host-box' }, startBtn, startHint);
  const leave = h('button', { type: 'button', class: 'ghost', onclick: () => void leaveMatch() }, 'Leave');

  const el = h(
    'main',
    { class: 'room', id: 'main' },
    h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Lead Time'), h('span', { class: 'spacer' }), conn.el, leave),
    h(
      'section',
      { class: 'card room-head', 'aria-labelledby': 'room-h' },
      h('h1', { id: 'room-h' }, 'Match lobby'),
      h('p', { class: 'code-line' }, 'Room code ', codeEl, ' · join link ', linkEl, ' ', copy),
      scenarioEl,
      who,
    ),
    h('section', { class: 'card', 'aria-labelledby': 'seats-h' }, h('h2', { id: 'seats-h' }, 'Seats'), h('p', { class: 'hint' }, 'US and China first. Empty seats are played by bots; a player who leaves is replaced by the bot until they return.'), seatsList, error),
    hostBox,
  );

  let seatsKey = '';
  function renderSeats(s: AppState) {
    const m = s.match;
    if (!m) return;
    const scenario = scenarioOf(m);
    const inPlay = new Set<SeatId>(scenario?.seatsInPlay ?? SEATS);
    const mine = s.you?.seat ?? null;
    const spectator = s.you?.role === 'spectator';
    const key = JSON.stringify([m.seats, mine, spectator, s.status]);
    if (key === seatsKey) return;
    seatsKey = key;
    fill(
      seatsList,
      SEATS.map((seat) => {
        const info = SEAT_INFO[seat];
        const slot = m.seats[seat];
        const taken = Boolean(slot?.occupied);
        const isMine = mine === seat;
        const playable = inPlay.has(seat);
        let status: string;
        if (isMine) status = 'Your seat';
        else if (taken) status = `Taken by ${slot?.name || 'a player'}${slot && !slot.connected ? ' (away)' : ''}`;
        else if (!playable) status = 'Bot only in this scenario';
        else status = 'Free — a bot plays it unless someone takes it';
        // The server refuses a second seat; a spectator may still sit down.
        const canClaim = !mine && !taken && playable && s.status === 'connected';
        return h(
          'li',
          { class: `seat-card side-${info.side}${isMine ? ' mine' : ''}${taken ? ' taken' : ''}` },
          h('div', { class: 'seat-title' }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, SIDE_GLYPH[info.side]), h('strong', {}, info.short), h('span', { class: 'tag' }, seat)),
          h('p', { class: 'seat-name' }, info.name),
          h('p', { class: 'seat-meta' }, `${SIDE_LABEL[info.side]} · ${info.kind === 'lab' ? 'AI lab' : 'government'}`),
          h('p', { class: 'seat-status' }, status),
          canClaim ? h('button', { type: 'button', class: 'small', 'aria-label': `Take seat: ${info.name}`, onclick: () => actions.claim(seat) }, 'Take seat') : null,
          // A seat already held can be joined too: several people on one seat play it as a team.
          !mine && taken && playable && s.status === 'connected' ? h('button', { type: 'button', class: 'small ghost', 'aria-label': `Join the team on seat: ${info.name}`, onclick: () => actions.claim(seat) }, 'Join as teammate') : null,
        );
      }),
    );
  }

  return {
    el,
    update(s, prev) {
      conn.update(s.status);
      const m = s.match;
      if (!m) return;
      codeEl.textContent = m.code || s.code || '';
      linkEl.textContent = joinLink(m.code || s.code || '');
      linkEl.href = joinLink(m.code || s.code || '');
      const scenario = scenarioOf(m);
      scenarioEl.textContent = `${scenario?.name ?? m.scenarioId} · ${m.turns} quarters from ${m.quarter}${m.deadline ? '' : ''}. ${scenario?.description ?? ''}`;
      const you = s.you;
      who.textContent = !you
        ? 'Joining…'
        : you.role === 'spectator'
          ? `You are watching as ${you.name} (spectator).`
          : you.seat
            ? `You are ${you.name}, playing ${SEAT_INFO[you.seat].name}.${you.host ? ' You are the host.' : ''}`
            : `You are ${you.name}. Take a free seat below.${you.host ? ' You are the host.' : ''}`;
      renderSeats(s);
      const host = Boolean(you?.host);
      hostBox.hidden = false;
      startBtn.hidden = !host;
      const humans = SEATS.filter((x) => m.seats[x]?.occupied).length;
      // The server refuses a start with every seat empty (Control's exercise included): say so before the press.
      startBtn.disabled = s.status !== 'connected' || humans === 0;
      startHint.textContent = host
        ? humans === 0
          ? 'Take a seat (or wait for a player to) before starting: bots play every seat nobody takes, but not all of them.'
          : `${humans} human seat${humans === 1 ? '' : 's'} taken; bots will play the rest.`
        : !m.facilitated
          ? 'Waiting for the host to start the match…'
          : m.controlPresent
            ? 'Waiting for Control to start the exercise…'
            : 'Control is not connected just now: the exercise starts when Control comes back and starts it. Check with your facilitator if this lasts.';
      if (s.error && s.error !== prev.error) error.textContent = s.error.message;
    },
  };
}
