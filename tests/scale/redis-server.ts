import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from '../integration/child-server.js';

export type RedisServer = { proc: ChildProcess; port: number; url: string; stop: () => Promise<void> };

/** Where Debian's package puts it; otherwise whatever `redis-server` is on the PATH. */
export function redisServerPath(): string | undefined {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

/**
 * Decide whether the suite can run: true to run, a reason to skip. In CI a missing redis-server is an
 * error (CI installs it; see .ci/run), never a skip.
 */
export function redisAvailability(): true | string {
  if (redisServerPath()) return true;
  if (process.env.CI) throw new Error('redis-server is not installed, and CI is set: the scale-out tests must run in CI (apt-get install -y redis-server).');
  return 'SKIPPED: redis-server is not installed (apt-get install -y redis-server); the scale-out tests need a real Redis.';
}

/** A throw-away Redis on a free loopback port: no persistence, killed by `stop`. */
export async function startRedis(timeoutMs = 10_000): Promise<RedisServer> {
  const bin = redisServerPath();
  if (!bin) throw new Error('redis-server not found');
  const port = await freePort();
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const end = Date.now() + timeoutMs;
  while (!(await ping(port))) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}:\n${out}`);
    if (Date.now() > end) {
      proc.kill('SIGKILL');
      throw new Error(`redis-server did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    proc,
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGKILL');
      await gone;
    },
  };
}

/** One PING over RESP; true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(500, () => done(false));
    s.once('error', () => done(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}
