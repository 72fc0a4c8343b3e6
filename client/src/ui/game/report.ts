import { tensionMoves, type Estimate } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { months, pct, shownChange } from '../../format.js';
import type { AppState } from '../../store.js';
import { orderText } from '../ordersText.js';
import { eventItem, visibleEvents } from './events.js';
import { exercise } from '../../net/exercise.js';
import { controlChanges, type Point } from './before-resolution.js';

type Fig = { name: string; before: string; after: string; change: string };

function figures(prev: Point | undefined, now: Point, own: { before?: Estimate; after: Estimate } | null): Fig[] {
  // The change is the difference of the figures as shown (each rounded as its column shows it), so
  // before, after and change always add up; one too small to show reads 0, not −0.
  const d = (a: number | undefined, b: number, digits: number, unit = '', scale = 1) => {
    if (a === undefined) return '—';
    return shownChange(a, b, digits, scale, unit).signed;
  };
  const band = (e: Estimate) => (e.exact ? months(e.value) : `${months(e.value)} (${months(e.low)}–${months(e.high)})`);
  return [
    ...(own
      ? [{ name: 'US lead (your intelligence)', before: own.before ? months(own.before.value) : '—', after: band(own.after), change: d(own.before?.value, own.after.value, 1, ' mo') }]
      : []),
    { name: 'US lead (public estimate)', before: prev ? months(prev.lead.value) : '—', after: band(now.lead), change: d(prev?.lead.value, now.lead.value, 1, ' mo') },
    { name: 'Tension (0–100)', before: prev ? prev.tension.toFixed(0) : '—', after: now.tension.toFixed(0), change: d(prev?.tension, now.tension, 0) },
    { name: 'Cooperation (0–100)', before: prev ? prev.cooperation.toFixed(0) : '—', after: now.cooperation.toFixed(0), change: d(prev?.cooperation, now.cooperation, 0) },
    { name: 'Misuse risk', before: prev ? pct(prev.misuse) : '—', after: pct(now.misuse), change: d(prev?.misuse, now.misuse, 0, ' pts', 100) },
    { name: 'Swing markets on democratic stacks', before: prev ? pct(prev.swingDemocratic) : '—', after: pct(now.swingDemocratic), change: d(prev?.swingDemocratic, now.swingDemocratic, 0, ' pts', 100) },
  ];
}

/** What moved tension this quarter, cause by cause (public causes only; see shared/tension-words.ts). */
function tensionLine(why: Partial<Record<string, number>>): HTMLElement {
  const moves = tensionMoves(why);
  if (moves.length === 0) return h('span', {});
  return h(
    'div',
    { class: 'tension-why', 'data-testid': 'report-tension-why' },
    h('h3', {}, 'What moved tension'),
    h('ul', { class: 'plain' }, moves.map((m) => h('li', {}, h('span', { class: 'num' }, m.points), ' ', m.words))),
  );
}

