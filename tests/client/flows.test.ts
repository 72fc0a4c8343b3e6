import { describe, expect, it } from 'vitest';
import { assignDoctrines, builtinScenario, createWorld, playQuarter, publicView, seatView, type SeatId, type WorldState } from '../../shared/index.js';
import { flowsFor, flowText, orderOfEvent } from '../../client/src/world/flows.js';
import type { AppState } from '../../client/src/store.js';

function appState(w: WorldState, seat: SeatId | null): AppState {
  return {
    status: 'connected',
    code: 'TEST',
    match: null,
    pub: publicView(w),
    you: seat ? { seat, role: 'player', host: false, name: 'T' } : { seat: null, role: 'spectator', host: false, name: 'T' },
    seatView: seat ? seatView(w, seat) : null,
    ack: null,
    error: null,
    notice: null,
  };
}

describe('map flows: only what the viewer knows', () => {
  const sc = builtinScenario('baseline')!;
  const seed = 'flows-unit';
  const doctrines = assignDoctrines(seed);
  // One quarter: China smuggles and rents offshore, the Chinese lab releases open weights; the US holds its
  // opening controls (so the licensed channel stays open), bots play the rest.
  const w = playQuarter(
    createWorld(sc, seed),
    { US: [], CN: [{ action: 'cn-smuggling', intensity: 3 }, { action: 'cn-offshore-rental', intensity: 2 }], CNLAB: [{ action: 'cnlab-open-weights', intensity: 1 }] },
    doctrines,
  ).state;
  const detected = w.history[0].events.filter((e) => e.kind === 'detected').map((e) => e.text);

  it('China sees its own covert flows exactly', () => {
    const f = flowsFor(appState(w, 'CN'));
    const sm = f.find((x) => x.kind === 'smuggled')!;
    expect(sm.basis).toBe('exact');
    expect(sm.figure).toMatch(/H100e/);
    expect(f.some((x) => x.kind === 'offshore' && x.basis === 'exact')).toBe(true);
    expect(f.some((x) => x.kind === 'legal')).toBe(true);
  });

  it('the public view shows announced orders and detections only', () => {
    const f = flowsFor(appState(w, null));
    // The open-weight release is public.
    expect(f.some((x) => x.kind === 'open-weights' && x.basis === 'announced')).toBe(true);
    const smugglingExposed = detected.some((t) => t.includes('smuggling'));
    expect(f.some((x) => x.kind === 'smuggled')).toBe(smugglingExposed);
    for (const x of f) expect(['announced', 'detected']).toContain(x.basis);
    for (const x of f) expect(flowText(x)).not.toMatch(/\(exact\)|\(estimate\)/);
  });

  it('the US sees covert flows only where detection exposed them', () => {
    const f = flowsFor(appState(w, 'US'));
    const exposed = w.exposed.smuggled > 0;
    expect(f.some((x) => x.kind === 'smuggled')).toBe(exposed);
    expect(f.every((x) => x.basis !== 'exact' || x.by === 'US' || x.kind !== 'smuggled')).toBe(true);
  });

  it('reads the action behind an order event, which names the seat and the act in words', () => {
    const ev = w.history[0].events.find((e) => e.kind === 'order' && e.action === 'cn-smuggling')!;
    expect(ev.text).toBe('China: Run smuggling networks ×3.');
    expect(orderOfEvent(ev)).toMatchObject({ action: { id: 'cn-smuggling' }, intensity: 3 });
  });
});
