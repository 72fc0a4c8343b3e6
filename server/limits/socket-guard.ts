import type { IncomingMessage } from 'node:http';
import type { WebSocketTransport } from '@colyseus/ws-transport';
import type { Limits } from './limits.js';

type RawSocket = { on(event: 'message', fn: () => void): void; terminate(): void };
type SocketServer = { on(event: 'connection', fn: (ws: RawSocket, req: IncomingMessage) => void): void };

export type SocketGuard = { /** Connections cut off for flooding since start. */ cut: () => number };

/**
 * Cut off a WebSocket that sends frames faster than any real client: `frameBurst` at once, then
 * `framesPerSecond`. Within those bounds the room's own limiter answers each excess message with a
 * `rate-limited` error; beyond them, answering would cost more than the flood, so the socket is closed
 * (a player cut off this way may reconnect, as after any dropped connection).
 */
export function guardSockets(transport: WebSocketTransport, limits: Limits): SocketGuard {
  const wss = (transport as unknown as { wss: SocketServer }).wss;
  let cut = 0;
  wss.on('connection', (ws) => {
    let tokens = limits.frameBurst;
    let at = Date.now();
    let closed = false;
    ws.on('message', () => {
      if (closed) return;
      const t = Date.now();
      tokens = Math.min(limits.frameBurst, tokens + ((t - at) / 1000) * limits.framesPerSecond);
      at = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      closed = true;
      cut++;
      ws.terminate();
    });
  });
  return { cut: () => cut };
}
