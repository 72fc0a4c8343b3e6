import { benchModel } from './model.bench.js';
import { benchClient } from './client.bench.js';
import { benchLoad } from './load.bench.js';

const only = process.argv.slice(2);
const benches: Record<string, () => Promise<void>> = { model: benchModel, client: benchClient, load: benchLoad };
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`bench: ${name}`);
  await run();
}
