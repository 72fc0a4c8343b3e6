import type { Client } from '@colyseus/core';
import { roomError, type RoomError } from './errors.js';
import type { RateLimiter } from './rate-limit.js';

export const MAX_MESSAGE_CHARS = 64 * 1024;

/**
 * Wrap a message handler with the rate and size guards. Whatever the handler throws becomes an
 * `internal` error reply: an exception escaping a Colyseus message handler would take the process down.
 */
export function guarded(
  limiter: RateLimiter,
  refuse: (client: Client, error: RoomError) => void,
  type: string,
  handler: (client: Client, msg: unknown) => void,
): (client: Client, msg: unknown) => void {
  return (client, msg) => {
    try {
      if (!limiter.allow(client.sessionId)) return refuse(client, roomError('rate-limited', 'Too many messages; slow down.', type));
      // msgpack carries 64-bit integers as BigInt, which nothing in the game uses and JSON cannot store.
      let wide = false;
      const json = JSON.stringify(msg, (_k, v: unknown) => (typeof v === 'bigint' ? ((wide = true), undefined) : v)) ?? '';
      if (wide) return refuse(client, roomError('bad-request', 'Numbers in messages must be ordinary numbers (no 64-bit integers).', type));
      if (json.length > MAX_MESSAGE_CHARS) return refuse(client, roomError('too-large', 'Message too large.', type));
      handler(client, msg);
    } catch (e) {
      console.error(`message "${type}" failed`, e);
      refuse(client, roomError('internal', 'The server could not process that message.', type));
    }
  };
}
