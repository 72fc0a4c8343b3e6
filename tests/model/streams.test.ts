import { describe, expect, it, vi } from 'vitest';

// Every stream the model opens, as (turn, purpose); rngFor itself is unchanged.
const opened: { turn: number; purpose: string }[] = [];
vi.mock('../../shared/rng.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/rng.js')>();
  return {
    ...real,
    rngFor: (seed: string, turn: number, purpose: string) => {
      opened.push({ turn, purpose });
      return real.rngFor(seed, turn, purpose);
    },
  };
});

const { assignDoctrines, builtinScenario, playBotMatch, quarterStreams } = await import('../../shared/index.js');

describe('random streams', () => {
  it('a quarter of a bot match opens only the streams quarterStreams names (and one per accepted proposal), each once', () => {
    for (const seed of ['streams-1', 'streams-2', 'streams-3']) {
      opened.length = 0;
      const end = playBotMatch(builtinScenario('cooperation-track')!, seed, { record: false });
      const named = new Set(quarterStreams(assignDoctrines(seed)));
      const inPlay = opened.filter((o) => o.turn > 0);
      expect(inPlay.length).toBeGreaterThan(0);
      for (let turn = 1; turn <= end.turn; turn++) {
        const purposes = inPlay.filter((o) => o.turn === turn && !o.purpose.startsWith('accept:')).map((o) => o.purpose);
        expect(new Set(purposes).size, `turn ${turn} opens a stream twice`).toBe(purposes.length);
        for (const p of purposes) expect(named, `turn ${turn}: ${p}`).toContain(p);
        // Every bot seat and the world stream open every quarter; detection only when something was covert.
        expect(purposes.length).toBeGreaterThanOrEqual(named.size - 1);
      }
    }
  });
});
