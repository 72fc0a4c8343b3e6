import { describe, expect, it } from 'vitest';
import { createWorld, resolveQuarter, swingDemocratic, type WorldState } from '../../shared/index.js';
import { calm, run, scenario, worldWith } from './helpers.js';

// What a policy analyst expects, one lever at a time. Each pair of worlds shares its seed, so every random
// draw (events, efficiency, rolls) is the same; only the lever differs.
const SEED = 'direction';
const last = (xs: WorldState[]) => xs[xs.length - 1];
const sum = (xs: WorldState[], f: (s: WorldState) => number) => xs.slice(1).reduce((t, s) => t + f(s), 0);
const cnSmuggling = { CN: [{ action: 'cn-smuggling', intensity: 2 }] };
const cnOffshore = { CN: [{ action: 'cn-offshore-rental', intensity: 2 }] };
const cnDistill = { CNLAB: [{ action: 'cnlab-distillation', intensity: 3 }] };

describe('policy directions', () => {
  it('tighter enforcement lowers smuggled compute', () => {
    const lo = run(worldWith('baseline', SEED, { US: { enforcement: 0.1 } }), 4, cnSmuggling);
    const hi = run(worldWith('baseline', SEED, { US: { enforcement: 0.9 } }), 4, cnSmuggling);
    expect(sum(hi, (s) => s.compute.CN.inflow.smuggled)).toBeLessThan(sum(lo, (s) => s.compute.CN.inflow.smuggled));
  });

  it('chip tracking lowers smuggling', () => {
    const lo = run(worldWith('baseline', SEED, { US: { chipTracking: 0 } }), 4, cnSmuggling);
    const hi = run(worldWith('baseline', SEED, { US: { chipTracking: 1 } }), 4, cnSmuggling);
    expect(sum(hi, (s) => s.compute.CN.inflow.smuggled)).toBeLessThan(sum(lo, (s) => s.compute.CN.inflow.smuggled));
  });

  it('sustained enforcement wears smuggling networks down over time', () => {
    const lo = run(worldWith('baseline', SEED, { US: { enforcement: 0.1 } }), 6, cnSmuggling);
    const hi = run(worldWith('baseline', SEED, { US: { enforcement: 0.9 } }), 6, cnSmuggling);
    expect(last(hi).supply.smugglingReach).toBeLessThan(last(lo).supply.smugglingReach);
    const ratio = (q: number) => hi[q].compute.CN.inflow.smuggled / lo[q].compute.CN.inflow.smuggled;
    expect(ratio(6)).toBeLessThan(ratio(1));
  });

  it('remote-access rules lower offshore compute', () => {
    const lo = run(worldWith('baseline', SEED, { US: { remoteAccessRules: 0 } }), 4, cnOffshore);
    const hi = run(worldWith('baseline', SEED, { US: { remoteAccessRules: 1 } }), 4, cnOffshore);
    expect(sum(hi, (s) => s.compute.CN.inflow.offshore)).toBeLessThan(sum(lo, (s) => s.compute.CN.inflow.offshore));
  });

  it('hub KYC lowers offshore compute', () => {
    const lo = run(worldWith('baseline', SEED, { HUB: { hubKyc: 0 } }), 4, cnOffshore);
    const hi = run(worldWith('baseline', SEED, { HUB: { hubKyc: 1 } }), 4, cnOffshore);
    expect(sum(hi, (s) => s.compute.CN.inflow.offshore)).toBeLessThan(sum(lo, (s) => s.compute.CN.inflow.offshore));
  });

  it('chip export controls lower legal purchases', () => {
    const lo = run(worldWith('baseline', SEED, { US: { chipControls: 0.2 } }), 3);
    const hi = run(worldWith('baseline', SEED, { US: { chipControls: 0.9 } }), 3);
    expect(last(hi).compute.CN.inflow.legal).toBeLessThan(last(lo).compute.CN.inflow.legal);
  });

  it('stronger distillation defences lower extracted capability', () => {
    const lo = run(worldWith('baseline', SEED, { USLAB: { distillationDefences: 0 } }), 4, cnDistill);
    const hi = run(worldWith('baseline', SEED, { USLAB: { distillationDefences: 1 } }), 4, cnDistill);
    expect(last(hi).totals.extracted).toBeLessThan(last(lo).totals.extracted);
  });

  it('an anti-distillation law lowers extracted capability', () => {
    const lo = run(worldWith('baseline', SEED, { US: { antiDistillationLaw: 0 } }), 4, cnDistill);
    const hi = run(worldWith('baseline', SEED, { US: { antiDistillationLaw: 1 } }), 4, cnDistill);
    expect(last(hi).totals.extracted).toBeLessThan(last(lo).totals.extracted);
  });

  it('a distillation campaign closes the gap without compute', () => {
    const none = run(worldWith('baseline', SEED), 4);
    const dist = run(worldWith('baseline', SEED), 4, cnDistill);
    expect(last(dist).leadMonths).toBeLessThan(last(none).leadMonths);
    expect(last(dist).compute.CN.stock).toBeCloseTo(last(none).compute.CN.stock, 6);
  });

  it('a smaller lead lowers lab safety (racing pressure)', () => {
    const small = run(calm(createWorld({ ...scenario('baseline'), start: { ...scenario('baseline').start, leadMonths: { value: 1, source: 'test' } } }, SEED)), 3);
    const large = run(calm(createWorld({ ...scenario('baseline'), start: { ...scenario('baseline').start, leadMonths: { value: 16, source: 'test' } } }, SEED)), 3);
    expect(last(small).risk.racing).toBeGreaterThan(last(large).risk.racing);
    expect(last(small).labs.USLAB.safety).toBeLessThan(last(large).labs.USLAB.safety);
    expect(last(small).labs.CNLAB.safety).toBeLessThan(last(large).labs.CNLAB.safety);
  });

  it('allied SME and HBM alignment lowers PRC domestic output, more so over time', () => {
    const open = worldWith('baseline', SEED, { JK: { hbmAlignment: 0.1, jkSmeAlignment: 0.1 }, EU: { lithoAlignment: 0.1 } });
    const shut = worldWith('baseline', SEED, { JK: { hbmAlignment: 0.9, jkSmeAlignment: 0.9 }, EU: { lithoAlignment: 0.9 } });
    const a = run(open, 8);
    const b = run(shut, 8);
    const ratio = (q: number) => b[q].compute.CN.inflow.domestic / a[q].compute.CN.inflow.domestic;
    expect(ratio(8)).toBeLessThan(1);
    expect(ratio(8)).toBeLessThan(ratio(1));
    expect(last(b).supply.hbmAccess).toBeLessThan(last(a).supply.hbmAccess);
  });

  it('export programmes raise democratic adoption', () => {
    const lo = run(worldWith('baseline', SEED, { US: { usExportProgramme: 0 } }), 4);
    const hi = run(worldWith('baseline', SEED, { US: { usExportProgramme: 1 } }), 4);
    expect(swingDemocratic(last(hi))).toBeGreaterThan(swingDemocratic(last(lo)));
  });

  it('PRC open weights erode democratic adoption in the swing markets over time', () => {
    const closed = run(worldWith('baseline', SEED, { CNLAB: { cnOpenWeights: 0 } }), 6);
    const open = run(worldWith('baseline', SEED, { CNLAB: { cnOpenWeights: 1 } }), 6);
    expect(swingDemocratic(last(open))).toBeLessThan(swingDemocratic(last(closed)));
  });

  it('open weights near the frontier raise misuse risk', () => {
    const near = () => calm(createWorld({ ...scenario('baseline'), start: { ...scenario('baseline').start, leadMonths: { value: 2, source: 'test' } } }, SEED));
    const closed = near();
    const open = near();
    open.levers.CNLAB.cnOpenWeights = 1;
    closed.levers.CNLAB.cnOpenWeights = 0;
    expect(last(run(open, 3)).risk.misuse).toBeGreaterThan(last(run(closed, 3)).risk.misuse);
    const usOpen = worldWith('baseline', SEED, { USLAB: { usOpenWeights: 1 } });
    expect(last(run(usOpen, 3)).risk.misuse).toBeGreaterThan(last(run(worldWith('baseline', SEED, { USLAB: { usOpenWeights: 0 } }), 3)).risk.misuse);
  });

  it('safety evaluations raise lab safety and lower misuse risk', () => {
    const lo = run(worldWith('baseline', SEED, { USLAB: { usSafetyEvals: 0 }, CNLAB: { cnSafetyEvals: 0 } }), 4);
    const hi = run(worldWith('baseline', SEED, { USLAB: { usSafetyEvals: 1 }, CNLAB: { cnSafetyEvals: 1 } }), 4);
    expect(last(hi).labs.USLAB.safety).toBeGreaterThan(last(lo).labs.USLAB.safety);
    expect(last(hi).risk.misuse).toBeLessThan(last(lo).risk.misuse);
  });

  it('Strait pressure raises tension', () => {
    const calm = run(worldWith('baseline', SEED), 2);
    const push = run(worldWith('baseline', SEED), 2, { CN: [{ action: 'cn-strait-pressure', intensity: 3 }] });
    expect(last(push).tension).toBeGreaterThan(last(calm).tension);
  });

  it('tighter controls raise the level tension settles at', () => {
    const lo = run(worldWith('baseline', SEED, { US: { chipControls: 0, smeControls: 0, remoteAccessRules: 0 } }), 6);
    const hi = run(worldWith('baseline', SEED, { US: { chipControls: 1, smeControls: 1, remoteAccessRules: 1 } }), 6);
    expect(last(hi).tension).toBeGreaterThan(last(lo).tension);
  });

  it('diplomacy raises cooperation, and two-sided diplomacy far more than one-sided', () => {
    const none = run(worldWith('baseline', SEED), 3);
    const one = run(worldWith('baseline', SEED), 3, { US: [{ action: 'us-diplomacy', intensity: 3 }] });
    const both = run(worldWith('baseline', SEED), 3, { US: [{ action: 'us-diplomacy', intensity: 3 }], CN: [{ action: 'cn-diplomacy', intensity: 3 }] });
    expect(last(one).cooperation).toBeGreaterThan(last(none).cooperation);
    expect(last(both).cooperation - last(none).cooperation).toBeGreaterThan(2 * (last(one).cooperation - last(none).cooperation));
  });

  it('the lead grows with closed loopholes and shrinks with open ones', () => {
    const open = run(calm(createWorld(scenario('loopholes-open'), SEED)), 10);
    const shut = run(calm(createWorld(scenario('controls-tightened'), SEED)), 10);
    expect(last(shut).leadMonths).toBeGreaterThan(last(open).leadMonths + 5);
  });

  it('intelligence effort raises detection of smuggling', () => {
    const base = worldWith('baseline', SEED);
    const odds = (intel: number) => {
      const r = resolveQuarter(base, { CN: [{ action: 'cn-smuggling', intensity: 2 }], US: intel ? [{ action: 'us-intel', intensity: intel }] : [] });
      return r.state.intel.US;
    };
    expect(odds(3)).toBeGreaterThan(odds(0));
  });
});
