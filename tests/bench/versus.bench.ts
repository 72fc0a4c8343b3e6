import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, writeSection } from './benchmarks-file.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROUNDS = 30;
const MATCHES_PER_ROUND = 600;

type Model = {
  builtinScenario(id: string): unknown;
  playBotMatch(scenario: never, seed: string, opts: { record: false }): { turn: number };
};

/**
 * The simulation against an earlier commit, side by side in one process: the two models take turns,
 * round after round, so the host's drift (about 2× over an hour on these machines) falls on both alike
 * and their ratio holds where the absolute figures do not. `BENCH_AGAINST` names the commit.
 */
export async function benchVersus(): Promise<void> {
  const rev = process.env.BENCH_AGAINST;
  if (!rev || !/^[\w./^~-]+$/.test(rev)) throw new Error('Name the commit to compare against: BENCH_AGAINST=<commit> npm run bench -- versus');
  const commit = git('rev-parse', '--short', `${rev}^{commit}`);
  const here = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'shared') ? ' with uncommitted changes to shared/' : ''}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-time-versus-'));
  try {
    const before = await bundle(tmp, 'before', extractShared(commit, path.join(tmp, 'before-src')));
    const now = await bundle(tmp, 'now', path.join(ROOT, 'shared'));
    const models = [(await import(pathToFileURL(before).href)) as Model, (await import(pathToFileURL(now).href)) as Model];
    const scenarios = models.map((m) => m.builtinScenario('baseline') as never);
    const play = (k: number, tag: string) => {
      const t0 = performance.now();
      let quarters = 0;
      for (let i = 0; i < MATCHES_PER_ROUND; i++) quarters += models[k].playBotMatch(scenarios[k], `${tag}-${i}`, { record: false }).turn;
      return { ms: performance.now() - t0, quarters };
    };
    for (const k of [0, 1]) play(k, 'warm');
    const rates: { matches: number; quarters: number }[][] = [[], []];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which model goes first, so neither always runs after the other's garbage.
      const order = r % 2 ? [1, 0] : [0, 1];
      const got: { ms: number; quarters: number }[] = [];
      for (const k of order) got[k] = play(k, `round${r}`);
      for (const k of [0, 1]) rates[k].push({ matches: (MATCHES_PER_ROUND / got[k].ms) * 1000, quarters: (got[k].quarters / got[k].ms) * 1000 });
      ratios.push(got[0].ms / got[0].quarters / (got[1].ms / got[1].quarters));
    }
    const m = (k: number, f: 'matches' | 'quarters') => median(rates[k].map((x) => x[f]));
    const ratio = median(ratios);
    writeSection(
      'versus',
      `## Simulation speed against an earlier commit

Command: \`BENCH_AGAINST=${rev} npm run bench -- versus\` (tests/bench/versus.bench.ts): the model of commit ${commit} and the model of this checkout, each bundled by esbuild, play full bot matches (baseline, mixed doctrines, no history kept) in one process, taking turns for ${ROUNDS} rounds of ${MATCHES_PER_ROUND} matches. Taking turns puts the host's drift on both alike, so the ratio is the figure to read. Load average at the end: ${os.loadavg()[0].toFixed(1)}.

| model | matches per second, median | quarters per second, median |
|---|---|---|
| commit ${commit} | ${m(0, 'matches').toFixed(0)} | ${m(0, 'quarters').toFixed(0)} |
| this checkout (${here}) | ${m(1, 'matches').toFixed(0)} | ${m(1, 'quarters').toFixed(0)} |

This checkout (${here}) resolves a quarter **${ratio.toFixed(2)}×** as fast as commit ${commit} (median over the rounds of the ratio of time per quarter; from ${Math.min(...ratios).toFixed(2)}× to ${Math.max(...ratios).toFixed(2)}×). Per quarter, since a change of rules may make matches longer or shorter.`,
    );
    console.log(`versus ${commit}: ${ratio.toFixed(3)}× per quarter`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
}

/** The commit's shared/ folder, written out under `dir`. */
function extractShared(commit: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const tar = path.join(dir, 'shared.tar');
  git('archive', '--format=tar', '-o', tar, commit, 'shared');
  execFileSync('tar', ['-xf', tar, '-C', dir]);
  return path.join(dir, 'shared');
}

/** One bundle of a model's `builtinScenario` and `playBotMatch`, with this checkout's packages. */
async function bundle(tmp: string, name: string, shared: string): Promise<string> {
  const entry = path.join(tmp, `${name}-entry.ts`);
  const rel = (p: string) => JSON.stringify(path.relative(tmp, p).split(path.sep).join('/').replace(/^(?!\.)/, './'));
  fs.writeFileSync(entry, `export { builtinScenario } from ${rel(path.join(shared, 'scenarios.js'))};\nexport { playBotMatch } from ${rel(path.join(shared, 'match.js'))};\n`);
  const outfile = path.join(tmp, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, nodePaths: [path.join(ROOT, 'node_modules')], logLevel: 'warning' });
  return outfile;
}
