import type { Estimate } from '../../../../shared/index.js';
import { h } from '../../dom.js';
import { worldPanel } from '../../world/panel.js';
import { dashboardPanel } from '../dashboard/panel.js';
import { tourInvite } from '../tutorial.js';
import type { Screen } from '../screen.js';
import { eventsPanel } from './events.js';
import { gameHeader } from './header.js';
import { intelPanel } from './intel.js';
import { ordersPanel } from './orders.js';
import { positionPanel } from './position.js';
import { pointOf } from './before-resolution.js';
import { reportDialog } from './report.js';
import { negotiationPanel } from '../exercise/negotiation.js';
import { liveForecastPanel } from '../analysis/liveForecast.js';
import { teamPanel } from '../exercise/team.js';
import { hostClosePanel } from './host-close.js';

/** The game: world view (canvas) with accessible panels beside it, and the orders form. */
export function gameScreen(): Screen {
  const header = gameHeader();
  const title = h('h1', { class: 'sr-only' }, 'Lead Time match');
  // Focus starts on the heading above: the first Tab offers a jump straight to the orders form.
  const skipToOrders = h('a', { class: 'skip', href: '#orders-h' }, 'Skip to orders');
  const worldView = worldPanel();
  const world = worldView.el;
  const dashboard = dashboardPanel();
  const position = positionPanel();
  const intel = intelPanel();
  const events = eventsPanel();
  const orders = ordersPanel();
  const report = reportDialog();
  const negotiation = negotiationPanel();
  const team = teamPanel();
  const hostClose = hostClosePanel();
  const live = liveForecastPanel({ control: false });
  const el = h(
    'div',
    { class: 'game' },
    header.el,
    h('main', { class: 'game-main', id: 'main' }, h('div', { class: 'col-left' }, title, skipToOrders, tourInvite(), world, dashboard.el, h('div', { class: 'panels' }, position.el, negotiation.el, events.el, intel.el, live.el)), h('aside', { class: 'col-right', 'aria-label': 'Orders' }, team.el, orders.el, hostClose.el)),
    report.el,
  );
  let lastTurn: number | null = null;
  const ownLead = new Map<number, Estimate>();

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
      hostClose.update(s);
      live.update(s);
      // Phaser measures its parent when it boots, so the map mounts on the first update, once the screen is in the page.
      worldView.update(s);
      dashboard.update(s);
      const turn = s.match?.turn ?? 0;
      // The seat's own estimate of the lead after each quarter, for the report's "before" (its view may arrive before or after the new turn).
      const sv = s.seatView && s.seatView.seat === s.you?.seat ? s.seatView : null;
      if (sv) ownLead.set(sv.turn, sv.lead);
      if (lastTurn === null) lastTurn = turn;
      if (turn > lastTurn) {
        lastTurn = turn;
        if (s.match?.phase === 'orders') report.open(turn, pointOf(prev.pub, ownLead.get(turn - 1)));
      }
      report.update(s);
    },
    destroy() {
      header.destroy();
      orders.destroy();
      worldView.destroy();
      dashboard.destroy();
    },
  };
}
