import { parentPort } from 'node:worker_threads';
import { forecast, scenarioForecast, type ForecastOptions } from '../../shared/analysis/forecast.js';
import { sensitivityForecast, type SensitivityCase } from '../../shared/analysis/sensitivity.js';
import type { Scenario } from '../../shared/scenario.js';
import { builtinScenario } from '../../shared/scenarios.js';
import { playBotMatch, quarterStreams } from '../../shared/match.js';
import type { WorldState } from '../../shared/state.js';
import { rngFor } from '../../shared/rng.js';

/** The purposes a quarter opens streams for (see docs/MODEL.md, Randomness). */
const STREAM_PURPOSES = quarterStreams();

export type ForecastJob = { id: number; kind: 'forecast'; position: WorldState; n: number; options: ForecastOptions };
/** A scenario's own odds: matches each from an opening of its own (`scenarioForecast`). */
export type ScenarioForecastJob = { id: number; kind: 'scenario-forecast'; scenario: Scenario; n: number; options: ForecastOptions };
/** One of a sensitivity's forecasts, whole (`sensitivityForecast`). */
export type SensitivityCaseJob = { id: number; kind: 'sensitivity-case'; case: SensitivityCase; matches: number; seed: string };
/** Play `n` full bot matches and report how long they took and how many quarters they lasted (for the benchmark). */
export type ThroughputJob = { id: number; kind: 'throughput'; scenario: string; n: number; seed: string };
/** Open `n` random streams the way a quarter does, one draw each, and report how long it took (for the benchmark). */
export type StreamsJob = { id: number; kind: 'streams'; n: number };
export type WorkerJob = ForecastJob | ScenarioForecastJob | SensitivityCaseJob | ThroughputJob | StreamsJob;

parentPort!.on('message', (job: WorkerJob) => {
  try {
    if (job.kind === 'forecast') {
      parentPort!.postMessage({ id: job.id, result: forecast(job.position, job.n, job.options) });
      return;
    }
    if (job.kind === 'scenario-forecast') {
      parentPort!.postMessage({ id: job.id, result: scenarioForecast(job.scenario, job.n, job.options) });
      return;
    }
    if (job.kind === 'sensitivity-case') {
      parentPort!.postMessage({ id: job.id, result: sensitivityForecast(job.case, job.matches, job.seed) });
      return;
    }
    if (job.kind === 'streams') {
      const t0 = performance.now();
      let sink = 0;
      for (let i = 0; i < job.n; i++) sink += rngFor(`bench|seed|0|${i % 1000}`, i % 10, STREAM_PURPOSES[i % STREAM_PURPOSES.length])();
      parentPort!.postMessage({ id: job.id, result: { ms: performance.now() - t0, sink } });
      return;
    }
    const scenario = builtinScenario(job.scenario);
    if (!scenario) throw new Error(`unknown scenario "${job.scenario}"`);
    const t0 = performance.now();
    let quarters = 0;
    for (let i = 0; i < job.n; i++) quarters += playBotMatch(scenario, `${job.seed}-${i}`, { record: false }).turn;
    parentPort!.postMessage({ id: job.id, result: { ms: performance.now() - t0, quarters } });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
