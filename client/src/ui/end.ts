import { OUTCOME_CRITERIA, OUTCOME_INFO, SEATS, SEAT_INFO, type DecidingFigure, type TurnRecord } from '../../../shared/index.js';
import { h, fill } from '../dom.js';
import { compute } from '../format.js';
import { leaveMatch } from '../net/connection.js';
import { SIDE_GLYPH } from '../palette.js';
import type { AppState } from '../store.js';
import { leadChart } from './chart.js';
import { reportBody } from './game/report.js';
import { orderText } from './ordersText.js';
import type { Screen } from './screen.js';
import { connectionBadge } from './status.js';
import { analysisSection } from './analysis/section.js';

function figureValue(f: DecidingFigure): string {
  const n = f.name.toLowerCase();
  if (n.includes('share') || n.includes('odds') || n.includes('roll') || n.includes('misuse')) return `${(f.value * 100).toFixed(1)}%`;
  if (n.includes('in force')) return f.value ? 'yes' : 'no';
  return f.value.toFixed(1);
}

function thresholdText(f: DecidingFigure): string {
  if (f.threshold === undefined) return '—';
  return `${f.comparison ?? ''} ${figureValue({ ...f, value: f.threshold })}`;
}

function swing(r: TurnRecord): number {
  return (r.adoption.HUBS.democratic + r.adoption.SOUTH.democratic) / 2;
}

function rules(): HTMLElement {
  const c = OUTCOME_CRITERIA;
  return h(
    'details',
    { class: 'rules' },
    h('summary', {}, 'How the outcome is decided'),
    h(
      'ol',
      {},
      h('li', {}, 'An early ending — misuse catastrophe or Strait crisis — when its roll falls under its odds.'),
      h('li', {}, `Shared stewardship: cooperation ≥ ${c.stewardshipCooperation} with a joint governance framework in force.`),
      h('li', {}, `Democratic lead: a lead ≥ ${c.democraticLeadMonths} months and more than ${c.swingMajority * 100}% of the swing markets on democratic stacks.`),
      h('li', {}, `Authoritarian parity: a lead ≤ ${c.parityLeadMonths} months and less than ${c.swingMajority * 100}% of the swing markets on democratic stacks.`),
      h('li', {}, 'Contested frontier: anything in between.'),
    ),
  );
}

/** Figures per quarter as they truly were (the reveal), with a chart of the lead. */
function history(reveal: TurnRecord[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'lead-h' },
    h('h2', { id: 'lead-h' }, 'The match, quarter by quarter'),
    h('p', { class: 'hint' }, 'True figures, revealed now that the match is over.'),
    leadChart(reveal.map((r) => ({ label: r.quarter, value: r.leadMonths }))),
    h(
      'table',
      { class: 'table compact' },
      h('caption', { class: 'sr-only' }, 'True figures per quarter'),
      h('thead', {}, h('tr', {}, ['Quarter', 'Lead (mo)', 'US compute', 'PRC compute', 'Tension', 'Coop.', 'Misuse', 'Swing dem.'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))),
      h(
        'tbody',
        {},
        reveal.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, r.quarter),
            h('td', { class: 'num' }, r.leadMonths.toFixed(1)),
            h('td', { class: 'num' }, compute(r.compute.US.stock)),
            h('td', { class: 'num' }, compute(r.compute.CN.stock)),
            h('td', { class: 'num' }, r.tension.toFixed(0)),
            h('td', { class: 'num' }, r.cooperation.toFixed(0)),
            h('td', { class: 'num' }, `${(r.risk.misuse * 100).toFixed(0)}%`),
            h('td', { class: 'num' }, `${(swing(r) * 100).toFixed(0)}%`),
          ),
        ),
      ),
    ),
  );
}

function revealTable(reveal: TurnRecord[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'reveal-h' },
    h('h2', { id: 'reveal-h' }, 'Every seat’s orders, revealed'),
    h('p', { class: 'hint' }, 'Including covert orders and the bots’ choices for empty seats.'),
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
  );
}

/** The end screen: the outcome, why, the deciding figures, the last quarter, and every seat's orders revealed. */
export function endScreen(): Screen {
  const conn = connectionBadge();
  const body = h('div', { class: 'end-body' });
  // After-action downloads, replay, forecast, what-if and sensitivity (ui/analysis/).
  const analysis = analysisSection();
  const el = h(
    'main',
    { class: 'end', id: 'main' },
    h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Lead Time'), h('span', { class: 'spacer' }), conn.el, h('button', { type: 'button', class: 'primary small', onclick: () => void leaveMatch() }, 'Back to the lobby')),
    body,
    analysis.el,
  );
  let key = '';
  return {
    el,
    update(s) {
      conn.update(s.status);
      analysis.update(s);
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
      const last = reveal.find((r) => r.turn === o.turn) ?? reveal[reveal.length - 1];
      const quarter = last?.quarter ?? pub.quarter;
      fill(
        body,
        h(
          'section',
          { class: `card outcome outcome-${o.id}`, 'aria-labelledby': 'outcome-h' },
          h('p', { class: 'eyebrow' }, `${o.early ? `Early ending after ${o.turn} of ${pub.turns} quarters` : 'The match is over'} · ${quarter}`),
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
          rules(),
        ),
        h('div', { class: 'end-grid' }, history(reveal), h('section', { class: 'card', 'aria-labelledby': 'last-h' }, h('h2', { id: 'last-h' }, `Final quarter: ${quarter}`), reportBody(s, o.turn, undefined, false))),
        revealTable(reveal),
      );
    },
  };
}