/** The body of a quarter's report: what changed, what you ordered, what happened. Used by the dialog and the end screen. */
export function reportBody(s: AppState, turn: number, before?: Point, showFigures = true): HTMLElement[] {
  const series = s.pub?.series ?? [];
  const now = series.find((x) => x.turn === turn);
  // "Before" is what was on screen as the quarter resolved, so the change is the resolution's own; what
  // Control changed during the quarter (adjustments, announced events) is named apart, from its notices.
  const prev = before ?? series.find((x) => x.turn === turn - 1);
  const moved = before ? controlChanges(exercise().notices, turn - 1) : [];
  const evs = visibleEvents(s).filter((e) => e.turn === turn);
  const happenings = evs.filter((e) => e.kind !== 'order');
  const moves = evs.filter((e) => e.kind === 'order');
  const sv = s.seatView && s.seatView.seat === s.you?.seat && s.seatView.turn === turn ? s.seatView : null;
  const mine = sv ? sv.lastOrders : null;
  const own = sv ? { before: before?.ownLead, after: sv.lead } : null;
  return [
    !showFigures
      ? h('span', {})
      : now
      ? h(
          'table',
          { class: 'table' },
          h('caption', {}, 'What changed'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col', class: 'num' }, 'Before'), h('th', { scope: 'col', class: 'num' }, 'After'), h('th', { scope: 'col', class: 'num' }, 'Change'))),
          h('tbody', {}, figures(prev, now, own).map((f) => h('tr', {}, h('th', { scope: 'row' }, f.name), h('td', { class: 'num' }, f.before), h('td', { class: 'num' }, f.after), h('td', { class: 'num' }, f.change)))),
        )
      : h('p', { class: 'hint' }, 'Figures are on their way…'),
    showFigures && now?.tensionWhy ? tensionLine(now.tensionWhy) : h('span', {}),
    showFigures && now && own && !own.after.exact
      ? h('p', { class: 'hint', 'data-testid': 'report-estimate-note' }, 'Your estimate of the lead is drawn afresh each quarter within your intelligence’s band, so its change mixes that noise with the lead’s real movement; the narrower the band, the closer it reads.')
      : h('span', {}),
    showFigures && now && moved.length
      ? h('p', { class: 'hint', 'data-testid': 'report-moved' }, `Changed by Control during the quarter, before it resolved: ${moved.join('; ')}. “Before” shows the figures after those changes.`)
      : h('span', {}),
    mine && sv?.lastOrdersByBot
      ? h(
          'div',
          { 'data-testid': 'report-bot-orders' },
          h('h3', {}, 'Your bot’s orders'),
          h('p', { class: 'hint' }, 'Nobody submitted for your seat this quarter, so its bot gave these orders.'),
          mine.length ? h('ul', { class: 'plain' }, mine.map((o) => h('li', {}, orderText(o)))) : h('p', { class: 'hint' }, 'It gave none.'),
        )
      : mine
      ? h('div', {}, h('h3', {}, 'Your orders'), mine.length ? h('ul', { class: 'plain' }, mine.map((o) => h('li', {}, orderText(o)))) : h('p', { class: 'hint' }, 'You gave no orders (or none was accepted).'))
      : h('span', {}),
    h('h3', {}, 'What happened'),
    happenings.length ? h('ol', { class: 'events' }, happenings.map(eventItem)) : h('p', { class: 'hint' }, 'Nothing else you can see.'),
    h('h3', {}, 'Moves you can see'),
    moves.length ? h('ol', { class: 'events' }, moves.map(eventItem)) : h('p', { class: 'hint' }, 'No announced moves.'),
  ];
}

/** The turn report: a modal dialog after each resolution. */
export function reportDialog(): { el: HTMLDialogElement; open(turn: number, before?: Point): void; update(s: AppState): void } {
  const title = h('h2', { id: 'report-h' });
  // It scrolls on its own, so keyboard users must be able to focus it to scroll it.
  const body = h('div', { class: 'report-body', tabindex: 0, role: 'region', 'aria-labelledby': 'report-h' });
  const cont = h('button', { type: 'button', class: 'primary big' }, 'Continue');
  const el = h('dialog', { class: 'report', 'aria-labelledby': 'report-h' }, title, body, h('div', { class: 'dialog-foot' }, cont));
  cont.addEventListener('click', () => el.close());
  // However it closes (Continue or Esc), keyboard users carry on at the new quarter's orders.
  el.addEventListener('close', () => {
    const next = document.getElementById('orders-h');
    if (!next) return;
    next.tabIndex = -1;
    next.focus();
  });
  let turn = 0;
  let key = '';
  let before: Point | undefined;
  return {
    el,
    open(t, b) {
      turn = t;
      before = b;
      key = '';
      if (!el.open) el.showModal();
      cont.focus();
    },
    update(s) {
      if (!el.open || !turn) return;
      const k = JSON.stringify([s.pub?.series.length, s.seatView?.turn, s.seatView?.events.length, s.match?.quarter]);
      if (k === key) return;
      key = k;
      const q = s.pub?.series.find((x) => x.turn === turn)?.quarter ?? '';
      title.textContent = `Quarter report: ${q} resolved`;
      cont.textContent = s.match?.phase === 'orders' ? `Continue to ${s.match.quarter} orders` : 'Continue';
      fill(body, reportBody(s, turn, before));
    },
  };
}
