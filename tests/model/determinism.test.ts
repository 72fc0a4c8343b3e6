import { describe, expect, it } from 'vitest';
import { assignDoctrines, createWorld, hashData, playBotMatch, playQuarter, type WorldState } from '../../shared/index.js';
import { scenario } from './helpers.js';

/** Every quarter of a bot match, recorded. */
function quarters(id: string, seed: string): WorldState[] {
  const doctrines = assignDoctrines(seed);
  const out = [createWorld(scenario(id), seed)];
  while (!out[out.length - 1].outcome) out.push(playQuarter(out[out.length - 1], {}, doctrines).state);
  return out;
}

describe('determinism', () => {
  for (const id of ['baseline', 'loopholes-open', 'controls-tightened', 'cooperation-track']) {
    it(`${id}: the same seed gives the same state and event log every quarter`, () => {
      const a = quarters(id, 'det-1');
      const b = quarters(id, 'det-1');
      expect(b.length).toBe(a.length);
      for (let q = 0; q < a.length; q++) {
        expect(b[q], `quarter ${q}`).toEqual(a[q]);
        expect(hashData(b[q])).toBe(hashData(a[q]));
        expect(b[q].history.at(-1)?.events ?? []).toEqual(a[q].history.at(-1)?.events ?? []);
      }
    });
  }

  it('another seed gives another match', () => {
    const a = quarters('baseline', 'det-1');
    const c = quarters('baseline', 'det-2');
    expect(hashData(c[c.length - 1])).not.toBe(hashData(a[a.length - 1]));
    expect(c[1].leadMonths).not.toBe(a[1].leadMonths);
  });

  it('a match without history (record: false) ends in the same position as a recorded one', () => {
    const full = playBotMatch(scenario('baseline'), 'det-3');
    const fast = playBotMatch(scenario('baseline'), 'det-3', { record: false });
    expect({ ...fast, history: [] }).toEqual({ ...full, history: [] });
  });

  it('resolving never mutates the position it starts from', () => {
    const start = createWorld(scenario('baseline'), 'det-4');
    const before = hashData(start);
    quarters('baseline', 'det-4');
    const doctrines = assignDoctrines('det-4');
    playQuarter(start, {}, doctrines);
    expect(hashData(start)).toBe(before);
  });
});
