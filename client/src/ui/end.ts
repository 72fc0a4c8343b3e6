import { OUTCOME_INFO, SEATS, SEAT_INFO, type DecidingFigure, type PublicSeries } from '../../../shared/index.js';
import { h, fill } from '../dom.js';
import { leaveMatch } from '../net/connection.js';
import { OKABE, SIDE_GLYPH } from '../palette.js';
import type { AppState } from '../store.js';
import { connectionBadge } from './status.js';
import { orderText } from './ordersText.js';
import { reportBody } from './game/report.js';
import type { Screen } from './screen.js';

function figureValue(f: DecidingFigure): string {
  const n = f.name.toLowerCase();
  if (n.includes('share') || n.includes('odds') || n.includes('roll') || n.includes('misuse')) return `${(f.value * 100).toFixed(1)}%`;
  if (n.includes('in force')) return f.value ? 'yes' : 'no';
  return f.value.toFixed(1);
}

function thresholdText(f: DecidingFigure): string {
  if (f.threshold === undefined) return '—';
  const t: DecidingFigure = { ...f, value: f.threshold };
  return `${f.comparison ?? ''} ${figureValue(t)}`;
}

/** A small line chart of the lead per quarter; the table beside it carries the same numbers. */
function leadChart(series: PublicSeries[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const w = 520;
  const hgt = 160;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('aria-hidden', 'true');
  if (series.length === 0) return svg;
  const vals = series.map((s) => s.lead.value);
  const lo = Math.min(0, ...vals) - 1;
  const hi = Math.max(14, ...vals) + 1;
  const X = (i: number) => 30 + (series.length === 1 ? (w - 40) / 2 : (i * (w - 40)) / (series.length - 1));
  const Y = (v: number) => hgt - 20 - ((v - lo) / (hi - lo)) * (hgt - 30);
  const line = (y: number, colour: string, dash: string) => {
    const l = document.createElementNS(ns, 'line');
    l.setAttribute('x1', '30');
    l.setAttribute('x2', String(w - 10));
    l.setAttribute('y1', String(Y(y)));
    l.setAttribute('y2', String(Y(y)));
    l.setAttribute('stroke', colour);
    l.setAttribute('stroke-dasharray', dash);
    svg.append(l);
  };
  line(0, '#5b6b84', '2 3');
  line(12, OKABE.blue, '6 4');
  line(3, OKABE.vermillion, '6 4');
  const path = document.createElementNS(ns, 'polyline');
  path.setAttribute('points', series.map((s, i) => `${X(i)},${Y(s.lead.value)}`).join(' '));
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', '#ffffff');
  path.setAttribute('stroke-width', '3');
  svg.append(path);
  series.forEach((s, i) => {
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('cx', String(X(i)));
    c.setAttribute('cy', String(Y(s.lead.value)));
    c.setAttribute('r', '4');
    c.setAttribute('fill', '#ffffff');
    svg.append(c);
  });
  return svg;
}

/** The end screen: the outcome, why, the deciding figures, the last quarter, and every seat's orders revealed. */
export function endScreen(): Screen {
  const conn = connectionBadge();
  const body = h('div', { class: 'end-body' });
  const el = h(
    'main',
    { class: 'end', id: 'main' },
    h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Lead Time'), h('span', { class: 'spacer' }), conn.el, h('button', { type: 'button', class: 'primary small', onclick: () => void leaveMatch() }, 'Back to the lobby')),
    body,
  );
  let key = '';
  return {
    el,
    update(s) {
      conn.update(s.status);
      const pub = s.pub;
      const k = JSON.stringify([pub?.outcome, pub?.reveal?.length, s.seatView?.turn]);
      if (k === key) return;
      key = k;
      if (!pub?.outcome) {
        fill(body, h('p', { class: 'hint' }, 'Tallying the outcome…'));
        return;
      }
      const o = pub.outcome;
      const info = OUTCOME_INFO[o.id];
      const reveal = pub.reveal ?? [];
      fill(
        body,
        h(
          'section',
          { class: `card outcome outcome-${o.id}`, 'aria-labelledby': 'outcome-h' },
          h('p', { class: 'eyebrow' }, `${o.early ? 'Early ending' : 'The match is over'} · ${pub.quarter}`),
          h('h1', { id: 'outcome-h', 'data-testid': 'outcome' }, `Outcome: ${info.title}`),
          h('p', { class: 'gist' }, info.gist),
          h('p', { class: 'reason' }, h('strong', {}, 'Why: '), o.reason),
          h(
            'table',
            { class: 'table' },
            h('caption', {}, 'Deciding figures'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col', class: 'num' }, 'Value'), h('th', { scope: 'col', class: 'num' }, 'Threshold'))),
            h('tbody', {}, o.figures.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.name), h('td', { class: 'num' }, figureValue(f)), h('td', { class: 'num' }, thresholdText(f))))),
          ),
        ),
        h(
          'div',
          { class: 'end-grid' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'lead-h' },
            h('h2', { id: 'lead-h' }, 'The lead, quarter by quarter'),
            leadChart(pub.series),
            h('p', { class: 'hint' }, 'White line: public estimate of the US lead in months. Dashed: 12 months (democratic lead) and 3 months (parity).'),
            h(
              'table',
              { class: 'table compact' },
              h('caption', { class: 'sr-only' }, 'Figures per quarter'),
              h('thead', {}, h('tr', {}, ['Quarter', 'Lead (mo)', 'Tension', 'Coop.', 'Misuse', 'Swing dem.'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))),
              h(
                'tbody',
                {},
                pub.series.map((r) =>
                  h('tr', {}, h('th', { scope: 'row' }, r.quarter), h('td', { class: 'num' }, r.lead.value.toFixed(1)), h('td', { class: 'num' }, r.tension.toFixed(0)), h('td', { class: 'num' }, r.cooperation.toFixed(0)), h('td', { class: 'num' }, `${(r.misuse * 100).toFixed(0)}%`), h('td', { class: 'num' }, `${(r.swingDemocratic * 100).toFixed(0)}%`)),
                ),
              ),
            ),
          ),
          h('section', { class: 'card', 'aria-labelledby': 'last-h' }, h('h2', { id: 'last-h' }, `Final quarter: ${pub.quarter}`), reportBody(s, o.turn)),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'reveal-h' },
          h('h2', { id: 'reveal-h' }, 'Every seat’s orders, revealed'),
          reveal.length === 0
            ? h('p', { class: 'hint' }, 'No orders were recorded.')
            : h(
                'div',
                { class: 'table-scroll' },
                h(
                  'table',
                  { class: 'table reveal', 'data-testid': 'reveal' },
                  h('caption', { class: 'sr-only' }, 'Orders by quarter and seat'),
                  h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Quarter'), SEATS.map((seat) => h('th', { scope: 'col' }, h('span', { 'aria-hidden': 'true' }, SIDE_GLYPH[SEAT_INFO[seat].side] + ' '), SEAT_INFO[seat].short)))),
                  h(
                    'tbody',
                    {},
                    reveal.map((rec) =>
                      h(
                        'tr',
                        {},
                        h('th', { scope: 'row' }, rec.quarter),
                        SEATS.map((seat) => {
                          const os = rec.orders[seat] ?? [];
                          return h('td', {}, os.length ? h('ul', { class: 'plain' }, os.map((x) => h('li', {}, orderText(x)))) : h('span', { class: 'hint' }, 'none'));
                        }),
                      ),
                    ),
                  ),
                ),
              ),
        ),
      );
    },
  };
}
