import { describe, expect, it, vi } from 'vitest';

// Every stream the model opens, as (turn, purpose): block streams and single streams alike.
const opened: { turn: number; purpose: string }[] = [];
vi.mock('../../shared/rng.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/rng.js')>();
  class RecordedBlockStream extends real.BlockStream {
    constructor(seed: string, turn: number, purpose: string) {
      super(seed, turn, purpose);
      opened.push({ turn, purpose });
    }
  }
  return {
    ...real,
    BlockStream: RecordedBlockStream,
    rngFor: (seed: string, turn: number, purpose: string) => {
      opened.push({ turn, purpose });
      return real.rngFor(seed, turn, purpose);
    },
  };
});

const { builtinScenario, createWorld, playBotMatch, quarterStreams, resolveQuarter } = await import('../../shared/index.js');
const { BlockStream, drawsFrom, rngFor } = await import('../../shared/rng.js');

describe('random streams', () => {
  it('a quarter of a bot match opens only the streams quarterStreams names (and one per accepted proposal), each once', () => {
    for (const seed of ['streams-1', 'streams-2', 'streams-3']) {
      opened.length = 0;
      const end = playBotMatch(builtinScenario('cooperation-track')!, seed, { record: false });
      const named = quarterStreams();
      const inPlay = opened.filter((o) => o.turn > 0);
      for (let turn = 1; turn <= end.turn; turn++) {
        const purposes = inPlay.filter((o) => o.turn === turn && !o.purpose.startsWith('accept:')).map((o) => o.purpose);
        expect(purposes.sort(), `turn ${turn}`).toEqual([...named].sort());
      }
    }
  });
});

describe("a quarter's resolution stream", () => {
  it("gives the world's draws whatever detection drew before them", () => {
    const start = createWorld(builtinScenario('baseline')!, 'world-block');
    const rolls = (orders: Parameters<typeof resolveQuarter>[1]) => {
      const { events } = resolveQuarter(start, orders);
      return { rolls: events.filter((e) => e.kind.endsWith('-roll')).map((e) => e.roll), cards: events.filter((e) => e.kind === 'event-card').map((e) => e.eventId) };
    };
    const quiet = rolls({});
    // Two covert acts: detection draws four times, between the event cards and the tension shock and the rolls.
    const covert = rolls({ CN: [{ action: 'cn-smuggling', intensity: 2 }], CNLAB: [{ action: 'cnlab-distillation', intensity: 1 }] });
    expect(quiet.rolls.length).toBeGreaterThan(0);
    expect(covert).toEqual(quiet);
  });
});

describe('a stream read in blocks', () => {
  const draws = (r: () => number, n: number) => Array.from({ length: n }, () => r());

  it("gives a block the same draws whatever the earlier blocks' readers took", () => {
    const all = draws(rngFor('blocks', 3, 'test'), 30);
    for (const firstTook of [0, 1, 5, 10]) {
      const s = new BlockStream('blocks', 3, 'test');
      draws(s.block(0, 10), firstTook);
      expect(draws(s.block(10, 10), 10)).toEqual(all.slice(10, 20));
      expect([...s.take(20, 4)]).toEqual(all.slice(20, 24));
      expect(draws(s.block(24, Infinity), 6)).toEqual(all.slice(24, 30));
    }
  });

  it('refuses a reader that runs past its block, and a block already passed', () => {
    const s = new BlockStream('blocks', 1, 'test');
    const first = s.block(0, 2);
    first();
    first();
    expect(() => first()).toThrow(/only 2 draws/);
    s.block(5, 1)();
    expect(() => s.block(3, 1)).toThrow(/already past draw 3/);
    const world = drawsFrom(s.take(6, 2), 'world');
    world();
    world();
    expect(() => world()).toThrow(/world draws are used up \(2\)/);
  });
});
