import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { startHealth } from './health.js';
import { wakeDormantOnJoin } from './resume.js';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { BUILTIN_SCENARIOS, ROOM_NAME, type RoomListing } from '../shared/index.js';
import { MatchRoom } from './rooms/MatchRoom.js';
import { SETTINGS_KEY, type RoomSettings } from './options.js';
import { closeLivePool } from './analysis/live-forecast.js';
import { openPersistence } from './persistence.js';
import { DEFAULT_LIMITS, type Limits } from './limits/limits.js';
import { guardMatchmaking } from './limits/http-guard.js';
import { guardSockets } from './limits/socket-guard.js';
import { setCodeReservationSeconds } from './room-code.js';
import { staggeredHeartbeat } from './scale/heartbeat.js';
import { connectRedis, defaultPublicAddress, type ScaleOut } from './scale/redis.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ServerOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 0.0.0.0. */
  host?: string;
  /** Where match records will be stored; created if missing. */
  dataDir: string;
  /** The built client; defaults to dist/client. */
  clientDir?: string;
  /** How long a dropped player keeps their seat; defaults to 120. */
  reconnectSeconds?: number;
  /** How long an unfinished match with nobody connected stays in memory before it is put away (stored, woken by joining its code); defaults to 900. */
  idleSeconds?: number;
  /**
   * Scale-out: with a Redis URL, matchmaking and presence live in Redis, shared by every process given the
   * same URL (see README, "Running several processes"). Without it, one process with in-memory matchmaking.
   */
  redisUrl?: string;
  /**
   * How clients reach this process (`host:port`, or `host/path` behind a proxy); Colyseus hands it out with
   * seat reservations. Only used with `redisUrl`; defaults to `<host>:<port>` (`localhost` for 0.0.0.0).
   */
  publicAddress?: string;
  /** Per-address and per-connection limits (server/limits/limits.ts); defaults in DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /**
   * Start the live-forecast worker threads when the process's first match opens, and warm them with a short
   * throwaway forecast, so the first forecast asked for runs at full speed. `npm start` (server/main.ts)
   * asks for it; off unless asked, so tests that start servers do not fill the cores with warm-ups.
   */
  warmForecasts?: boolean;
};

export type RunningServer = {
  port: number;
  url: string;
  /** This process's address in seat reservations (undefined without Redis: clients use the URL they matched with). */
  publicAddress: string | undefined;
  close: () => Promise<void>;
};

let running = false;

/**
 * Start the HTTP server, the Colyseus matchmaker and the match room on one port. Colyseus keeps its
 * matchmaker in module state, so only one server may run per process at a time.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  if (running) throw new Error('a Lead Time server is already running in this process');
  running = true;
  try {
    return await launch(opts);
  } catch (e) {
    running = false;
    throw e;
  }
}

async function launch(opts: ServerOptions): Promise<RunningServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const host = opts.host ?? '0.0.0.0';
  // With Redis, other processes hand out this process's address, so the port must be known before Colyseus starts.
  const port = opts.redisUrl && opts.port === 0 ? await freePort(host) : opts.port;
  const scale: ScaleOut | undefined = opts.redisUrl ? await connectRedis(opts.redisUrl) : undefined;
  const publicAddress = scale ? (opts.publicAddress ?? defaultPublicAddress(host, port)) : undefined;
  // Room codes are reserved in presence; with Redis, for long enough that no process reuses a finished match's code.
  setCodeReservationSeconds(scale ? 30 * 24 * 3600 : 3600);
  const app = express();
  app.disable('x-powered-by');
  const health = startHealth();
  app.get('/healthz', (_req, res) => res.json(health.read()));
  // Persistence: match logs in <dataDir>/matches.sqlite, after-action routes, resumption (server/persistence.ts).
  const persistence = openPersistence(opts.dataDir);
  app.use(persistence.routes);
  app.get('/api/scenarios', (_req, res) => res.json(BUILTIN_SCENARIOS.map((s) => ({ id: s.id, name: s.name, description: s.description, turns: s.turns }))));
  app.get('/api/matches', async (_req, res) => {
    const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
    res.json(rooms.map((r) => r.metadata as RoomListing).filter(Boolean));
  });
  serveClient(app, opts.clientDir ?? path.join(ROOT, 'dist', 'client'));

  const http = createServer(app);
  // Orders are tiny; anything near this size is abuse. Larger frames close the socket. Pings are sent by
  // the staggered heartbeat below instead of the transport's all-at-once loop (pingInterval: 0).
  const transport = new WebSocketTransport({ server: http, maxPayload: limits.maxPayload, pingInterval: 0 });
  const heartbeat = staggeredHeartbeat(transport);
  const gameServer = new Server({ transport, greet: false, gracefullyShutdown: false, ...(scale ? { ...scale, publicAddress } : {}) });
  // After `new Server`, which installs the matchmaking routes that these wrap.
  guardMatchmaking(http, limits);
  guardSockets(transport, limits);
  const settings: RoomSettings = { reconnectSeconds: opts.reconnectSeconds ?? 120, idleSeconds: opts.idleSeconds ?? 900, store: persistence.store, warmForecasts: opts.warmForecasts ?? false };
  wakeDormantOnJoin(http, persistence.store, settings);
  gameServer.define(ROOM_NAME, MatchRoom, { [SETTINGS_KEY]: settings });
  try {
    await gameServer.listen(port, host);
  } catch (e) {
    heartbeat.stop();
    health.stop();
    await gameServer.gracefullyShutdown(false).catch(() => undefined);
    persistence.close();
    throw e;
  }
  await persistence.resume(settings);
  const bound = (http.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://localhost:${bound}`,
    publicAddress,
    close: async () => {
      heartbeat.stop();
      health.stop();
      await gameServer.gracefullyShutdown(false);
      await closeHttp(http);
      persistence.close();
      await closeLivePool();
      running = false;
    },
  };
}

function serveClient(app: express.Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    app.get('*', (_req, res) => {
      res.status(503).type('html').send('<!doctype html><title>Lead Time</title><p>The client is not built yet. Run <code>npm run build</code>, then restart the server.</p>');
    });
    return;
  }
  app.use(express.static(dir, { index: 'index.html' }));
  // Client-side routes such as /join/ABC123 load the app, which reads the path.
  app.get('*', (req, res, next) => (req.path.startsWith('/api/') ? next() : res.sendFile(index)));
}

/** A port free on `host` right now (another program could take it before we listen: unlikely on loopback). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function closeHttp(http: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    if (!http.listening) return resolve();
    http.closeAllConnections();
    http.close(() => resolve());
  });
}
