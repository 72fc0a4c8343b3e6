import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import type { ChatMessage } from '../../shared/chat.js';
import { assemblePublicView, mergeSeatView, type MatchStateShape, type PublicView, type SeatSlotShape, type SeatView, type SeatViewMessage, type ServerError, type YouAre } from '../../shared/index.js';

export type TestServer = RunningServer & { endpoint: string; stop: () => Promise<void> };

/**
 * One test server for a test file: started before its tests and stopped after them. Players pushed to
 * `open` leave after each test.
 */
export function serverForFile(opts: TestServerOptions = {}): { readonly endpoint: string; readonly open: Player[] } {
  let server: TestServer | undefined;
  const open: Player[] = [];
  beforeAll(async () => {
    server = await startTestServer(opts);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.leave()));
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get endpoint() {
      if (!server) throw new Error('the test server is not started yet');
      return server.endpoint;
    },
    open,
  };
}

/** `warmForecasts` as the server has it: off unless a test asks (its worker threads would compete for the cores with the other test files). */
export type TestServerOptions = { reconnectSeconds?: number; warmForecasts?: boolean };

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-it-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, ...opts });
  return {
    ...server,
    endpoint: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Received = { type: string | number; data: unknown };

/** The state as a client decoded it, in plain JSON. */
export type StateJson = Omit<MatchStateShape, 'seats'> & { seats: Record<string, SeatSlotShape> };

/**
 * A real colyseus.js client in a room, recording everything it receives: every message, every decoded
 * state, and every raw WebSocket frame (to prove what never crossed the wire).
 */
export class Player {
  readonly messages: Received[] = [];
  readonly states: string[] = [];
  readonly frames: Buffer[] = [];

  constructor(readonly room: Room) {
    room.onMessage('*', (type, data) => this.messages.push({ type, data }));
    room.onStateChange((s) => this.states.push(JSON.stringify(s.toJSON())));
    const ws = (room.connection as unknown as { transport: { ws: { addEventListener: (t: string, f: (e: { data: ArrayBuffer }) => void) => void } } }).transport.ws;
    ws.addEventListener('message', (e) => this.frames.push(Buffer.from(e.data)));
  }

  static async create(endpoint: string, options: object): Promise<Player> {
    return new Player(await new Client(endpoint).create('match', options));
  }

  static async join(endpoint: string, code: string, options: object): Promise<Player> {
    return new Player(await new Client(endpoint).joinById(code, options));
  }

  get state(): StateJson {
    return this.room.state.toJSON() as StateJson;
  }

  get code(): string {
    return this.room.roomId;
  }

  send(type: string, payload?: unknown): void {
    this.room.send(type, payload);
  }

  of<T>(type: string): T[] {
    return this.messages.filter((m) => m.type === type).map((m) => m.data as T);
  }

  /** Wait for the next message of `type` after the first `after` of that type already received. */
  async next<T>(type: string, after = this.of(type).length): Promise<T> {
    await waitFor(() => this.of(type).length > after, `message "${type}"`);
    return this.of<T>(type)[after];
  }

  /** Send and wait for the reply of one of the given types. */
  async request<T = unknown>(type: string, payload: unknown, replies: string[]): Promise<Received & { data: T }> {
    const before = this.messages.length;
    this.send(type, payload);
    await waitFor(() => this.messages.slice(before).some((m) => replies.includes(String(m.type))), `reply to "${type}"`);
    return this.messages.slice(before).find((m) => replies.includes(String(m.type))) as Received & { data: T };
  }

  /**
   * Post to a chat channel and return the message as the server echoed it back to the poster. Matched by
   * channel and text: another seat's earlier message may still be on its way here, so the next chat frame
   * after sending is not necessarily this one.
   */
  async say(channel: string, text: string): Promise<ChatMessage> {
    const before = this.messages.length;
    this.send('chat', { channel, text });
    const reply = (m: Received) => m.type === 'error' || (m.type === 'chat' && (m.data as ChatMessage).channel === channel && (m.data as ChatMessage).text === text);
    await waitFor(() => this.messages.slice(before).some(reply), `chat "${text.slice(0, 40)}" back`);
    const got = this.messages.slice(before).find(reply)!;
    if (got.type === 'error') throw new Error(`chat on ${channel} refused: ${JSON.stringify(got.data)}`);
    return got.data as ChatMessage;
  }

  /** The seat view as the client holds it: the seat-view messages merged in order (each carries only new events). */
  latestSeatView(): SeatView | undefined {
    let view: SeatView | null = null;
    for (const m of this.of<SeatViewMessage>('seat-view')) view = mergeSeatView(view, m);
    return view ?? undefined;
  }

  /** The public view as the client assembles it from the synchronised state. */
  get pub(): PublicView {
    const v = assemblePublicView(this.state);
    if (!v) throw new Error('no public view yet');
    return v;
  }

  you(): YouAre | undefined {
    return this.of<YouAre>('you').at(-1);
  }

  errors(): ServerError[] {
    return this.of<ServerError>('error');
  }

  wireText(): string {
    return Buffer.concat(this.frames).toString('latin1');
  }

  async leave(): Promise<void> {
    if (this.room.connection.isOpen) await this.room.leave(true);
  }
}

export async function waitFor(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A facilitated match: Control creates it, then each listed seat is joined by one player. */
export async function facilitatedMatch(
  endpoint: string,
  seats: readonly string[],
  create: object = {},
): Promise<{ control: Player; key: string; players: Record<string, Player> }> {
  const control = await Player.create(endpoint, { create: { facilitated: true, ...create }, join: { name: 'Control' } });
  await waitFor(() => control.you() !== undefined, 'control you');
  const key = control.you()?.facilitatorKey ?? '';
  const players: Record<string, Player> = {};
  for (const seat of seats) {
    players[seat] = await Player.join(endpoint, control.code, { join: { seat, name: `${seat} lead` } });
    await waitFor(() => players[seat].you() !== undefined, `${seat} you`);
  }
  return { control, key, players };
}
