import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { Buckets, type Limits } from './limits.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Matchmaking methods that make a room. */
const CREATING = new Set(['create', 'joinOrCreate']);

/** The client's address: the socket's, or the proxy's header when the proxy is trusted. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const real = req.headers['x-real-ip'];
    if (typeof real === 'string' && real) return real.trim();
    const fwd = req.headers['x-forwarded-for'];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Guard Colyseus's matchmaking routes (POST /matchmake/<method>/<room>): at most `createsPerMinute`
 * rooms created per address per minute (429 with Retry-After), and bodies no larger than
 * `matchmakeBodyBytes` (413). Call after `new Server(...)`, which installs the matchmaking listener on the
 * HTTP server: this wraps every listener then present.
 */
export function guardMatchmaking(http: HttpServer, limits: Limits): { creates: Buckets<string> } {
  const perMinute = limits.createsPerMinute;
  const creates = new Buckets<string>(perMinute, perMinute / 60);
  const inner = http.listeners('request').slice() as RequestListener[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const route = req.method === 'POST' ? matchmakeMethod(req.url ?? '') : undefined;
    if (route !== undefined) {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > limits.matchmakeBodyBytes) return refuse(req, res, 413, 'Matchmaking request too large.');
      if (perMinute > 0 && CREATING.has(route)) {
        const ip = clientAddress(req, limits.trustProxy);
        if (!creates.take(ip)) {
          const wait = Math.max(1, creates.waitSeconds(ip));
          return refuse(req, res, 429, `Too many matches created from this address; try again in ${wait} s.`, { 'Retry-After': String(wait) });
        }
      }
      // Chunked bodies carry no length: count them as they arrive.
      let seen = 0;
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > limits.matchmakeBodyBytes && !res.headersSent) {
          req.removeAllListeners('data');
          req.removeAllListeners('end');
          refuse(req, res, 413, 'Matchmaking request too large.');
        }
      });
    }
    for (const listener of inner) listener.call(http, req, res);
  });
  return { creates };
}

/** `create` for /matchmake/create/match (also under a path prefix); undefined for other routes. */
function matchmakeMethod(url: string): string | undefined {
  const route = matchMaker.controller.matchmakeRoute;
  const path = url.split('?')[0];
  const parts = path.split('/');
  const i = parts.indexOf(route);
  return i >= 0 ? (parts[i + 1] ?? '') : undefined;
}

/** Answer like Colyseus does (JSON `{ code, error }`, which colyseus.js turns into a readable error), then drop the body. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) {
  const cors = { ...matchMaker.controller.DEFAULT_CORS_HEADERS, ...matchMaker.controller.getCorsHeaders.call(undefined, req) };
  res.writeHead(status, { ...cors, ...headers, 'Content-Type': 'application/json', Connection: 'close' });
  res.end(JSON.stringify({ code: status, error }), () => req.destroy());
}
