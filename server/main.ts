import { startServer } from './app.js';
import { limitsFromEnv } from './limits/limits.js';
import { redact } from './scale/redis.js';

const port = Number(process.env.PORT ?? 2567);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = process.env.DATA_DIR ?? './data';
// Scale-out (README, "Running several processes"): every process gets the same REDIS_URL and its own PORT and PUBLIC_ADDRESS.
const redisUrl = process.env.REDIS_URL || undefined;
const publicAddress = process.env.PUBLIC_ADDRESS || undefined;
// An unfinished match nobody is connected to is put away (kept in the store) after this many minutes.
const idleMinutes = process.env.IDLE_MINUTES ? Number(process.env.IDLE_MINUTES) : undefined;
if (idleMinutes !== undefined && !(idleMinutes >= 0)) throw new Error('IDLE_MINUTES must be a number of minutes ≥ 0');

const server = await startServer({ port, host, dataDir, redisUrl, publicAddress, limits: limitsFromEnv(), idleSeconds: idleMinutes === undefined ? undefined : idleMinutes * 60, warmForecasts: true });
console.log(`Lead Time running at http://localhost:${server.port}`);
if (redisUrl) console.log(`Sharing matchmaking through Redis at ${redact(redisUrl)}; clients reach this process at ${server.publicAddress}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}
