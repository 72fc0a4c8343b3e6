import { differenceMargin, type Sensitivity } from '../../../../shared/analysis/index.js';
import { BUILTIN_SCENARIOS, OUTCOMES, OUTCOME_INFO, PARAM_KEYS, keyWords, paramValueText, type OutcomeId, type Scenario } from '../../../../shared/index.js';
import { h, fill, uid } from '../../dom.js';
import { pct } from '../../format.js';
import { tornado } from './charts.js';
import { runSensitivity, workerCount, type Run } from './pool.js';


/**
 * Which sourced parameters move the outcome odds most: each is set to the low and the high end of its
 * range, all else equal (shared `sensitivity`, run in the workers), and drawn as a tornado chart.
 */
export function sensitivityPanel(): { el: HTMLElement; setScenario(s: Scenario): void } {
  const id = uid('sens');
  // The built-ins, and the match's own scenario when it has one.
  const choices = new Map<string, Scenario>(BUILTIN_SCENARIOS.map((s) => [s.id, s]));
  const scenario = h('select', { id: `${id}-sc` }, BUILTIN_SCENARIOS.map((s) => h('option', { value: s.id }, s.name)));
  const matches = h('select', { id: `${id}-m` }, [10, 50, 200, 500, 1000].map((n) => h('option', { value: n, selected: n === 200 }, String(n))));
  const outcome = h('select', { id: `${id}-o` }, OUTCOMES.map((o) => h('option', { value: o }, OUTCOME_INFO[o].title)));
  const runBtn = h('button', { type: 'button', class: 'primary small' }, 'Run sensitivity');
  const cancel = h('button', { type: 'button', class: 'ghost small', hidden: true }, 'Cancel');
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Sensitivity progress', hidden: true });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const chart = h('div', { class: 'sens-chart', 'data-testid': 'tornado' });
  const table = h('div', { class: 'table-scroll' });
  const el = h(
    'section',
    { class: 'card analysis-sensitivity', 'aria-labelledby': `${id}-h`, 'data-testid': 'sensitivity' },
    h('h2', { id: `${id}-h` }, 'Sensitivity of the scenario'),
    h('p', { class: 'hint' }, 'Each sourced parameter is set to the low and then the high end of its range, all else equal; the same simulated matches are run at both ends. Parameters that swing the odds most come first. Few matches per end give a quick, rough picture: a swing within its ± (the 95% margin at that many matches) could be chance, and is drawn faded.'),
    h(
      'div',
      { class: 'row inline' },
      h('div', { class: 'field' }, h('label', { for: scenario.id }, 'Scenario'), scenario),
      h('div', { class: 'field narrow' }, h('label', { for: matches.id }, 'Matches per end'), matches),
      h('div', { class: 'field' }, h('label', { for: outcome.id }, 'Show the chance of'), outcome),
      runBtn,
      cancel,
    ),
    progress,
    status,
    chart,
    table,
  );
  let last: Sensitivity | null = null;
  let pickedOutcome = false;
  outcome.addEventListener('change', () => (pickedOutcome = true));
  let run: Run<Sensitivity> | null = null;

  /** How long the last run took, for the status line (which names the outcome shown). */
  let took = '';
  const draw = () => {
    if (!last || last.rows.length === 0) return;
    const o = outcome.value as OutcomeId;
    // While a run is under way, the status line is its progress.
    if (!run) status.textContent = `${took}Chance of ${OUTCOME_INFO[o].title} with every parameter at its base value: ${pct(last.baseline[o].p, 1)}.`;
    fill(chart, tornado(last, o, keyWords, (p1, p2) => differenceMargin(p1, p2, last!.matches)));
    fill(
      table,
      h(
        'table',
        { class: 'table compact' },
        h('caption', {}, `Parameters ranked by the largest move in any outcome (${last.matches} matches per end)`),
        h('thead', {}, h('tr', {}, ['Parameter', 'Range', 'Largest swing', 'Outcome it moves most', `${OUTCOME_INFO[o].title}: low → high`].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          last.rows.map((r) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, keyWords(r.param), h('span', { class: 'lever-kind' }, `source: ${r.source}`)),
              h('td', { class: 'num' }, `${paramValueText(r.param, r.low)} – ${paramValueText(r.param, r.high)} (base ${paramValueText(r.param, r.base)})`),
              h('td', { class: 'num' }, `${(r.swing * 100).toFixed(0)} ± ${(r.margin * 100).toFixed(0)} pts`, r.swing > 0 && r.swing <= r.margin ? h('span', { class: 'lever-kind' }, 'could be chance') : null),
              h('td', {}, r.swing > 0 ? OUTCOME_INFO[r.mostMoved].title : 'none moved'),
              h('td', { class: 'num' }, `${pct(r.oddsLow[o].p, 1)} → ${pct(r.oddsHigh[o].p, 1)}`),
            ),
          ),
        ),
      ),
    );
  };
  outcome.addEventListener('change', draw);
  cancel.addEventListener('click', () => run?.cancel());
  runBtn.addEventListener('click', async () => {
    const s = choices.get(scenario.value);
    if (!s) return;
    const n = Number(matches.value);
    const keys = PARAM_KEYS.filter((k) => s.params[k]?.range);
    runBtn.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    took = '';
    const forecasts = 1 + 2 * keys.length;
    progress.max = forecasts;
    progress.value = 0;
    const workers = Math.min(workerCount(), forecasts);
    status.textContent = `Running ${keys.length} parameters × 2 ends × ${n} matches, and the base case, on ${workers} worker${workers === 1 ? '' : 's'}…`;
    const t0 = performance.now();
    run = runSensitivity(s, n, `sensitivity|${s.id}`, keys, (p) => {
      progress.value = p.done;
      status.textContent = `${p.done} of ${p.total} forecasts done…`;
    });
    try {
      last = await run.promise;
      if (!pickedOutcome) {
        // Show the outcome the parameters move most, unless the reader chose one.
        const moved = (o: OutcomeId) => last!.rows.reduce((t, r) => t + Math.abs(r.oddsHigh[o].p - r.oddsLow[o].p), 0);
        outcome.value = [...OUTCOMES].sort((a, b) => moved(b) - moved(a))[0];
      }
      took = `Done in ${((performance.now() - t0) / 1000).toFixed(1)} s. `;
      run = null;
      draw();
    } catch (e) {
      status.textContent = e instanceof Error && e.message === 'cancelled' ? 'Cancelled.' : `The analysis failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      run = null;
      runBtn.disabled = false;
      cancel.hidden = true;
    }
  });
  return {
    el,
    setScenario(s) {
      if (!choices.has(s.id)) scenario.append(h('option', { value: s.id }, `${s.name} (this match’s own)`));
      choices.set(s.id, s);
      scenario.value = s.id;
    },
  };
}
