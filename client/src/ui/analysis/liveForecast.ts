import type { Room } from 'colyseus.js';
import { MSG, SMSG, type LiveForecast, type ServerError } from '../../../../shared/index.js';
import { h, fill, scrollBox, uid } from '../../dom.js';
import { onRoom, sendMessage } from '../../net/connection.js';
import type { AppState } from '../../store.js';
import { lineChart, oddsTable } from './charts.js';
import { OKABE } from '../../palette.js';

const SIZES = [1000, 2000, 5000, 10000];

/** Forecast replies are taken from every room this client attaches to; the panels on screen subscribe. */
const subscribers = new Set<(f: LiveForecast) => void>();
onRoom((room: Room) => {
  room.onMessage(SMSG.forecast, (msg: LiveForecast) => subscribers.forEach((fn) => fn(msg)));
});

/**
 * The live forecast: the server plays seeded bot continuations from the true position (which only it
 * holds) and answers with the outcome odds. Control always has it and decides whether players may;
 * in a match without Control it is open to everyone.
 */
export function liveForecastPanel(opts: { control: boolean }): { el: HTMLElement; update(s: AppState): void } {
  const id = uid('live-fc');
  const size = h('select', { id: `${id}-n`, name: 'n' }, SIZES.map((n) => h('option', { value: n, selected: n === 2000 }, n.toLocaleString('en-US'))));
  const runBtn = h('button', { type: 'button', class: 'primary small', 'data-testid': 'live-forecast-run' }, 'Forecast from now');
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'fc-result', 'data-testid': 'live-forecast-result' });
  const stale = h('p', { class: 'hint warn', 'data-testid': 'live-forecast-stale', hidden: true });
  const open = h('input', { type: 'checkbox', id: `${id}-open`, 'data-testid': 'live-forecast-open' });
  const openRow = opts.control ? h('p', {}, open, ' ', h('label', { for: `${id}-open` }, 'Let players run live forecasts')) : null;
  const el = h(
    'section',
    { class: 'card live-forecast', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, 'Live forecast'),
    h('p', { class: 'hint' }, 'The odds of each outcome at the end of the match, from the true position now, with bots playing every seat from here. The server runs it and sends players the odds only; Control also sees the mean lead ahead, which starts from the true lead.'),
    openRow,
    h('p', { class: 'fc-controls' }, h('label', { for: size.id }, 'Continuations '), size, ' ', runBtn),
    status,
    stale,
    result,
  );
  let waiting = false;
  /** The quarters resolved when the odds on screen were forecast (null: none shown). */
  let shownTurn: number | null = null;
  let last: { control: boolean; open: boolean } | null = null;

  const finish = () => {
    waiting = false;
    runBtn.disabled = false;
  };
  subscribers.add((msg: LiveForecast) => {
    if (!el.isConnected) return;
    {
      finish();
      const f = msg.forecast;
      shownTurn = msg.turn;
      markStale(msg.turn);
      status.textContent = `${f.n.toLocaleString('en-US')} continuations from ${msg.quarter} (after ${msg.turn} quarter${msg.turn === 1 ? '' : 's'}), in ${(msg.ms / 1000).toFixed(1)} s.`;
      const leads = f.meanLead.filter(Number.isFinite);
      fill(
        result,
        scrollBox(`Outcome odds from ${msg.quarter}`, oddsTable(f.odds, f.n, { caption: `Outcome odds from ${msg.quarter}`, testid: 'live-forecast-odds' })),
        // In Control's narrow column the chart keeps a readable size and scrolls sideways.
        leads.length > 1 ? scrollBox('Mean lead in the continuations', h('div', { class: 'lf-chart' }, lineChart('Mean lead in the continuations, by quarter ahead', f.meanLead.map((_, i) => `+${i + 1}`), [{ name: 'Mean lead', values: f.meanLead.map((x) => (Number.isFinite(x) ? x : null)), colour: OKABE.sky }], { unit: 'months' }))) : null,
      );
    }
  });

  runBtn.addEventListener('click', () => {
    if (waiting) return;
    if (sendMessage(MSG.forecast, { n: Number(size.value) })) {
      waiting = true;
      runBtn.disabled = true;
      status.textContent = 'Running on the server…';
    }
  });
  open.addEventListener('change', () => {
    sendMessage(MSG.forecastAccess, { players: open.checked });
  });

  /** Odds from an earlier quarter stay on screen, marked as such, until they are run again. */
  function markStale(turn: number | null) {
    const old = shownTurn !== null && turn !== null && turn !== shownTurn;
    stale.hidden = !old;
    result.classList.toggle('stale', old);
    stale.textContent = old ? 'These odds are from an earlier quarter: the match has moved on since. Run the forecast again for odds from now.' : '';
  }

  return {
    el,
    update(s) {
      const m = s.match;
      if (m) markStale(m.turn);
      const err: ServerError | null = s.error;
      if (waiting && err && err.ref === MSG.forecast) {
        finish();
        status.textContent = err.message;
      }
      const canRun = !!m && m.phase !== 'lobby' && (opts.control || m.forecastOpen);
      el.hidden = !canRun;
      const now = { control: opts.control, open: !!m?.forecastOpen };
      if (!last || last.open !== now.open) open.checked = now.open;
      last = now;
    },
  };
}
