import { randomInt } from 'node:crypto';
import { LocalPresence, matchMaker, type Presence } from '@colyseus/core';

import { CODE_ALPHABET, CODE_LENGTH } from '../shared/index.js';

export { CODE_ALPHABET, CODE_LENGTH };

/** Presence key that holds a code once some process has taken it. */
export const CODE_KEY_PREFIX = 'leadtime:code:';

/**
 * How long a taken code stays reserved in presence. With the in-process presence an hour is plenty (the
 * room and the store answer for it after that); with Redis, where processes may keep separate stores, the
 * server sets it to 30 days so a finished match's report URL is not reused by another process.
 */
let reservationSeconds = 3600;

export function setCodeReservationSeconds(seconds: number): void {
  reservationSeconds = seconds;
}

export function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * Reserve `code` atomically in Colyseus's presence (shared by every process when it is Redis): INCR
 * answers 1 to exactly one caller, whichever process it runs in. True when this caller got it.
 */
export async function reserveCode(code: string, presence: Presence | undefined = matchMaker.presence): Promise<boolean> {
  if (!presence) return true;
  const key = CODE_KEY_PREFIX + code;
  const n = await presence.incr(key);
  if (n !== 1) return false;
  if (presence instanceof LocalPresence) {
    // The in-process presence expires keys with a timer that would keep a stopped server's process alive for
    // the hour; an unreferenced timer of our own lets it exit.
    setTimeout(() => presence.del(key), reservationSeconds * 1000).unref();
  } else {
    await presence.expire(key, reservationSeconds);
  }
  return true;
}

/**
 * A fresh code that `taken` does not report as in use (a live room, a stored match) and that no other
 * process has reserved: the final check is the atomic reservation, so two processes never pick the same one.
 */
export async function uniqueCode(
  taken: (code: string) => Promise<boolean> | boolean,
  attempts = 20,
  reserve: (code: string) => Promise<boolean> = (code) => reserveCode(code),
): Promise<string> {
  for (let i = 0; i < attempts; i++) {
    const code = randomCode();
    if (await taken(code)) continue;
    if (await reserve(code)) return code;
  }
  throw new Error('could not find a free room code');
}
