export type Rng = () => number;

/**
 * Every random draw in the model comes from a stream named by the match seed, the turn and a purpose,
 * so that changing one seat's orders never shifts another stream (what-if replays stay comparable).
 * The name is hashed to 128 bits (cyrb128) and drives a small fast generator (sfc32); both use only
 * 32-bit integer arithmetic, so every platform draws the same numbers.
 */
export function rngFor(seed: string, turn: number, purpose: string): Rng {
  return sfc32(`${seed}|${turn}|${purpose}`);
}

/** A deterministic noise value in [-1, 1] for a named quantity, used for intelligence estimates. */
export function noiseFor(seed: string, turn: number, key: string): number {
  return rngFor(seed, turn, `noise:${key}`)() * 2 - 1;
}

function sfc32(key: string): Rng {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
  let b = (h2 ^ h1) >>> 0;
  let c = (h3 ^ h1) >>> 0;
  let d = (h4 ^ h1) >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up so that similar names give unrelated first draws.
  for (let i = 0; i < 12; i++) next();
  return next;
}
