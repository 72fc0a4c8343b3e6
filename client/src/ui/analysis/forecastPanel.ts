import type { Forecast } from '../../../../shared/analysis/index.js';
import { OUTCOME_INFO, type Doctrine } from '../../../../shared/index.js';
import { h, fill, uid } from '../../dom.js';
import type { AppState } from '../../store.js';
import { lineChart, oddsTable } from './charts.js';
import { runForecast, workerCount, type ForecastFrom, type Run } from './pool.js';
import { OKABE } from '../../palette.js';
import { scenarioOf } from '../../match-scenario.js';

export type Position = { label: string } & ForecastFrom;

/**
 * Runs a forecast in the workers with a progress bar, and shows the odds (each with its 95% interval)
 * as they firm up. The page stays responsive: all the simulation happens off the main thread.
 */
export function forecastRunner(opts: { testid?: string; caption?: string } = {}): { el: HTMLElement; run(from: ForecastFrom, n: number, seed: string, doctrine?: Doctrine): Promise<Forecast | null>; cancel(): void } {
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Forecast progress' });
  const progressText = h('span', { class: 'hint', 'aria-live': 'polite' });
  const progressRow = h('div', { class: 'fc-progress', hidden: true }, progress, progressText);
  const result = h('div', { class: 'fc-result', 'data-testid': opts.testid ?? 'forecast-result' });
  const decided = h('p', { class: 'hint', hidden: true });
  const el = h('div', { class: 'fc-runner' }, decided, progressRow, result);
  let current: Run<Forecast> | null = null;

  function show(f: Forecast, final: boolean) {
    const leads = f.meanLead.filter(Number.isFinite);
    fill(
      result,
      oddsTable(f.odds, f.n, { caption: `${opts.caption ?? 'Outcome odds'} — ${f.n.toLocaleString('en-US')} continuations${final ? '' : ' so far'}`, testid: `${opts.testid ?? 'forecast'}-odds` }),
      leads.length > 1 ? lineChart('Mean lead in the continuations, by quarter ahead', f.meanLead.map((_, i) => `+${i + 1}`), [{ name: 'Mean lead', values: f.meanLead.map((x) => (Number.isFinite(x) ? x : null)), colour: OKABE.sky }], { unit: 'months' }) : null,
    );
    result.dataset.state = final ? 'done' : 'running';
  }

  return {
    el,
    async run(from, n, seed, doctrine) {
      current?.cancel();
      // A line that has already ended has nothing left to simulate: every continuation is its outcome.
      const o = 'state' in from ? from.state.outcome : null;
      decided.hidden = !o;
      decided.textContent = o ? `This line had already ended after quarter ${o.turn}: ${OUTCOME_INFO[o.id].title}. Every continuation gives it.` : '';
      const t0 = performance.now();
      const workers = Math.min(workerCount(), Math.max(1, Math.ceil(n / 50)));
      progressRow.hidden = false;
      progress.max = n;
      progress.value = 0;
      progressText.textContent = `Starting ${workers} worker${workers === 1 ? '' : 's'}…`;
      result.dataset.state = 'running';
      // The page redraws the odds a few times a second, not at every batch: on a machine with few cores its
      // drawing takes time from the workers.
      let drawn = 0;
      const run = runForecast(from, n, seed, (p, sofar) => {
        const now = performance.now();
        if (now - drawn < PROGRESS_MS) return;
        drawn = now;
        progress.value = p.done;
        progressText.textContent = `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} continuations · ${workers} worker${workers === 1 ? '' : 's'}`;
        show(sofar(), false);
      }, doctrine);
      current = run;
      try {
        const f = await run.promise;
        if (current !== run) return null;
        progress.value = n;
        progressText.textContent = `${n.toLocaleString('en-US')} continuations in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'}.`;
        show(f, true);
        return f;
      } catch (e) {
        if (current === run) {
          progressText.textContent = e instanceof Error && e.message === 'cancelled' ? 'Cancelled.' : `The forecast failed: ${e instanceof Error ? e.message : String(e)}`;
          result.dataset.state = 'stopped';
        }
        return null;
      } finally {
        if (current === run) current = null;
      }
    },
    cancel() {
      current?.cancel();
    },
  };
}

