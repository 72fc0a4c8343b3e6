import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A real Lead Time server in its own process: `node --import tsx server/main.ts`, on 127.0.0.1. */
export type ChildServer = { proc: ChildProcess; port: number; endpoint: string; output: () => string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startChild(port: number, dataDir: string, timeoutMs = 30_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
    if (/running at/.test(out)) {
      try {
        if ((await fetch(`${endpoint}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > end) {
      proc.kill('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, port, endpoint, output: () => out };
}

/** Kill without warning (no graceful shutdown, no flush) and wait until the process is gone. */
export async function killHard(child: ChildServer): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.proc.once('exit', () => r()));
  child.proc.kill('SIGKILL');
  await gone;
}

/** Stop as an operator would (SIGTERM: a graceful shutdown) and wait until the process is gone. */
export async function stopGracefully(child: ChildServer): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.proc.once('exit', () => r()));
  child.proc.kill('SIGTERM');
  await gone;
}
