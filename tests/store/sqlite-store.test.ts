import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteMatchStore } from '../../server/store/sqlite-store.js';

const dirs: string[] = [];
function tempFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadtime-store-'));
  dirs.push(dir);
  return path.join(dir, 'matches.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const meta = (code: string) => ({ code, scenario: { id: 'baseline' }, seed: 's1', options: { turns: 10 }, createdAt: 1 });

describe('SQLite match store', () => {
  it('keeps a match and its log in order across reopening', () => {
    const file = tempFile();
    const a = new SqliteMatchStore(file);
    a.createMatch(meta('ABCDEF'));
    expect(a.append('ABCDEF', 'orders', { seat: 'US', turn: 0 })).toBe(1);
    expect(a.append('ABCDEF', 'chat', { text: 'hello' })).toBe(2);
    a.close();
    const b = new SqliteMatchStore(file);
    const m = b.load('ABCDEF')!;
    expect(m.meta.scenario).toEqual({ id: 'baseline' });
    expect(m.log.map((e) => [e.seq, e.kind])).toEqual([[1, 'orders'], [2, 'chat']]);
    expect(m.log[1].payload).toEqual({ text: 'hello' });
    expect(b.unfinished()).toEqual(['ABCDEF']);
    b.finish('ABCDEF');
    expect(b.unfinished()).toEqual([]);
    b.close();
  });

  it('keeps the first summary a finished match is given, across reopening', () => {
    const file = tempFile();
    const a = new SqliteMatchStore(file);
    a.createMatch(meta('SUMMRY'));
    expect(a.load('SUMMRY')!.summary).toBeUndefined();
    a.finish('SUMMRY', { outcome: 'first' });
    a.finish('SUMMRY', { outcome: 'second' });
    a.close();
    const b = new SqliteMatchStore(file);
    expect(b.load('SUMMRY')).toMatchObject({ finished: true, summary: { outcome: 'first' } });
    b.close();
  });

  it('adds the summary column to a store made before it existed', () => {
    const file = tempFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE matches (code TEXT PRIMARY KEY, scenario TEXT NOT NULL, seed TEXT NOT NULL, options TEXT NOT NULL, created_at INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0, dormant INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE log (code TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (code, seq));
      INSERT INTO matches (code, scenario, seed, options, created_at, finished) VALUES ('OLDONE', '{}', 's', '{}', 1, 1);`);
    old.close();
    const s = new SqliteMatchStore(file);
    expect(s.load('OLDONE')).toMatchObject({ finished: true });
    expect(s.load('OLDONE')!.summary).toBeUndefined();
    s.finish('OLDONE', { kept: true });
    expect(s.load('OLDONE')!.summary).toEqual({ kept: true });
    s.close();
  });

  it('refuses a second match with the same code', () => {
    const s = new SqliteMatchStore(tempFile());
    s.createMatch(meta('AAAAAA'));
    expect(() => s.createMatch(meta('AAAAAA'))).toThrow();
    s.close();
  });

  it('keeps every appended entry when the process is killed right after', async () => {
    const file = tempFile();
    const child = fork(path.join(import.meta.dirname, 'fixtures/append-then-hang.ts'), [file, '200'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const appended = await new Promise<number>((resolve, reject) => {
      child.on('message', (m) => resolve(Number(m)));
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const s = new SqliteMatchStore(file);
    expect(appended).toBe(200);
    expect(s.load('KILLED')!.log).toHaveLength(200);
    s.close();
  });
});
