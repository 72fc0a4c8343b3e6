import { fixed, swingShareOf, OUTCOME_CRITERIA, REGIONS, REGION_NAME, SEATS, SEAT_INFO, type TurnRecord } from '../../../../shared/index.js';
import { h, fill, uid } from '../../dom.js';
import { compute, pct } from '../../format.js';
import { OKABE, SIDE_GLYPH } from '../../palette.js';
import { orderText } from '../ordersText.js';
import { eventKindLabel, rollText, VIS_LABEL } from '../game/events.js';
import { lineChart } from './charts.js';


function kv(pairs: [string, string][]): HTMLElement {
  return h('dl', { class: 'kv' }, pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/**
 * Step through a finished match quarter by quarter: the figures, every seat's orders and what happened.
 * Prev/next buttons, a slider, and the arrow keys (Home/End for the first and last quarter).
 */
export function replayViewer(): { el: HTMLElement; set(history: TurnRecord[], note?: string): void } {
  const id = uid('rp');
  const prev = h('button', { type: 'button', class: 'small' }, h('span', { 'aria-hidden': 'true' }, '◀ '), 'Previous quarter');
  const next = h('button', { type: 'button', class: 'small' }, 'Next quarter', h('span', { 'aria-hidden': 'true' }, ' ▶'));
  const slider = h('input', { type: 'range', min: 1, max: 1, step: 1, value: 1, 'aria-label': 'Quarter', class: 'rp-slider' });
  const label = h('strong', { class: 'rp-label', 'aria-live': 'polite', 'data-testid': 'replay-quarter' });
  const note = h('p', { class: 'hint' });
  const chart = h('div', { class: 'rp-chart' });
  const body = h('div', { class: 'rp-body' });
  const el = h(
    'section',
    { class: 'card analysis-replay', 'aria-labelledby': `${id}-h`, tabindex: 0, 'data-testid': 'replay-viewer' },
    h('h2', { id: `${id}-h` }, 'Replay, quarter by quarter'),
    h('p', { class: 'hint' }, 'Use the buttons, the slider or the ← → arrow keys (Home, End) while this panel has focus.'),
    note,
    h('div', { class: 'rp-nav' }, prev, label, next, slider),
    chart,
    body,
  );
  let hist: TurnRecord[] = [];
  let at = 0;

  function render() {
    const q = hist[at];
    prev.disabled = at <= 0;
    next.disabled = at >= hist.length - 1;
    slider.max = String(Math.max(1, hist.length));
    slider.value = String(at + 1);
    if (!q) {
      label.textContent = 'No quarter recorded.';
      fill(body);
      return;
    }
    label.textContent = `${q.quarter} — quarter ${at + 1} of ${hist.length}`;
    fill(
      chart,
      lineChart('US lead: best democratic lab over best PRC lab', hist.map((x) => x.quarter), [{ name: 'Lead', values: hist.map((x) => x.leadMonths), colour: OKABE.sky }], {
        unit: 'months',
        mark: at,
        rules: [
          { value: OUTCOME_CRITERIA.democraticLeadMonths, label: `democratic lead (≥ ${OUTCOME_CRITERIA.democraticLeadMonths} mo)`, colour: OKABE.blue },
          { value: OUTCOME_CRITERIA.parityLeadMonths, label: `parity (≤ ${OUTCOME_CRITERIA.parityLeadMonths} mo)`, colour: OKABE.vermillion },
        ],
      }),
    );
    const swing = swingShareOf(q.adoption);
    const cnIn = q.compute.CN.inflow;
    fill(
      body,
      h(
        'div',
        { class: 'rp-figs' },
        h(
          'div',
          {},
          h('h3', {}, 'Figures after the quarter'),
          kv([
            ['US lead', `${fixed(q.leadMonths, 1)} months`],
            ['Capability (US lab / PRC lab)', `${q.capability.USLAB.toFixed(2)} / ${q.capability.CNLAB.toFixed(2)}`],
            ['Tension', q.tension.toFixed(0)],
            ['Cooperation', q.cooperation.toFixed(0)],
            ['Misuse risk', pct(q.risk.misuse)],
            ['Racing pressure', pct(q.risk.racing)],
            ['Swing markets on democratic stacks', pct(swing)],
          ]),
        ),
        h(
          'div',
          {},
          h('h3', {}, 'Compute (H100e)'),
          kv([
            ['United States', compute(q.compute.US.stock)],
            ['China', compute(q.compute.CN.stock)],
            ['Allies', compute(q.compute.ALLIES.stock)],
            ['Hubs', compute(q.compute.HUB.stock)],
            ['PRC new: legal / domestic', `${compute(cnIn.legal)} / ${compute(cnIn.domestic)}`],
            ['PRC new: smuggled / offshore', `${compute(cnIn.smuggled)} / ${compute(cnIn.offshore)}`],
          ]),
          h('h3', {}, 'Democratic share by region'),
          kv(REGIONS.map((r) => [REGION_NAME[r], pct(q.adoption[r].democratic)] as [string, string])),
        ),
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'table compact rp-orders', 'data-testid': 'replay-orders' },
          h('caption', {}, `Every seat’s orders in ${q.quarter}`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Seat'), h('th', { scope: 'col' }, 'Orders'))),
          h(
            'tbody',
            {},
            SEATS.map((seat) => {
              const os = q.orders[seat] ?? [];
              return h('tr', {}, h('th', { scope: 'row' }, h('span', { 'aria-hidden': 'true' }, `${SIDE_GLYPH[SEAT_INFO[seat].side]} `), SEAT_INFO[seat].short), h('td', {}, os.length ? os.map(orderText).join(' · ') : h('span', { class: 'hint' }, 'none')));
            }),
          ),
        ),
      ),
      h('h3', {}, 'What happened'),
      q.events.length
        ? h(
            'ol',
            { class: 'events' },
            [...q.events].sort((a, b) => Number(a.kind === 'order') - Number(b.kind === 'order')).map((e) => h('li', { class: `event vis-${e.visibility}` }, h('span', { class: 'when' }, VIS_LABEL[e.visibility]), h('span', { class: 'badge' }, eventKindLabel(e.kind)), h('span', { class: 'text' }, e.text + rollText(e)))),
          )
        : h('p', { class: 'hint' }, 'Nothing recorded.'),
    );
  }

  const go = (i: number) => {
    const n = Math.max(0, Math.min(hist.length - 1, i));
    if (n === at && body.childElementCount) return;
    at = n;
    const had = document.activeElement;
    render();
    // A button that just became disabled (the first or last quarter) would drop focus to the page, and the
    // arrow keys with it: hand focus to the other button, or to the panel.
    if ((had === prev && prev.disabled) || (had === next && next.disabled)) {
      const other = had === prev ? next : prev;
      (other.disabled ? el : other).focus();
    }
  };
  prev.addEventListener('click', () => go(at - 1));
  next.addEventListener('click', () => go(at + 1));
  slider.addEventListener('input', () => go(Number(slider.value) - 1));
  el.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement && e.target !== slider) return;
    if (e.target === slider) return; // the slider handles its own arrows
    if (e.key === 'ArrowRight') go(at + 1);
    else if (e.key === 'ArrowLeft') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(hist.length - 1);
    else return;
    e.preventDefault();
  });

  return {
    el,
    set(history, n) {
      hist = history;
      note.textContent = n ?? '';
      at = Math.min(at, Math.max(0, hist.length - 1));
      render();
    },
  };
}
