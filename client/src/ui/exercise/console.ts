import { SEAT_INFO } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { actions, leaveMatch } from '../../net/connection.js';
import { controlKeyFor, controlLink } from '../../net/controlKey.js';
import { exercise } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { forecastLauncher } from '../analysis/forecastPanel.js';
import { liveForecastPanel } from '../analysis/liveForecast.js';
import type { Screen } from '../screen.js';
import { connectionBadge } from '../status.js';
import { agreementsPanel } from './agreements.js';
import { chatPanel } from './chat.js';
import { adjustForm, clockControls, customEventForm, injectForm, seatTable } from './controls.js';
import { dashboard } from './dashboard.js';
import { countdown, noticeList } from './widgets.js';
import { scenarioOf } from '../../match-scenario.js';

function joinLink(code: string, spectator = false): string {
  return `${location.origin}/join/${encodeURIComponent(code)}${spectator ? '?as=spectator' : ''}`;
}

const ACK_LABEL: Record<string, string> = {
  'control:pause': 'The clock is paused.',
  'control:resume': 'The clock is running again.',
  'control:timer': 'The deadline moved.',
  'control:advance': 'The quarter is resolving.',
  'control:inject': 'The card fires at the coming resolution.',
  'control:event': 'The custom event is announced and applied.',
  'control:adjust': 'The figure is set; the table has been told why.',
  'control:seat': 'The seat changed hands.',
  'control:end': 'The match is over.',
};

/**
 * The facilitator's ("Control's") console: every seat and who is in it, the clock, injects,
 * adjustments with reasons, seat hand-overs, all chat channels and proposals, and the table's log.
 * Control's secret key is never drawn on this page; it can only be copied as a Control link.
 */
