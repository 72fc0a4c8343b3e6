import { describe, expect, it } from 'vitest';
import { SEATS, assignDoctrines, createWorld, detectionOdds, playBotMatch, playQuarter, publicView, seatView, type WorldState } from '../../shared/index.js';
import { scenario } from './helpers.js';

function match(seed: string, agendas: 'draw' | 'none' = 'draw'): WorldState {
  return playBotMatch(scenario('baseline'), seed, { agendas });
}

describe('fog of war', () => {
  it("a seat never sees another seat's private or covert events, nor the true actor of acts it did not take", () => {
    for (let i = 0; i < 20; i++) {
      const s = match(`fog-${i}`);
      for (const seat of SEATS) {
        const v = seatView(s, seat);
        for (const e of v.events) {
          if (e.visibility !== 'public') expect(e.audience, `${seat} sees ${e.kind}`).toContain(seat);
          if (e.actor !== undefined) expect(e.actor).toBe(seat);
        }
      }
      const pub = publicView({ ...s, outcome: null });
      for (const e of pub.events) {
        expect(e.visibility).toBe('public');
        expect(e.actor).toBeUndefined();
      }
    }
  });

  it('covert orders appear only to their actor until detected; a detection is public and may be misattributed', () => {
    let detections = 0;
    for (let i = 0; i < 30; i++) {
      const s = match(`covert-${i}`);
      for (const h of s.history) {
        for (const e of h.events) {
          if (e.kind === 'order' && e.visibility === 'covert') {
            for (const seat of SEATS) if (seat !== e.actor) expect(seatView(s, seat).events).not.toContainEqual(e);
          }
          if (e.kind === 'detected') {
            detections += 1;
            expect(e.visibility).toBe('public');
            expect(e.odds).toBeGreaterThan(0);
            expect(e.roll).toBeLessThan(e.odds!);
          }
        }
      }
    }
    expect(detections).toBeGreaterThan(0);
  });

  it('outside estimates of covert flows come from detections, never from the true flow', () => {
    const s = createWorld(scenario('baseline'), 'fog-flow');
    const a = { ...s, compute: { ...s.compute, CN: { ...s.compute.CN, inflow: { ...s.compute.CN.inflow, smuggled: 10 } } } };
    const b = { ...s, compute: { ...s.compute, CN: { ...s.compute.CN, inflow: { ...s.compute.CN.inflow, smuggled: 900000 } } } };
    for (const seat of ['US', 'EU', 'JK', 'TW', 'HUB', 'USLAB'] as const) {
      expect(seatView(a, seat).cnInflow.smuggled).toEqual(seatView(b, seat).cnInflow.smuggled);
      expect(seatView(a, seat).cnInflow.offshore).toEqual(seatView(b, seat).cnInflow.offshore);
    }
    expect(seatView(b, 'CN').cnInflow.smuggled.value).toBe(900000);
    const exposed = { ...b, exposed: { smuggled: 900000, offshore: 0, distillation: 0 } };
    const us = seatView(exposed, 'US').cnInflow.smuggled;
    expect(us.low).toBeLessThanOrEqual(900000);
    expect(us.high).toBeGreaterThanOrEqual(900000);
  });

  it('the US knows the licensed sales to China exactly (its own licences); other outside seats estimate them', () => {
    const s = match('fog-licences');
    const legal = s.compute.CN.inflow.legal;
    expect(legal).toBeGreaterThan(0);
    expect(seatView(s, 'US').cnInflow.legal).toEqual({ value: legal, low: legal, high: legal, exact: true });
    expect(seatView(s, 'CN').cnInflow.legal.exact).toBe(true);
    for (const seat of ['EU', 'JK', 'TW', 'HUB', 'USLAB'] as const) expect(seatView(s, seat).cnInflow.legal.exact).toBe(false);
  });

  it('intelligence effort narrows the bands on estimates of others', () => {
    const s = createWorld(scenario('baseline'), 'fog-intel');
    const width = (intel: number) => {
      const v = seatView({ ...s, intel: { ...s.intel, US: intel } }, 'US');
      return [v.lead.high - v.lead.low, v.compute.CN.high - v.compute.CN.low];
    };
    const [leadLo, cnLo] = width(0.3);
    const [leadHi, cnHi] = width(0.9);
    expect(leadHi).toBeLessThan(leadLo);
    expect(cnHi).toBeLessThan(cnLo);
    expect(seatView(s, 'US').compute.US.exact).toBe(true);
    expect(seatView(s, 'US').compute.CN.exact).toBe(false);
  });

  it('a secret agenda is only in its own seat’s view, and revealed to all only at the end', () => {
    const start = createWorld(scenario('baseline'), 'agenda', { agendas: 'draw' });
    for (const seat of SEATS) {
      const v = seatView(start, seat);
      expect(v.agenda?.id).toBe(start.agendas[seat]);
      const json = JSON.stringify(v);
      for (const other of SEATS) if (other !== seat && start.agendas[other] !== start.agendas[seat]) expect(json).not.toContain(`"${start.agendas[other]}"`);
    }
    expect(JSON.stringify(publicView(start))).not.toContain(start.agendas.US!);
    const end = match('agenda-end');
    expect(publicView(end).scores).not.toBeNull();
    expect(publicView(createWorld(scenario('baseline'), 'x')).scores).toBeNull();
  });

  it('misattribution is common when the detector has no intelligence and rare when it has much', () => {
    const base = createWorld(scenario('baseline'), 'attrib');
    const rate = (usIntel: number) => {
      let wrong = 0;
      let seen = 0;
      const doctrines = assignDoctrines('attrib');
      for (let i = 0; i < 300; i++) {
        const w = { ...base, seed: `attrib-${i}`, levers: { ...base.levers, US: { ...base.levers.US, enforcement: 1, chipTracking: 1 } } };
        const r = playQuarter(w, { CN: [{ action: 'cn-smuggling', intensity: 3 }], US: usIntel ? [{ action: 'us-intel', intensity: 3 }] : [] }, doctrines);
        for (const e of r.events) {
          if (e.kind !== 'detected' || e.actor !== 'CN') continue;
          seen += 1;
          if (e.attributedTo !== 'CN') wrong += 1;
        }
      }
      return wrong / seen;
    };
    const blind = rate(0);
    const sharp = rate(3);
    expect(blind).toBeGreaterThan(0.15);
    expect(sharp).toBeLessThan(blind);
  });

  it('bigger covert operations are easier to detect', () => {
    const s = createWorld(scenario('baseline'), 'odds');
    expect(detectionOdds(s, { action: 'cn-smuggling', intensity: 3, breaches: [] })).toBeGreaterThan(detectionOdds(s, { action: 'cn-smuggling', intensity: 1, breaches: [] }));
    expect(detectionOdds(s, { action: 'cn-smuggling', intensity: 1, breaches: ['joint-governance'] })).toBeGreaterThan(detectionOdds(s, { action: 'cn-smuggling', intensity: 1, breaches: [] }));
  });
});
