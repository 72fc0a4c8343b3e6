import { clock as fmtClock } from '../../format.js';
import { SEAT_INFO } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { leaveMatch } from '../../net/connection.js';
import { exercise } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { worldData, type WorldData } from '../../world/data.js';
import { loadWorldView, type WorldView } from '../../world/load.js';
import type { Screen } from '../screen.js';
import { connectionBadge } from '../status.js';
import { chatPanel } from './chat.js';
import { dashboard, publicHappenings, ticker } from './dashboard.js';
import { countdown, seatChips } from './widgets.js';
import { scenarioOf } from '../../match-scenario.js';

/**
 * The projector (spectator) view: public figures only, in type large enough for the back of a room —
 * lead, tension, cooperation, misuse, swing markets; the countdown; who has ordered; agreements in
 * force; a ticker of public events; the public chat channel. No seat's private view reaches it.
 */
export function projectorScreen(): Screen {
  const conn = connectionBadge();
  const clock = countdown({ big: true, hideWhenPaused: true });
  const quarter = h('span', { class: 'pj-quarter', 'data-testid': 'quarter' });
  const turn = h('span', { class: 'pj-turn' });
  const chips = seatChips({ big: true });
  const dash = dashboard({ big: true });
  const tick = ticker();
  const agreements = h('div', { class: 'pj-agreements', 'data-testid': 'projector-agreements' });
  const recent = h('ol', { class: 'pj-recent' });
  const chat = chatPanel({ heading: 'Public chat', compact: true });
  const canvasHost = h('div', { class: 'world-canvas pj-world', 'aria-hidden': 'true' });
  const lobbyCode = h('div', { class: 'pj-code mono' });
  const lobbyLink = h('div', { class: 'pj-link mono' });
  const lobbyScenario = h('p', { class: 'pj-scenario' });
  const lobby = h('section', { class: 'pj-lobby', 'aria-label': 'How to join' }, h('p', { class: 'pj-join' }, 'Join this exercise'), lobbyCode, lobbyLink, lobbyScenario);
  const paused = h('div', { class: 'pj-paused', role: 'status', hidden: true }, 'Paused by Control');
  // Late arrivals still need the code once play has begun.
  const roomCode = h('span', { class: 'pj-room', 'data-testid': 'projector-room-code' });
  const title = h('h1', { class: 'sr-only' }, 'Projector: public dashboard');
  const play = h(
    'div',
    { class: 'pj-play' },
    dash.el,
    h(
      'div',
      { class: 'pj-grid' },
      h('section', { class: 'pj-world-wrap', 'aria-label': 'World view' }, canvasHost),
      h(
        'div',
        { class: 'pj-side' },
        h('section', { class: 'panel', 'aria-labelledby': 'pj-agr-h' }, h('h2', { id: 'pj-agr-h' }, 'Agreements in force'), agreements),
        h('section', { class: 'panel pj-recent-panel', 'aria-labelledby': 'pj-rec-h' }, h('h2', { id: 'pj-rec-h' }, 'What happened'), recent),
        chat.el,
      ),
    ),
  );
  const el = h(
    'div',
    { class: 'projector' },
    h('header', { class: 'topbar pj-top' }, h('span', { class: 'brand' }, 'Lead Time'), quarter, turn, clock.el, paused, h('span', { class: 'spacer' }), roomCode, conn.el, h('button', { type: 'button', class: 'ghost small', onclick: () => void leaveMatch() }, 'Leave')),
    h('main', { class: 'pj-main', id: 'main' }, title, lobby, chips.el, play),
    tick.el,
  );

  let view: WorldView | null = null;
  let loading = false;
  let destroyed = false;
  let latest: WorldData | null = null;
  let worldKey = '';
  let agrKey = '';
  let recKey = '';
  return {
    el,
    update(s: AppState) {
      conn.update(s.status);
      clock.update(s);
      chips.update(s);
      const m = s.match;
      if (!m) return;
      const inLobby = m.phase === 'lobby';
      lobby.hidden = !inLobby;
      play.hidden = inLobby;
      tick.el.hidden = inLobby;
      // One pause sign: the banner, with the time the clock will resume with (the countdown stands aside).
      paused.hidden = !m.paused;
      paused.textContent = m.paused && m.remaining > 0 ? `Paused by Control · ${fmtClock(m.remaining)} left` : 'Paused by Control';
      quarter.textContent = inLobby ? 'Lobby' : m.quarter;
      turn.textContent = inLobby ? '' : `turn ${Math.min(m.turn + 1, m.turns)} of ${m.turns}`;
      roomCode.textContent = inLobby ? '' : `Join: ${location.host}/join/${m.code || s.code || ''}`;
      if (inLobby) {
        const code = m.code || s.code || '';
        lobbyCode.textContent = code;
        lobbyLink.textContent = `${location.host}/join/${code}`;
        const scn = scenarioOf(m);
        const held = Object.values(m.seats).filter((x) => x?.occupied).map((x) => SEAT_INFO[x!.seat].short);
        lobbyScenario.textContent = `${scn?.name ?? m.scenarioId} · ${m.turns} quarters${held.length ? ` · seated: ${held.join(', ')}` : ''}`;
        return;
      }
      dash.update(s);
      tick.update(s);
      chat.update(s);
      const ags = s.pub?.agreements ?? [];
      const ak = JSON.stringify(ags);
      if (ak !== agrKey) {
        agrKey = ak;
        fill(agreements, ags.length ? h('ul', { class: 'plain' }, ags.map((a) => h('li', {}, h('strong', {}, a.title), ` — ${a.parties.map((x) => SEAT_INFO[x]?.short ?? x).join(', ')} · until ${a.expiresQuarter}`))) : h('p', { class: 'hint' }, 'None yet.'));
      }
      const items = publicHappenings(s.pub, exercise().notices).slice(0, 8);
      const rk = items.map((x) => x.id).join();
      if (rk !== recKey) {
        recKey = rk;
        fill(recent, items.length ? items.map((it) => h('li', {}, h('span', { class: 'tag' }, it.tag), ' ', it.when ? h('span', { class: 'when' }, `${it.when} · `) : null, it.text)) : [h('li', { class: 'hint' }, 'Nothing yet.')]);
      }
      if (!view && !loading && el.isConnected) {
        loading = true;
        void loadWorldView().then((mount) => {
          if (destroyed) return;
          view = mount(canvasHost);
          if (latest) view.set(latest);
        });
      }
      const d = worldData(s);
      if (d) {
        const k = JSON.stringify(d);
        if (k !== worldKey) {
          worldKey = k;
          latest = d;
          view?.set(d);
        }
      }
    },
    destroy() {
      destroyed = true;
      clock.destroy();
      tick.destroy();
      view?.destroy();
    },
  };
}