const SIZES = [500, 1000, 2000, 5000, 10_000];
/** Least time between two redraws of a running forecast's odds. */
const PROGRESS_MS = 300;

/** Pick a position (a quarter of the match), a number of continuations, run. */
export function forecastPanel(opts: { title?: string; intro?: string; seed: () => string; doctrine?: () => Doctrine | undefined; headingLevel?: 'h2' | 'h3' }): { el: HTMLElement; setPositions(list: Position[], selected?: number): void } {
  const id = uid('fc');
  const from = h('select', { id: `${id}-from`, name: 'from' });
  const size = h('select', { id: `${id}-n`, name: 'n' }, SIZES.map((n) => h('option', { value: n, selected: n === 1000 }, n.toLocaleString('en-US'))));
  const runBtn = h('button', { type: 'button', class: 'primary small' }, 'Run forecast');
  const cancel = h('button', { type: 'button', class: 'ghost small', hidden: true }, 'Cancel');
  const runner = forecastRunner({ testid: 'forecast' });
  const el = h(
    'section',
    { class: 'card analysis-forecast', 'aria-labelledby': `${id}-h`, 'data-testid': 'forecast-panel' },
    h(opts.headingLevel ?? 'h2', { id: `${id}-h` }, opts.title ?? 'Forecast'),
    h('p', { class: 'hint' }, opts.intro ?? 'Thousands of simulated continuations with bots in every seat give the odds of each outcome at the end of the match, with 95% intervals.'),
    h('div', { class: 'row inline' }, h('div', { class: 'field' }, h('label', { for: from.id }, 'Forecast from'), from), h('div', { class: 'field narrow' }, h('label', { for: size.id }, 'Continuations'), size), runBtn, cancel),
    runner.el,
  );
  let positions: Position[] = [];
  runBtn.addEventListener('click', async () => {
    const p = positions[Number(from.value)];
    if (!p) return;
    runBtn.disabled = true;
    cancel.hidden = false;
    await runner.run(p, Number(size.value), `${opts.seed()}|${'state' in p ? p.state.turn : 0}`, opts.doctrine?.());
    runBtn.disabled = positions.length === 0;
    cancel.hidden = true;
  });
  cancel.addEventListener('click', () => runner.cancel());
  runBtn.disabled = true;
  return {
    el,
    setPositions(list, selected) {
      positions = list;
      fill(from, list.map((p, i) => h('option', { value: i }, p.label)));
      if (selected !== undefined) from.value = String(selected);
      runBtn.disabled = list.length === 0;
    },
  };
}

/**
 * For Control during a live exercise. The client holds only public figures (the true world stays on
 * the server, whose live forecast Control runs in its own panel): this gives the scenario's own odds, each
 * simulated match from an opening of its own; once the match is over, the end screen forecasts from any
 * quarter of the record.
 */
export function forecastLauncher(): { el: HTMLElement; update(s: AppState): void } {
  const panel = forecastPanel({
    title: 'Forecast (opening odds)',
    intro: 'The odds of each outcome of this scenario, bots in every seat, each simulated match from an opening of its own. The live forecast above starts from where this match stands.',
    seed: () => `opening|${key}`,
    doctrine: () => doctrine,
  });
  const el = h('details', { class: 'ctl-forecast' }, h('summary', {}, 'Forecast the scenario (runs on this computer)'), panel.el);
  let key = '';
  let doctrine: Doctrine | undefined;
  return {
    el,
    update(s) {
      const m = s.match;
      if (!m) return;
      // A match whose bots all play one doctrine is forecast with it (Control alone is told which).
      doctrine = s.you?.botDoctrine;
      const k = `${m.scenarioId}:${m.turns}${doctrine ? `:${doctrine}` : ''}`;
      if (k === key) return;
      key = k;
      const scenario = scenarioOf(m);
      if (!scenario) return panel.setPositions([]);
      panel.setPositions([{ label: `${scenario.name}: ${m.turns} quarters from the opening${doctrine ? `, every bot a ${doctrine}` : ''}`, scenario: { ...scenario, turns: m.turns } }], 0);
    },
  };
}
