import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocketTransport } from '@colyseus/ws-transport';
import { staggeredHeartbeat } from '../../server/scale/heartbeat.js';

type Fake = { pingCount?: number; heartbeatSlot?: number; pings: number; terminated: boolean; ping: () => void; terminate: () => void; pong: () => void };

function fakeTransport(n: number) {
  let onConnection: (ws: Fake) => void = () => undefined;
  const clients = new Set<Fake>();
  const transport = { wss: { clients, on: (_: string, fn: (ws: Fake) => void) => (onConnection = fn) } } as unknown as WebSocketTransport;
  const connect = (): Fake => {
    const ws: Fake = {
      pings: 0,
      terminated: false,
      ping() {
        this.pings++;
      },
      terminate() {
        this.terminated = true;
        clients.delete(this);
      },
      pong() {
        this.pingCount = 0;
      },
    };
    clients.add(ws);
    onConnection(ws);
    return ws;
  };
  return { transport, connect, sockets: () => Array.from({ length: n }, connect) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the staggered heartbeat', () => {
  it('pings every socket once per interval, a slice at a time', () => {
    vi.useFakeTimers();
    const f = fakeTransport(300);
    const hb = staggeredHeartbeat(f.transport, 3000, 2, 30);
    const sockets = f.sockets();
    vi.advanceTimersByTime(100);
    // One slice of thirty: ten sockets pinged in this tick, not three hundred.
    expect(sockets.filter((s) => s.pings > 0)).toHaveLength(10);
    for (const s of sockets) s.pong();
    vi.advanceTimersByTime(2900);
    expect(sockets.every((s) => s.pings === 1)).toBe(true);
    hb.stop();
  });

  it('cuts off a socket that has not answered two pings in a row, and keeps those that answer', () => {
    vi.useFakeTimers();
    const f = fakeTransport(0);
    const hb = staggeredHeartbeat(f.transport, 3000, 2, 30);
    const silent = f.connect();
    const alive = f.connect();
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(3000);
      alive.pong();
    }
    expect(silent.terminated).toBe(true);
    expect(alive.terminated).toBe(false);
    hb.stop();
  });
});
