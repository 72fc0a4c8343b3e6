import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, MODEL_VERSION, OUTCOMES, createWorld, hashData, playBotMatch, resolveQuarter, type BySeat, type Doctrine, type SeatOrders, type WorldState } from '../../shared/index.js';
import { scenario } from './helpers.js';
import { goldenFingerprint, recordedVersion, SCRIPTED_FILE } from './golden/fingerprint.js';

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'golden');
type Golden = { scenario: string; seed: string; outcome: string; turns: { orders: BySeat<SeatOrders> }[]; hashes: string[] };

/** Replay a golden file's orders from its seed, checking the position's hash after every quarter and the outcome; the final position. */
function replayGolden(g: Golden): WorldState {
  let s = createWorld(scenario(g.scenario), g.seed);
  expect(hashData(s), 'opening').toBe(g.hashes[0]);
  g.turns.forEach((t, q) => {
    s = resolveQuarter(s, t.orders).state;
    expect(hashData(s), `after quarter ${q + 1}`).toBe(g.hashes[q + 1]);
  });
  expect(s.outcome?.id).toBe(g.outcome);
  return s;
}

// If these fail after a deliberate model change, regenerate: node --import tsx tests/model/golden/regenerate.ts
describe('golden replays (seed + order log → exact position hashes)', () => {
  for (const sc of BUILTIN_SCENARIOS) {
    it(`${sc.id}`, () => {
      replayGolden(JSON.parse(fs.readFileSync(path.join(DIR, `${sc.id}.json`), 'utf8')) as Golden);
    });
    it(`${sc.id}: the bots still give the recorded orders`, () => {
      const g = JSON.parse(fs.readFileSync(path.join(DIR, `${sc.id}.json`), 'utf8')) as Golden;
      const played = playBotMatch(scenario(g.scenario), g.seed);
      expect(played.history.map((h) => ({ orders: h.orders }))).toEqual(g.turns);
    });
  }
});

describe('golden replay of orders as people give them (validation, agreements, breaches)', () => {
  const g = JSON.parse(fs.readFileSync(SCRIPTED_FILE, 'utf8')) as Golden;

  it('reproduces every position, refused orders and all', () => {
    const s = replayGolden(g);
    // What the script is there to cover (tests/model/golden/scripted.ts), so a regenerated file still does.
    const events = s.history.flatMap((h) => h.events);
    const dropped = events.filter((e) => e.kind === 'order-dropped').map((e) => e.text);
    for (const why of [/belongs to China, not United States/, /^Unknown action "no-such-action"/, /takes an intensity from 1 to 3/, /was ordered twice/, /costs \d+, (more than|but only)/, /cannot sign the Mutual restraint/]) {
      expect(dropped.some((t) => why.test(t)), String(why)).toBe(true);
    }
    expect(events.some((e) => e.kind === 'agreement-signed')).toBe(true);
    expect(events.some((e) => e.kind === 'agreement-refused')).toBe(true);
    const breaches = events.filter((e) => e.kind === 'agreement-breached').map((e) => e.text);
    expect(breaches.some((t) => t.startsWith('Compute hubs breached the Data-centre KYC pact'))).toBe(true);
    expect(breaches.some((t) => t.startsWith('PRC lab breached the Joint safety evaluations'))).toBe(true);
  });
});

describe('the model version names the golden results', () => {
  it('is the version the golden files were recorded under, with their fingerprint', () => {
    const recorded = recordedVersion();
    // A mismatch means the golden files changed without a new MODEL_VERSION (shared/model-version.ts).
    expect({ version: MODEL_VERSION, fingerprint: goldenFingerprint() }).toEqual(recorded);
  });
});

describe('every outcome is reachable by a stored seeded bot match', () => {
  const seeds = JSON.parse(fs.readFileSync(path.join(DIR, 'outcome-seeds.json'), 'utf8')) as Record<string, { scenario: string; seed: string; doctrine?: Doctrine }>;
  for (const o of OUTCOMES) {
    it(o, () => {
      const r = seeds[o];
      expect(r, `a seed for ${o}`).toBeDefined();
      expect(playBotMatch(scenario(r.scenario), r.seed, { record: false, doctrine: r.doctrine }).outcome?.id).toBe(o);
    });
  }
});
