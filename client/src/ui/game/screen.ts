import { h } from '../../dom.js';
import { compute, months, pct } from '../../format.js';
import type { AppState } from '../../store.js';
import { worldData } from '../../world/data.js';
import type { WorldData } from '../../world/data.js';
import { loadWorldView, type WorldView } from '../../world/load.js';
import type { Screen } from '../screen.js';
import { eventsPanel } from './events.js';
import { gameHeader } from './header.js';
import { intelPanel } from './intel.js';
import { ordersPanel } from './orders.js';
import { positionPanel } from './position.js';
import { pointOf, reportDialog } from './report.js';
import { negotiationPanel } from '../exercise/negotiation.js';
import { teamPanel } from '../exercise/team.js';

/** The game: world view (canvas) with accessible panels beside it, and the orders form. */
export function gameScreen(): Screen {
  const header = gameHeader();
  const canvasHost = h('div', { class: 'world-canvas', 'aria-hidden': 'true' });
  const summary = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const title = h('h1', { class: 'sr-only' }, 'Lead Time match');
  const world = h('section', { class: 'world', 'aria-label': 'World view' }, canvasHost, summary);
  const position = positionPanel();
  const intel = intelPanel();
  const events = eventsPanel();
  const orders = ordersPanel();
  const report = reportDialog();
  const negotiation = negotiationPanel();
  const team = teamPanel();
  const el = h(
    'div',
    { class: 'game' },
    header.el,
    h('main', { class: 'game-main', id: 'main' }, h('div', { class: 'col-left' }, title, world, h('div', { class: 'panels' }, position.el, negotiation.el, events.el, intel.el)), h('aside', { class: 'col-right', 'aria-label': 'Orders' }, team.el, orders.el)),
    report.el,
  );
  // Phaser measures its parent when it boots, so it is mounted on the first update, once the screen is in
  // the page; it is loaded on demand so the lobby does not wait for it.
  let view: WorldView | null = null;
  let loading = false;
  let destroyed = false;
  let latest: WorldData | null = null;
  let lastTurn: number | null = null;
  let worldKey = '';

  return {
    el,
    update(s, prev) {
      // Spectators (a projector) give no orders: the world view gets the whole width.
      el.classList.toggle('spectating', s.you?.role === 'spectator');
      header.update(s);
      title.textContent = `Lead Time match ${s.code ?? ''}${s.match ? `, ${s.match.quarter}` : ''}`;
      position.update(s);
      intel.update(s);
      events.update(s);
      orders.update(s);
      negotiation.update(s);
      team.update(s);
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
          summary.textContent = `${d.quarter}. ${d.viewer}: US lead ${months(d.lead.value)}${d.lead.exact ? '' : ` (estimate ${months(d.lead.low)} to ${months(d.lead.high)})`}; US compute ${compute(d.compute.US.value)}, PRC compute ${compute(d.compute.CN.value)} H100e; tension ${d.tension.toFixed(0)}, cooperation ${d.cooperation.toFixed(0)}, misuse risk ${pct(d.misuse)}; swing markets ${pct(d.swingDemocratic)} democratic.`;
        }
      }
      const turn = s.match?.turn ?? 0;
      if (lastTurn === null) lastTurn = turn;
      if (turn > lastTurn) {
        lastTurn = turn;
        if (s.match?.phase === 'orders') report.open(turn, pointOf(prev.pub));
      }
      report.update(s);
    },
    destroy() {
      header.destroy();
      destroyed = true;
      view?.destroy();
    },
  };
}
