import { fixed, SEAT_INFO, type Order, type PublicView, type SeatView } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { compute, pct, shownChange } from '../../format.js';
import { previewOrders, type PreviewRow } from './estimate.js';

function val(r: PreviewRow, v: number): string {
  switch (r.unit) {
    case 'months':
      return `${fixed(v, 1)} mo`;
    case 'points':
      // To the tenth: a dialogue moves tension by less than a point, and should not read as nothing.
      return fixed(v, 1);
    case 'share':
      // To the tenth, as the change column is (so hold, orders and their difference add up).
      return pct(v, 1);
    case 'h100e':
      return compute(v);
    case 'resources':
      return String(Math.round(v));
  }
}

/** How each unit's change is rounded: as `val` shows hold and orders, so the three add up. */
const SHOWN: Record<Exclude<PreviewRow['unit'], 'h100e'>, { digits: number; scale: number; unit: string }> = {
  months: { digits: 1, scale: 1, unit: ' mo' },
  share: { digits: 1, scale: 100, unit: ' pts' },
  points: { digits: 1, scale: 1, unit: '' },
  resources: { digits: 0, scale: 1, unit: '' },
};

function diff(r: PreviewRow): { text: string; words: string } {
  let d: number;
  let t: string;
  if (r.unit === 'h100e') {
    // Compute reads in compact units (k, M): the raw difference, written the same way.
    d = Math.abs(r.orders - r.hold) < 500 ? 0 : r.orders - r.hold;
    t = compute(Math.abs(d));
  } else {
    const u = SHOWN[r.unit];
    const c = shownChange(r.hold, r.orders, u.digits, u.scale);
    d = c.diff;
    t = `${c.size}${u.unit}`;
  }
  if (d === 0) return { text: '±0', words: 'no change' };
  const better = r.good === null ? '' : (d > 0) === (r.good === 'up') ? ' (better for you)' : ' (worse for you)';
  return { text: `${d > 0 ? '+' : '−'}${t}`, words: `${d > 0 ? 'up' : 'down'} ${t}${better}` };
}

/**
 * "What would these orders do?" — one quarter of the seat's estimated world resolved with the chosen
 * orders and with none, the others played by bots, and the difference in the figures that matter.
 * Clearly an estimate: it knows only what the seat knows.
 */
export function ordersPreview(): { el: HTMLElement; line: HTMLElement; update(pub: PublicView | null, sv: SeatView | null, orders: Order[]): void } {
  const body = h('div', { class: 'preview-body' });
  const el = h(
    'section',
    { class: 'preview', 'aria-labelledby': 'preview-h', id: 'orders-preview' },
    h('h3', { id: 'preview-h' }, 'Expected effect of these orders ', h('span', { class: 'badge est' }, 'estimate')),
    h('p', { class: 'hint' }, '“Hold” is the quarter with no orders from you, “Orders” with the ones ticked above: one quarter of the world as you know it, other seats played by bots. Hidden figures and other players’ real orders are unknown, so treat it as a guide.'),
    body,
  );
  const line = h('p', { class: 'preview-line', 'aria-live': 'polite' });
  let timer = 0;
  let lastKey = '';
  return {
    el,
    line,
    update(pub, sv, orders) {
      // Every figure the estimate starts from: Control may change any of them between resolutions.
      const { events: _e, series: _s, reveal: _r, ...figures } = pub ?? ({} as Partial<PublicView>);
      const { events: _se, ...own } = sv ?? ({} as Partial<SeatView>);
      const key = JSON.stringify([figures, own, orders]);
      if (key === lastKey) return;
      lastKey = key;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (!pub || !sv) {
          fill(body);
          line.textContent = '';
          return;
        }
        const p = previewOrders(pub, sv, orders);
        if (!p) {
          fill(body, h('p', { class: 'hint' }, 'No estimate for this scenario.'));
          line.textContent = '';
          return;
        }
        const currency = SEAT_INFO[sv.seat].currency;
        const moved = p.rows.filter((r) => r.key !== 'resources' && diff(r).text !== '±0');
        line.textContent = orders.length === 0 ? 'Estimate: holding changes nothing you control.' : `Estimate: ${moved.length ? moved.slice(0, 3).map((r) => `${r.name.replace(/^… /, '')} ${diff(r).text}`).join(' · ') : 'no visible change in the key figures'}.`;
        fill(
          body,
          h(
            'div',
            { class: 'table-scroll' },
            h(
            'table',
            { class: 'table compact preview-table' },
            h('caption', { class: 'sr-only' }, 'Expected figures after this quarter: holding versus your orders'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col', class: 'num' }, 'Hold'), h('th', { scope: 'col', class: 'num' }, 'Orders'), h('th', { scope: 'col', class: 'num' }, 'Change'))),
            h(
              'tbody',
              {},
              p.rows.map((r) => {
                const d = diff(r);
                return h(
                  'tr',
                  { class: d.text === '±0' ? 'same' : 'moved' },
                  h('th', { scope: 'row' }, r.name),
                  h('td', { class: 'num' }, val(r, r.hold)),
                  h('td', { class: 'num' }, val(r, r.orders)),
                  h('td', { class: 'num' }, h('span', { 'aria-hidden': 'true' }, d.text), h('span', { class: 'sr-only' }, d.words)),
                );
              }),
            ),
            ),
          ),
          h('p', { class: 'hint' }, p.left >= 0 ? `Cost ${p.cost} of ${sv.resources} ${currency}; ${p.left} left this quarter (income +${sv.income} next).` : `Cost ${p.cost} of ${sv.resources} ${currency}: ${-p.left} over; untick an order or lower its intensity to submit (income +${sv.income} next).`),
          p.detection.length
            ? h('ul', { class: 'plain' }, p.detection.map((x) => h('li', {}, `⚠ ${x.name}: about ${pct(x.odds)} chance of being detected (estimate).`)))
            : null,
        );
      }, 120);
    },
  };
}
