import seedrandom from 'seedrandom';

export type Rng = () => number;

/**
 * Every random draw in the model comes from a stream named by the match seed, the turn and a purpose,
 * so that changing one seat's orders never shifts another stream (what-if replays stay comparable).
 * Streams are seedrandom's Tyche-i generator: 32-bit integer arithmetic (the same numbers on every
 * platform) and about five times cheaper to create than its Alea generator, which matters because a
 * quarter opens a dozen streams.
 */
export function rngFor(seed: string, turn: number, purpose: string): Rng {
  return seedrandom.tychei(`${seed}|${turn}|${purpose}`);
}

/** A deterministic noise value in [-1, 1] for a named quantity, used for intelligence estimates. */
export function noiseFor(seed: string, turn: number, key: string): number {
  return rngFor(seed, turn, `noise:${key}`)() * 2 - 1;
}
