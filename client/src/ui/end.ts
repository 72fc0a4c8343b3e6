import { fixed, swingShareOf, OUTCOME_CRITERIA, OUTCOME_INFO, endingWhen, SEATS, SEAT_INFO, type BySeat, type SeatId, type OutcomeResult, type SeatScore, type TurnRecord } from '../../../shared/index.js';
import { figureCriterion, figureValueText } from '../../../shared/analysis/figures.js';
import { h, fill, scrollBox } from '../dom.js';
import { compute } from '../format.js';
import { leaveMatch } from '../net/connection.js';
import { SIDE_GLYPH } from '../palette.js';
import type { AppState } from '../store.js';
import { decidingChart, leadChart } from './chart.js';
import { reportBody } from './game/report.js';
import { orderText } from './ordersText.js';
import type { Screen } from './screen.js';
import { connectionBadge } from './status.js';
import { analysisSection } from './analysis/section.js';
import { epilogue, epilogueFacts } from './epilogue.js';
import { scenarioOf } from '../match-scenario.js';

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

/** The path of the figure an early ending was rolled on, against its threshold: the debrief's first question. */
function earlyChart(o: OutcomeResult, reveal: TurnRecord[]): SVGSVGElement | null {
  const f = o.early ? o.figures[0] : undefined;
  if (!f || f.threshold === undefined) return null;
  const misuse = o.id === 'misuse-catastrophe';
  return decidingChart(reveal.map((r) => ({ label: r.quarter, value: misuse ? r.risk.misuse : r.tension })), f.threshold, misuse);
}

