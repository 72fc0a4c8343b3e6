import { benchModel } from './model.bench.js';
import { benchClient } from './client.bench.js';
import { benchLoad } from './load.bench.js';
import { benchVersus } from './versus.bench.js';

const only = process.argv.slice(2);
const benches: Record<string, () => Promise<void>> = { model: benchModel, client: benchClient, load: benchLoad, versus: benchVersus };
// The comparison needs a commit to compare against, so it runs only when asked for.
const onRequest = new Set(['versus']);
for (const [name, run] of Object.entries(benches)) {
  if (only.length ? !only.includes(name) : onRequest.has(name) && !process.env.BENCH_AGAINST) continue;
  console.log(`bench: ${name}`);
  await run();
}
