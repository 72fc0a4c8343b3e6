import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinScenario, OUTCOMES, playBotMatch } from '../../shared/index.js';
import { recordOf } from '../../shared/analysis/index.js';

/** The command-line tools as a user runs them (`npm run sim|forecast|sensitivity -- …`), in a child process. */
const TOOLS = { sim: 'shared/cli/sim.ts', forecast: 'server/cli/forecast.ts', sensitivity: 'server/cli/sensitivity.ts' } as const;

type Run = { code: number; stdout: string; stderr: string };

function run(tool: keyof typeof TOOLS, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', TOOLS[tool], ...args], { timeout: 90_000, env: { ...process.env, FORCE_COLOR: '0' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'leadtime-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, body: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

/** A scenario of one's own: the baseline, five quarters, a tenser start. */
const own = file('drill.json', { ...structuredClone(builtinScenario('baseline')!), id: 'drill', name: 'Drill', turns: 5, events: [], start: { ...builtinScenario('baseline')!.start, tension: { value: 60, source: 'facilitator' } } });
const broken = file('broken.json', { ...structuredClone(builtinScenario('baseline')!), id: 'broken', start: { ...builtinScenario('baseline')!.start, tension: { value: 160, source: 'facilitator' } } });

describe('npm run sim', () => {
  it('plays a batch and prints the outcome table; the same seed prints the same table; the CSV has a row per match', async () => {
    const csv = path.join(dir, 'sim.csv');
    const [a, b] = await Promise.all([run('sim', ['--scenario', own, '--matches', '24', '--seed', 'cli', '--quiet', '--csv', csv]), run('sim', ['--scenario', own, '--matches', '24', '--seed', 'cli', '--quiet'])]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/^Drill \(drill\) — 24 matches, seed "cli"/);
    // The first line has the time taken; the CSV run adds a line saying where it wrote.
    const table = (s: string) => s.split('\n').slice(1).filter((l) => !l.startsWith('Wrote ')).join('\n').trim();
    expect(table(a.stdout)).toBe(table(b.stdout));
    expect(a.stdout).toContain(`Wrote 24 rows to ${csv}`);
    const counts = [...a.stdout.matchAll(/^\S.*?\s+\d+\.\d%\s+\(\s*\d+\.\d% –\s*\d+\.\d%\)\s+(\d+)$/gm)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(OUTCOMES.length);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(24);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n')).toHaveLength(1 + 24);
  });

  it('refuses a broken scenario file, naming the field, and an unknown option', async () => {
    const bad = await run('sim', ['--scenario', broken, '--matches', '5', '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('start.tension.value: 160 is out of bounds');
    expect(bad.stdout).toBe('');
    const typo = await run('sim', ['--matchs', '5']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^sim: Unknown option '--matchs'.* \(see --help\)\n$/);
  });
});

describe('npm run forecast', () => {
  const final = playBotMatch(builtinScenario('baseline')!, 'cli-record', { doctrine: 'dove' });
  const record = file('record.json', recordOf(builtinScenario('baseline')!, final, 'CLIREC'));

  it('forecasts a scenario file from its opening, as JSON whose odds sum to 1', async () => {
    const r = await run('forecast', ['--scenario', own, '--matches', '300', '--seed', '7', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout) as { n: number; odds: Record<string, { p: number; low: number; high: number }>; meanLead: number[] };
    expect(f.n).toBe(300);
    expect(OUTCOMES.reduce((t, o) => t + f.odds[o].p, 0)).toBeCloseTo(1, 9);
    expect(f.meanLead.length).toBeLessThanOrEqual(5);
  });

  it('forecasts a stored match from the position after a chosen quarter, and from a forced ending at 100%', async () => {
    const after = await run('forecast', ['--record', record, '--after', '2', '--matches', '200']);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toMatch(new RegExp(`^Forecast: match CLIREC after 2 of its ${final.turns} quarters; 200 continuations`));
    const atEnd = await run('forecast', ['--record', record, '--matches', '50', '--json']);
    const f = JSON.parse(atEnd.stdout) as { odds: Record<string, { p: number }> };
    expect(f.odds[final.outcome!.id].p).toBe(1);
  });

  it('refuses a quarter the match never reached, a missing or broken record, and a typo, each saying what is wrong', async () => {
    const beyond = await run('forecast', ['--record', record, '--after', '99', '--matches', '10']);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toBe(`forecast: --after 99: the match has ${final.history.length} quarters\n`);
    const missing = await run('forecast', ['--record', path.join(dir, 'nope.json')]);
    expect(missing.stderr).toMatch(/^forecast: no such file: .*nope\.json\n$/);
    const garbled = await run('forecast', ['--record', file('garbled.json', '{"code": ')]);
    expect(garbled.stderr).toMatch(/^forecast: .*garbled\.json is not valid JSON: /);
    const notRecord = await run('forecast', ['--record', own]);
    expect(notRecord.stderr).toMatch(/is not a match record: /);
    // An option that needs a value, given none, and options that do not go together.
    const bare = await run('forecast', ['--scenario', own, '--matches', '--json']);
    expect(bare.stderr).toBe('forecast: --matches needs a value (a whole number from 1 to 1000000)\n');
    const noFile = await run('forecast', ['--record', '--matches', '10']);
    expect(noFile.stderr).toBe('forecast: --record needs a value\n');
    const both = await run('forecast', ['--scenario', own, '--record', record, '--matches', '10']);
    expect(both.stderr).toBe('forecast: give --scenario or --record, not both\n');
    const lonely = await run('forecast', ['--after', '2', '--matches', '10']);
    expect(lonely.stderr).toBe('forecast: --after needs --record (the stored match to forecast from)\n');
    const typo = await run('forecast', ['--scenario', own, '--matchs', '10']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^forecast: unknown option --matchs \(options: --scenario, --matches/);
  });
});

describe('npm run sensitivity', () => {
  it('ranks the sourced parameters of a scenario file, and refuses a broken one', async () => {
    const r = await run('sensitivity', ['--scenario', own, '--matches', '4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as { rows: { param: string; swing: number }[] };
    expect(s.rows.length).toBeGreaterThan(5);
    const swings = s.rows.map((x) => x.swing);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    const bad = await run('sensitivity', ['--scenario', broken, '--matches', '4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('start.tension.value: 160 is out of bounds');
  });
});
