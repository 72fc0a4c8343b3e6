import type { MatchMakerDriver, Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';

export type ScaleOut = { presence: Presence; driver: MatchMakerDriver };

/**
 * Colyseus's Redis presence and driver on one Redis: every process given the same URL shares
 * matchmaking (room listings, seat reservations across processes) and presence (room codes, IPC).
 * Fails within `timeoutMs` with a readable error when Redis does not answer, instead of retrying forever.
 */
export async function connectRedis(url: string, timeoutMs = 5000): Promise<ScaleOut> {
  const presence = new RedisPresence(url);
  const driver = new RedisDriver(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.all([presence.exists('leadtime:ping'), driver.has('leadtime:ping')]),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis at ${redact(url)} did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (e) {
    presence.shutdown();
    await driver.shutdown();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { presence, driver };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

/**
 * The address clients use to reach this process (host:port, optionally with a path such as
 * `example.org/2568` behind a proxy). Colyseus sends it with every seat reservation, and colyseus.js then
 * connects to `ws(s)://<publicAddress>/<processId>/<roomId>`, so each process needs its own.
 */
export function defaultPublicAddress(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `${h}:${port}`;
}