export function consoleScreen(): Screen {
  const conn = connectionBadge();
  const clockEl = countdown({ big: true });
  const code = h('strong', { class: 'room-code mono', 'data-testid': 'room-code' });
  const when = h('span', { class: 'quarter', 'data-testid': 'quarter' });
  const scenarioName = h('span', { class: 'scenario-name', 'data-testid': 'scenario-name' });
  const copyCtl = h('button', { type: 'button', class: 'small ghost', title: 'A link for a second Control screen. It carries the secret key: never share it with players or put it on the projector.' }, 'Copy Control link');
  copyCtl.addEventListener('click', () => {
    const c = currentCode;
    const key = c ? controlKeyFor(c) : null;
    if (!c || !key) {
      copyCtl.textContent = 'No key on this machine';
      return;
    }
    const link = controlLink(c, key);
    // Without the clipboard API (a plain-http address on a LAN), let Control copy it by hand.
    const byHand = () => window.prompt('The Control link for a second Control screen. Keep it private: it carries the key.', link);
    if (!navigator.clipboard) return void byHand();
    navigator.clipboard.writeText(link).then(
      () => (copyCtl.textContent = 'Copied — keep it private'),
      () => byHand(),
    );
  });
  const leave = h('button', { type: 'button', class: 'ghost small', onclick: () => void leaveMatch() }, 'Leave');
  const header = h(
    'header',
    { class: 'topbar console-top' },
    h('span', { class: 'brand' }, 'Lead Time · Control'),
    h('span', {}, 'Room ', code),
    scenarioName,
    when,
    clockEl.el,
    h('span', { class: 'spacer' }),
    copyCtl,
    conn.el,
    leave,
  );

  // Lobby: links for players and the projector, and Start.
  const playersLink = h('a', { class: 'mono', 'data-testid': 'players-link' });
  const projectorLink = h('a', { class: 'mono', 'data-testid': 'projector-link' });
  const startBtn = h('button', { type: 'button', class: 'primary big', onclick: () => actions.start() }, 'Start the exercise');
  const startHint = h('p', { class: 'hint' });
  const lobby = h(
    'section',
    { class: 'card ctl-lobby', 'aria-labelledby': 'ctl-lobby-h' },
    h('h2', { id: 'ctl-lobby-h' }, 'Before the start'),
    h('p', {}, 'Players join at ', playersLink, ' (or type the room code). Several people may join one seat as a team.'),
    h('p', {}, 'Projector: open ', projectorLink, ' and join as spectator — it shows the public dashboard and public chat only.'),
    startBtn,
    startHint,
  );

  const clockCtl = clockControls();
  const seats = seatTable();
  const dash = dashboard();
  const agreementsInForce = h('div', { class: 'hint' });
  const inject = injectForm();
  const custom = customEventForm();
  const adjust = adjustForm();
  const chat = chatPanel({ heading: 'All chat channels' });
  const agreements = agreementsPanel();
  const logBody = h('div', {});
  const log = h('section', { class: 'card ctl-log', 'aria-labelledby': 'ctl-log-h' }, h('h2', { id: 'ctl-log-h' }, 'Table log'), logBody);
  const forecast = forecastLauncher();
  const live = liveForecastPanel({ control: true });
  const feedback = h('p', { class: 'ctl-feedback', role: 'status', 'aria-live': 'polite', 'data-testid': 'control-feedback' });

  const heading = h('h1', { class: 'sr-only' }, 'Control console');
  const el = h(
    'div',
    { class: 'xconsole' },
    header,
    feedback,
    h(
      'main',
      { class: 'console-main', id: 'main' },
      heading,
      h('div', { class: 'console-col' }, lobby, clockCtl.el, seats.el, log),
      h('div', { class: 'console-col' }, h('section', { class: 'card', 'aria-labelledby': 'ctl-pub-h' }, h('h2', { id: 'ctl-pub-h' }, 'Public dashboard'), dash.el, agreementsInForce), inject.el, custom.el, adjust.el, live.el, forecast.el),
      h('div', { class: 'console-col' }, chat.el, agreements.el),
    ),
  );

  let currentCode: string | null = null;
  let logKey = '';
  let shownAck = 0;
  let shownErr = 0;
  let feedbackTurn: number | null = null;
  let feedbackTimer = 0;
  return {
    el,
    update(s) {
      conn.update(s.status);
      clockEl.update(s);
      const m = s.match;
      currentCode = m?.code || s.code;
      code.textContent = currentCode ?? '';
      if (m) {
        when.textContent = m.phase === 'lobby' ? 'Lobby' : m.phase === 'finished' ? 'Finished' : `${m.quarter} · turn ${Math.min(m.turn + 1, m.turns)}/${m.turns}`;
        scenarioName.textContent = scenarioOf(m)?.name ?? '';
        lobby.hidden = m.phase !== 'lobby';
        if (m.phase === 'lobby' && currentCode) {
          playersLink.textContent = joinLink(currentCode);
          playersLink.href = joinLink(currentCode);
          projectorLink.textContent = joinLink(currentCode, true);
          projectorLink.href = joinLink(currentCode, true);
          const humans = Object.values(m.seats).filter((x) => x?.occupied).length;
          startBtn.disabled = s.status !== 'connected' || humans === 0;
          const scn = scenarioOf(m);
          startHint.textContent = `${scn?.name ?? m.scenarioId}, ${m.turns} quarters. ${humans === 0 ? 'Wait for at least one player to take a seat.' : `${humans} seat${humans === 1 ? '' : 's'} held by people; bots play the rest.`}`;
        }
      }
      clockCtl.update(s);
      seats.update(s);
      dash.update(s);
      const ags = s.pub?.agreements ?? [];
      agreementsInForce.textContent = ags.length ? `In force: ${ags.map((a) => `${a.title} (${a.parties.map((x) => SEAT_INFO[x].short).join(', ')}, until ${a.expiresQuarter})`).join('; ')}` : 'No agreement in force.';
      inject.update(s);
      custom.update(s);
      adjust.update(s);
      chat.update(s);
      agreements.update(s);
      forecast.update(s);
      live.update(s);
      const x = exercise();
      const lk = `${x.notices.length}:${x.notices.at(-1)?.id}:${s.pub?.series.length}`;
      if (lk !== logKey) {
        logKey = lk;
        // A notice's turn is the resolutions before it: it happened while the next quarter was played.
        const series = s.pub?.series ?? [];
        const quarterOf = (t: number) => series.find((p) => p.turn === t + 1)?.quarter ?? m?.quarter ?? '';
        fill(logBody, noticeList(x.notices, 60, quarterOf));
      }
      // What became of Control's last action; it belongs to the quarter it was done in.
      const turn = m?.turn ?? null;
      if (turn !== feedbackTurn) {
        feedbackTurn = turn;
        feedback.textContent = '';
        delete feedback.dataset.kind;
      }
      const ack = x.lastControlAck;
      if (ack && ack.at !== shownAck) {
        shownAck = ack.at;
        feedback.textContent = `Done: ${ACK_LABEL[ack.type] ?? ack.type}`;
        feedback.dataset.kind = 'ok';
        // A confirmation is news for a moment, not a standing status: it goes after 20 s.
        window.clearTimeout(feedbackTimer);
        feedbackTimer = window.setTimeout(() => {
          if (feedback.dataset.kind !== 'ok') return;
          feedback.textContent = '';
          delete feedback.dataset.kind;
        }, 20_000);
      }
      const e = s.error;
      if (e && e.at !== shownErr && (e.ref?.startsWith('control:') || e.ref === 'start' || e.ref === 'respond' || e.code === 'offline')) {
        shownErr = e.at;
        feedback.textContent = `Refused: ${e.message}`;
        feedback.dataset.kind = 'error';
      }
    },
    destroy() {
      clockEl.destroy();
    },
  };
}