/** Figures per quarter as they truly were (the reveal), with a chart of the lead, and of what an early ending was rolled on. */
function history(reveal: TurnRecord[], o: OutcomeResult): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'lead-h' },
    h('h2', { id: 'lead-h' }, 'The match, quarter by quarter'),
    h('p', { class: 'hint' }, 'True figures, revealed now that the match is over.'),
    leadChart(reveal.map((r) => ({ label: r.quarter, value: r.leadMonths }))),
    earlyChart(o, reveal),
    scrollBox(
      'True figures per quarter',
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
              h('td', { class: 'num' }, fixed(r.leadMonths, 1)),
              h('td', { class: 'num' }, compute(r.compute.US.stock)),
              h('td', { class: 'num' }, compute(r.compute.CN.stock)),
              h('td', { class: 'num' }, r.tension.toFixed(0)),
              h('td', { class: 'num' }, r.cooperation.toFixed(0)),
              h('td', { class: 'num' }, `${(r.risk.misuse * 100).toFixed(0)}%`),
              h('td', { class: 'num' }, `${(swingShareOf(r.adoption) * 100).toFixed(0)}%`),
            ),
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
      : scrollBox(
          'Orders by quarter and seat',
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

/** Each seat's score against its own objectives (secret agendas revealed), best first. */
function scoresCard(scores: BySeat<SeatScore> | null, mine: SeatId | null): HTMLElement {
  if (!scores) return h('section', { class: 'card', 'aria-labelledby': 'scores-h' }, h('h2', { id: 'scores-h' }, 'Scores'), h('p', { class: 'hint' }, 'Scores arrive with the outcome.'));
  const rows = SEATS.map((seat) => scores[seat]).sort((a, b) => b.total - a.total);
  return h(
    'section',
    { class: 'card scores', 'aria-labelledby': 'scores-h' },
    h('h2', { id: 'scores-h' }, 'How each seat did'),
    h('p', { class: 'hint' }, 'Each seat scores 0–100 against its own objectives (and its secret agenda, if it had one), so a seat can do well in a bad world or badly in a good one.'),
    h(
      'table',
      { class: 'table', 'data-testid': 'scores' },
      h('caption', { class: 'sr-only' }, 'Scores by seat'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Seat'), h('th', { scope: 'col', class: 'num' }, 'Score'), h('th', { scope: 'col' }, 'Objectives'))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { class: r.seat === mine ? 'mine' : '' },
            h('th', { scope: 'row' }, h('span', { 'aria-hidden': 'true' }, `${SIDE_GLYPH[SEAT_INFO[r.seat].side]} `), SEAT_INFO[r.seat].short, r.seat === mine ? ' (you)' : ''),
            h('td', { class: 'num' }, h('span', { class: 'score-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(r.total)}%` })), h('strong', {}, r.total.toFixed(0))),
            h(
              'td',
              {},
              h(
                'details',
                {},
                h('summary', {}, `Public ${r.public.toFixed(0)}${r.agenda ? ` · secret agenda “${r.agenda.title}” ${r.agenda.score.toFixed(0)}` : ''}`),
                h('ul', { class: 'plain' }, [...r.objectives, ...(r.agenda?.objectives ?? [])].map((o) => h('li', {}, `${o.label}: ${(o.score * 100).toFixed(0)}/100`))),
              ),
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
  const scenarioName = h('span', { class: 'scenario-name', 'data-testid': 'scenario-name' });
  const body = h('div', { class: 'end-body' });
  // After-action downloads, replay, forecast, what-if and sensitivity (ui/analysis/).
  const analysis = analysisSection();
  const el = h(
    'main',
    { class: 'end', id: 'main' },
    h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'Lead Time'), scenarioName, h('span', { class: 'spacer' }), conn.el, h('button', { type: 'button', class: 'primary small', onclick: () => void leaveMatch() }, 'Back to the home page')),
    body,
    analysis.el,
  );
  let key = '';
  return {
    el,
    update(s) {
      conn.update(s.status);
      el.classList.toggle('end-projector', s.you?.role === 'spectator');
      scenarioName.textContent = scenarioOf(s.match)?.name ?? '';
      analysis.update(s);
      const pub = s.pub;
      const k = JSON.stringify([pub?.outcome, pub?.reveal?.length, s.seatView?.turn, Boolean(pub?.scores), s.you?.seat]);
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
      const facts = epilogueFacts(o, quarter, { leadMonths: last?.leadMonths ?? pub.lead.value, swingDemocratic: last ? swingShareOf(last.adoption) : pub.swingDemocratic });
      fill(
        body,
        h(
          'section',
          { class: `card outcome outcome-${o.id}`, 'aria-labelledby': 'outcome-h' },
          h('p', { class: 'eyebrow' }, `${endingWhen(o, pub.turns)} · ${quarter}`),
          h('div', { class: 'outcome-title' }, h('img', { class: 'outcome-emblem', src: `/outcomes/${o.id}.svg`, alt: '', width: 72, height: 72 }), h('h1', { id: 'outcome-h', 'data-testid': 'outcome' }, `Outcome: ${info.title}`)),
          h('p', { class: 'gist' }, info.gist),
          h('p', { class: 'reason' }, h('strong', {}, 'Why: '), o.reason),
          h('p', { class: 'epilogue', 'data-testid': 'epilogue' }, epilogue(o.id, facts)),
          h(
            'table',
            { class: 'table' },
            h('caption', {}, 'Deciding figures'),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col', class: 'num' }, 'Value'), h('th', { scope: 'col', class: 'num' }, 'Threshold'))),
            h('tbody', {}, o.figures.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.name), h('td', { class: 'num' }, figureValueText(f, o.figures)), h('td', { class: 'num' }, figureCriterion(f))))),
          ),
          rules(),
        ),
        scoresCard(pub.scores ?? null, s.you?.seat ?? null),
        h('div', { class: 'end-grid' }, history(reveal, o), h('section', { class: 'card end-last', 'aria-labelledby': 'last-h', tabindex: 0 }, h('h2', { id: 'last-h' }, `Final quarter: ${quarter}`), reportBody(s, o.turn, undefined, false))),
        revealTable(reveal),
      );
    },
  };
}
