import { describe, expect, it } from 'vitest';
import { builtinScenario, createWorld, playBotMatch, OUTCOMES, type WorldState } from '../../shared/index.js';
import { forecast, mergeForecasts, scenarioForecast, wilson } from '../../shared/analysis/index.js';

const baseline = builtinScenario('baseline')!;

/** One quarter before the end, with a commanding lead, calm relations and low risk: only one outcome is possible. */
function forcedDemocraticLead(): WorldState {
  const s = createWorld(baseline, 'forced');
  const lastTurn = s.turns - 1;
  return {
    ...s,
    turn: lastTurn,
    leadMonths: 40,
    // Lower PRC efficiency as well, or its compute-derived capability would override the set gap.
    labs: { ...s.labs, CNLAB: { ...s.labs.CNLAB, capability: s.labs.USLAB.capability - 40 * 0.31, efficiencyLog2: s.labs.CNLAB.efficiencyLog2 - 20 } },
    adoption: { ALLIES: { democratic: 0.99, prc: 0.01 }, HUBS: { democratic: 0.99, prc: 0.01 }, SOUTH: { democratic: 0.99, prc: 0.01 }, CHINA: { democratic: 0.05, prc: 0.95 } },
    tension: 0,
    cooperation: 0,
    risk: { racing: 0, misuse: 0, incidents: 0 },
  };
}

describe('forecast', () => {
  it('gives a finished match its outcome at 100%', () => {
    const done = playBotMatch(baseline, 'finished-1');
    const f = forecast(done, 200, { seed: 'x' });
    expect(f.odds[done.outcome!.id].p).toBe(1);
    expect(f.odds[done.outcome!.id].count).toBe(200);
  });

  it('gives a forced position its outcome at 100%', () => {
    const f = forecast(forcedDemocraticLead(), 300, { seed: 'forced' });
    expect(f.odds['democratic-lead'].p).toBe(1);
    expect(f.odds['democratic-lead'].low).toBeGreaterThan(0.98);
    for (const o of OUTCOMES) if (o !== 'democratic-lead') expect(f.odds[o].count).toBe(0);
  });

  it('gives the same odds for the same seeds, and other odds for another seed', () => {
    const start = createWorld(baseline, 'm1');
    const a = forecast(start, 300, { seed: 'f1' });
    const b = forecast(start, 300, { seed: 'f1' });
    const c = forecast(start, 300, { seed: 'f2' });
    expect(b).toEqual(a);
    expect(OUTCOMES.some((o) => c.odds[o].count !== a.odds[o].count)).toBe(true);
  });

  it('splits into batches that merge to the same forecast', () => {
    const start = createWorld(baseline, 'm2');
    const whole = forecast(start, 120, { seed: 'b' });
    const parts = mergeForecasts([forecast(start, 120, { seed: 'b', range: [0, 50] }), forecast(start, 120, { seed: 'b', range: [50, 120] })]);
    for (const o of OUTCOMES) expect(parts.odds[o].count).toBe(whole.odds[o].count);
    expect(parts.n).toBe(120);
    parts.meanLead.forEach((x, k) => expect(x).toBeCloseTo(whole.meanLead[k], 9));
  });

  it('counts every continuation exactly once and the odds sum to 1', () => {
    const f = forecast(createWorld(baseline, 'm3'), 250, { seed: 's' });
    expect(OUTCOMES.reduce((t, o) => t + f.odds[o].count, 0)).toBe(250);
    expect(OUTCOMES.reduce((t, o) => t + f.odds[o].p, 0)).toBeCloseTo(1, 12);
    expect(f.meanLead).toHaveLength(baseline.turns);
  });
});

describe('Wilson confidence interval', () => {
  it('matches a published value (10 of 100 at 95%: 0.0552 to 0.1744)', () => {
    const w = wilson(10, 100);
    expect(w.p).toBe(0.1);
    expect(w.low).toBeCloseTo(0.0552, 3);
    expect(w.high).toBeCloseTo(0.1744, 3);
  });
  it('stays inside [0, 1] at the extremes and narrows with more samples', () => {
    expect(wilson(0, 50).low).toBe(0);
    expect(wilson(50, 50).high).toBe(1);
    const small = wilson(30, 100);
    const large = wilson(300, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(small.low).toBeLessThan(0.3);
    expect(small.high).toBeGreaterThan(0.3);
  });
});

describe('the odds of a scenario itself', () => {
  it('count the very matches `npm run sim` plays (match i from seed "<seed>-<i>"), each from an opening of its own', () => {
    const f = scenarioForecast(baseline, 60, { seed: 'own' });
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
    for (let i = 0; i < 60; i++) counts[playBotMatch(baseline, `own-${i}`, { record: false }).outcome!.id] += 1;
    for (const o of OUTCOMES) expect(f.odds[o].count, o).toBe(counts[o]);
    expect(f.fromTurn).toBe(0);
    expect(f.leadSamples[0]).toBe(60);
  });

  it('merge from disjoint batches into the whole, and differ from one opening’s continuations', () => {
    const whole = scenarioForecast(baseline, 90, { seed: 'b' });
    const merged = mergeForecasts([scenarioForecast(baseline, 90, { seed: 'b', range: [0, 40] }), scenarioForecast(baseline, 90, { seed: 'b', range: [40, 90] })]);
    expect(merged.odds).toEqual(whole.odds);
    expect(merged.leadSamples).toEqual(whole.leadSamples);
    merged.meanLead.forEach((x, k) => expect(x).toBeCloseTo(whole.meanLead[k], 9));
    const oneOpening = forecast(createWorld(baseline, 'b-0'), 90, { seed: 'b' });
    expect(OUTCOMES.some((o) => oneOpening.odds[o].count !== whole.odds[o].count)).toBe(true);
  });
});
