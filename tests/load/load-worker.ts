import { parentPort, workerData } from 'node:worker_threads';
import { LoadGenerator, type GeneratorConfig } from './generator.js';

/** A worker thread holding a share of the load generator's clients; it reports a tick every second. */
const gen = new LoadGenerator((workerData as { config: GeneratorConfig }).config);
gen.start();
const ticker = setInterval(() => parentPort!.postMessage({ kind: 'tick', tick: gen.tick() }), 1000);
parentPort!.on('message', async (msg: { kind: 'stop' }) => {
  if (msg.kind !== 'stop') return;
  clearInterval(ticker);
  await gen.stop();
  parentPort!.postMessage({ kind: 'stopped', tick: gen.tick() });
});
