import type { MatchRecord } from '../../../../shared/analysis/index.js';
import { createWorld, MODEL_VERSION, type Doctrine, type WorldState } from '../../../../shared/index.js';
import { h } from '../../dom.js';
import type { AppState } from '../../store.js';
import { downloadsPanel } from './downloads.js';
import { forecastPanel, type Position } from './forecastPanel.js';
import { fetchInterventions, interventionsCard } from './interventions.js';
import { loadFinished, reportUrl, type Finished } from './record.js';
import { replayViewer } from './replayViewer.js';
import { sensitivityPanel } from './sensitivityPanel.js';
import { warmWorkers } from './pool.js';
import { whatIfPanel } from './whatIf.js';
import { scenarioOf } from '../../match-scenario.js';

/**
 * The after-action analysis on the end screen: downloads, Control's interventions, the replay viewer,
 * a forecast from any quarter, what-if and the scenario's sensitivity. Built once per end screen; the
 * heavy work runs in workers and only when asked.
 */
export function analysisSection(): { el: HTMLElement; update(s: AppState): void } {
  const downloads = downloadsPanel();
  const interventions = interventionsCard();
  const viewer = replayViewer();
  const forecast = forecastPanel({
    title: 'Forecast from any quarter',
    intro: 'Go back to any quarter of this match and ask what the odds were from there: thousands of continuations with bots in every seat, on every core of this computer.',
    seed: () => `forecast|${code}`,
    // The match's bots, if it gave them all one doctrine, play the continuations with it.
    doctrine: () => botDoctrine,
  });
  const whatIf = whatIfPanel();
  const sens = sensitivityPanel();
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const el = h(
    'section',
    { class: 'analysis', 'aria-labelledby': 'analysis-h', 'data-testid': 'analysis' },
    h('h2', { id: 'analysis-h', class: 'analysis-title' }, 'After-action analysis'),
    status,
    downloads.el,
    interventions.el,
    viewer.el,
    forecast.el,
    whatIf.el,
    h('details', { class: 'analysis-more' }, h('summary', {}, 'Sensitivity of the scenario (tornado chart)'), sens.el),
  );
  let code = '';
  let botDoctrine: Doctrine | undefined;
  let started = '';
  let interventionsOf = '';

  /** Control's interventions are kept by the server only: read them from its report.json, once per match. */
  function loadInterventions(c: string): void {
    interventionsOf = c;
    fetchInterventions(reportUrl(c, 'report.json')).then(
      (list) => {
        if (interventionsOf === c) interventions.show(list);
      },
      () => {
        if (interventionsOf === c) interventions.unavailable();
      },
    );
  }

  function positions(f: Finished): Position[] {
    // The opening as created (states[0] also carries Control's end when the match ended before any quarter).
    const out: Position[] = [{ label: 'The opening (before the first quarter)', state: createWorld(f.replayable.scenario, f.replayable.seed) }];
    f.states.slice(1).forEach((st: WorldState, i) => {
      if (!st.outcome) out.push({ label: `After ${st.history[i]?.quarter ?? `quarter ${i + 1}`}`, state: st });
    });
    return out;
  }

  return {
    el,
    update(s) {
      const m = s.match;
      const pub = s.pub;
      const c = m?.code || s.code || '';
      if (!m || m.phase !== 'finished' || !pub?.outcome || !c) return;
      const k = `${c}:${pub.reveal?.length ?? 0}`;
      if (k === started) return;
      started = k;
      code = c;
      if (interventionsOf !== c) loadInterventions(c);
      const scenario = scenarioOf(m);
      if (scenario) sens.setScenario(scenario);
      const reveal = pub.reveal ?? [];
      const fallback = { scenario, reveal, turns: m.turns };
      let recordP: Promise<MatchRecord | null> | null = null;
      downloads.set({
        code: c,
        scenario,
        turns: m.turns,
        reveal,
        outcome: pub.outcome,
        scores: pub.scores ?? null,
        record: () => (recordP ??= loadFinished(c, fallback).then((f) => (f.source === 'server' ? f.record : null))),
      });
      viewer.set(reveal, 'Loading the match record…');
      status.textContent = 'Loading the match record…';
      loadFinished(c, fallback).then(
        (f) => {
          const differs = !f.faithful
            ? f.source === 'reveal'
              ? 'The server’s record could not be loaded; the replays below use the revealed orders with an unknown seed, so they are approximate.'
              : departsText(f.record.model, f.divergesAt)
            : '';
          status.textContent = differs || `Match record loaded: ${f.record.turns.length} quarter${f.record.turns.length === 1 ? '' : 's'}, seed ${f.record.seed}.`;
          // The viewer shows the quarters as the table played them (the reveal is the truth), or the rebuilt ones.
          viewer.set(reveal.length ? reveal : f.states[f.states.length - 1].history, differs);
          botDoctrine = f.replayable.botDoctrine;
          warmWorkers(f.states[0]);
          forecast.setPositions(positions(f), Math.max(0, Math.min(positions(f).length - 1, 1)));
          whatIf.set(f.replayable, f.states, differs);
        },
        (e: unknown) => {
          status.textContent = `The match record is unavailable (${e instanceof Error ? e.message : String(e)}); the replay shows the revealed quarters only.`;
          viewer.set(reveal);
        },
      );
    },
  };
}

/** Why a replay departs from what the table saw: the record was made under another model version than this page runs. */
function departsText(recorded: number | undefined, from: number | null): string {
  const why =
    recorded === undefined
      ? `the record was made before model versions were kept, and this page replays it under version ${MODEL_VERSION}`
      : recorded !== MODEL_VERSION
        ? `the record was made under model version ${recorded}, and this page replays it under version ${MODEL_VERSION}`
        : 'the record does not reproduce it';
  return `Rebuilt from the record, this match departs from what the table saw from quarter ${from ?? '?'} on: ${why}. The quarters shown are the ones played; replays and what-ifs use the rebuilt figures.`;
}
