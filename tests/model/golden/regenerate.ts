/**
 * Regenerate the golden replays and the outcome seeds after a deliberate change to the model:
 *
 *   node --import tsx tests/model/golden/regenerate.ts
 *
 * For every built-in scenario it plays one bot match (mixed doctrines) from a fixed seed and stores
 * the seed, every quarter's orders and the hash of the position after every quarter (perft style), and
 * one match of scripted orders as people give them, refused ones among them (scripted.ts).
 * It also finds, for each of the six outcomes, the first seed (in a fixed search order) whose bot match
 * ends in it. Review the diff before committing: a changed hash means the model's behaviour changed.
 * A changed result needs a new MODEL_VERSION (shared/model-version.ts): raise it first, or this refuses
 * to record, since stored matches and records name the version whose rules replay them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_SCENARIOS, DOCTRINES, MODEL_VERSION, OUTCOMES, hashData, playBotMatch, type Doctrine, type OutcomeId } from '../../../shared/index.js';
import { GOLDEN_DIR as DIR, SCRIPTED_FILE, VERSION_FILE, goldenFingerprint, recordedVersion } from './fingerprint.js';
import { SCRIPTED, scriptedOrders } from './scripted.js';

const before = recordedVersion();

for (const sc of BUILTIN_SCENARIOS) {
  // The first seed whose match runs its full length (a longer replay checks more).
  let k = 0;
  while (playBotMatch(sc, `golden-${sc.id}-${k}`, { record: false }).turn < sc.turns) k++;
  const seed = `golden-${sc.id}-${k}`;
  const final = playBotMatch(sc, seed);
  const hashes: string[] = [];
  // Positions after each quarter are rebuilt by the test; here we record them from a replay of the same orders.
  const { createWorld, resolveQuarter } = await import('../../../shared/index.js');
  let s = createWorld(sc, seed);
  hashes.push(hashData(s));
  for (const h of final.history) {
    s = resolveQuarter(s, h.orders).state;
    hashes.push(hashData(s));
  }
  if (hashes[hashes.length - 1] !== hashData(final)) throw new Error(`${sc.id}: replay does not reproduce the match`);
  const file = { scenario: sc.id, seed, outcome: final.outcome!.id, turns: final.history.map((h) => ({ orders: h.orders })), hashes };
  fs.writeFileSync(path.join(DIR, `${sc.id}.json`), JSON.stringify(file, null, 1) + '\n');
  console.log(`${sc.id}: ${final.history.length} quarters, ${final.outcome!.id}, final hash ${hashes[hashes.length - 1]}`);
}

// The scripted match: orders as people give them (refused ones among them), replayed through validation.
{
  const { builtinScenario, createWorld, resolveQuarter } = await import('../../../shared/index.js');
  let s = createWorld(builtinScenario(SCRIPTED.scenario)!, SCRIPTED.seed);
  const hashes = [hashData(s)];
  const turns: { orders: ReturnType<typeof scriptedOrders> }[] = [];
  while (!s.outcome) {
    const orders = scriptedOrders(s);
    turns.push({ orders });
    s = resolveQuarter(s, orders).state;
    hashes.push(hashData(s));
  }
  const file = { ...SCRIPTED, outcome: s.outcome.id, turns, hashes };
  fs.writeFileSync(SCRIPTED_FILE, JSON.stringify(file, null, 1) + '\n');
  console.log(`scripted orders: ${turns.length} quarters, ${s.outcome.id}, final hash ${hashes[hashes.length - 1]}`);
}

// Outcome seeds: the baseline with mixed doctrines first, then the other scenarios and doctrines.
const found: Partial<Record<OutcomeId, { scenario: string; seed: string; doctrine?: Doctrine }>> = {};
const order: [string, Doctrine | undefined][] = [];
for (const sc of BUILTIN_SCENARIOS) for (const d of [undefined, ...DOCTRINES]) order.push([sc.id, d]);
for (let i = 0; i < 500 && Object.keys(found).length < OUTCOMES.length; i++) {
  const s = playBotMatch(BUILTIN_SCENARIOS[0], `reach-${i}`, { record: false });
  found[s.outcome!.id] ??= { scenario: BUILTIN_SCENARIOS[0].id, seed: `reach-${i}` };
}
for (let i = 0; i < 500 && Object.keys(found).length < OUTCOMES.length; i++) {
  for (const [id, doctrine] of order) {
    const sc = BUILTIN_SCENARIOS.find((x) => x.id === id)!;
    const seed = `reach-${i}`;
    const s = playBotMatch(sc, seed, { record: false, doctrine });
    const o = s.outcome!.id;
    if (!found[o]) found[o] = doctrine ? { scenario: id, seed, doctrine } : { scenario: id, seed };
  }
}
for (const o of OUTCOMES) if (!found[o]) throw new Error(`no seed reaches ${o}`);
fs.writeFileSync(path.join(DIR, 'outcome-seeds.json'), JSON.stringify(found, null, 1) + '\n');
console.log('outcome seeds:', found);

const fingerprint = goldenFingerprint();
if (fingerprint !== before.fingerprint && MODEL_VERSION === before.version) {
  console.error(`The model's results changed but MODEL_VERSION is still ${MODEL_VERSION}: raise it in shared/model-version.ts and run this again.`);
  process.exit(1);
}
fs.writeFileSync(VERSION_FILE, JSON.stringify({ version: MODEL_VERSION, fingerprint }, null, 1) + '\n');
console.log(`model version ${MODEL_VERSION}, fingerprint ${fingerprint}`);
