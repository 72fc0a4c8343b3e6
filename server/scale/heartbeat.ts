import type { WebSocketTransport } from '@colyseus/ws-transport';

type RawSocket = { pingCount?: number; heartbeatSlot?: number; ping(data?: undefined, mask?: undefined, cb?: (err?: Error) => void): void; terminate(): void };

const noop = () => undefined;
type SocketServer = { clients: Set<RawSocket>; on(event: 'connection', fn: (ws: RawSocket) => void): void };

export type Heartbeat = { stop: () => void };

/**
 * Colyseus's WebSocket transport pings every client in one loop every `interval` ms; with thousands of
 * sockets that loop holds the event loop for a hundred milliseconds or more (one write per socket), and
 * every order waiting behind it is late. This keeps the same rule — a client that has not answered
 * `maxRetries` pings in a row is cut off — but spreads the pings over the interval in `slices` small
 * batches. Create the transport with `pingInterval: 0` so its own loop stays off; its pong handler
 * (which resets `pingCount`) still runs.
 */
export function staggeredHeartbeat(transport: WebSocketTransport, interval = 3000, maxRetries = 2, slices = 30): Heartbeat {
  const wss = (transport as unknown as { wss: SocketServer }).wss;
  let next = 0;
  wss.on('connection', (ws) => {
    ws.heartbeatSlot = next++ % slices;
  });
  let slice = 0;
  const timer = setInterval(() => {
    const current = slice;
    slice = (slice + 1) % slices;
    for (const ws of wss.clients) {
      if (ws.heartbeatSlot !== current) continue;
      if ((ws.pingCount ?? 0) >= maxRetries) {
        ws.terminate();
        continue;
      }
      ws.pingCount = (ws.pingCount ?? 0) + 1;
      try {
        ws.ping(undefined, undefined, noop);
      } catch {
        // a socket closing under us: the next round cuts it off
      }
    }
  }, interval / slices);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
