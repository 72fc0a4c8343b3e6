import seedrandom from 'seedrandom';

export type Rng = () => number;

/**
 * Every random draw in the model comes from a stream named by the match seed, the turn and a purpose.
 * Streams are seedrandom's Tyche-i generator (32-bit integer arithmetic: the same numbers on every
 * platform), seeded with a 53-bit integer hashed from the three names. An integer seed costs Tyche-i
 * twenty warm-up rounds instead of one round per character of a string seed.
 */
export function rngFor(seed: string, turn: number, purpose: string): Rng {
  // seedrandom accepts an integer seed at run time; its typings name only strings.
  return seedrandom.tychei(streamSeed(seed, turn, purpose) as unknown as string);
}

/**
 * The purposes of a quarter's two streams (docs/MODEL.md, Randomness). Each is read in fixed blocks
 * (`BlockStream`), so that one seat's orders never shift another reader's draws: `bots` holds a block per
 * seat, `resolution` the world's block and then detection's draws.
 */
export const STREAM = { bots: 'bots', resolution: 'resolution' } as const;

/**
 * A stream read in blocks at fixed offsets: whatever an earlier block's reader drew (all of its block or
 * less), a block's draws are the same. Blocks are read in order of their offsets; a reader that runs past
 * its block's size is an error, since it would take another reader's draws. Opening one stream per
 * quarter and handing out blocks costs a fraction of opening a stream per reader.
 */
export class BlockStream {
  private readonly rng: Rng;
  private readonly purpose: string;
  /** Draws taken from the stream so far. */
  private taken = 0;

  constructor(seed: string, turn: number, purpose: string) {
    this.rng = rngFor(seed, turn, purpose);
    this.purpose = purpose;
  }

  /** The block of `size` draws that starts at `start`, as a stream (`size` may be Infinity for the last block). */
  block(start: number, size: number): Rng {
    this.skipTo(start);
    const end = start + size;
    return () => {
      if (this.taken >= end) throw new Error(`the ${this.purpose} stream's block at ${start} has only ${size} draws`);
      this.taken++;
      return this.rng();
    };
  }

  /** The block of `size` draws that starts at `start`, drawn at once (for a reader whose draws interleave with a later block's). */
  take(start: number, size: number): number[] {
    this.skipTo(start);
    const out: number[] = new Array<number>(size);
    for (let i = 0; i < size; i++) out[i] = this.rng();
    this.taken += size;
    return out;
  }

  private skipTo(start: number): void {
    if (start < this.taken) throw new Error(`the ${this.purpose} stream is already past draw ${start} (at ${this.taken})`);
    while (this.taken < start) {
      this.rng();
      this.taken++;
    }
  }
}

/** A stream over draws already taken (`BlockStream.take`); running past them is an error. */
export function drawsFrom(draws: readonly number[], purpose: string): Rng {
  let i = 0;
  return () => {
    if (i >= draws.length) throw new Error(`the ${purpose} draws are used up (${draws.length})`);
    return draws[i++];
  };
}

/** A deterministic noise value in [-1, 1] for a named quantity, used for intelligence estimates. */
export function noiseFor(seed: string, turn: number, key: string): number {
  return rngFor(seed, turn, `noise:${key}`)() * 2 - 1;
}

/** The 53-bit integer that seeds the stream (seed, turn, purpose). */
export function streamSeed(seed: string, turn: number, purpose: string): number {
  const s = seedHash(seed);
  let h1 = Math.imul(s.h1 ^ turn, 2654435761);
  let h2 = Math.imul(s.h2 ^ turn, 1597334677);
  for (let i = 0; i < purpose.length; i++) {
    const ch = purpose.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

type SeedHash = { seed: string; h1: number; h2: number };

// One-entry memo of the last seed's hash: a match asks for many streams of the same seed in a row.
// It holds no state that could change a result, only a cached pure function value.
let last: SeedHash = hashSeed('');

function seedHash(seed: string): SeedHash {
  if (last.seed !== seed) last = hashSeed(seed);
  return last;
}

/** cyrb53's mixing of a string into two 32-bit lanes (the lanes are finished per stream). */
function hashSeed(seed: string): SeedHash {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < seed.length; i++) {
    const ch = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return { seed, h1, h2 };
}

function finish(a: number, b: number): number {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
