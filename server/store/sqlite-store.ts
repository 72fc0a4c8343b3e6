import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { LogEntry, MatchMeta, MatchStore, StoredMatch } from './match-store.js';

/** The embedded default store: one SQLite file under the data folder, in WAL mode. */
export class SqliteMatchStore implements MatchStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL with NORMAL sync: a committed entry survives a killed process.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS matches (
        code TEXT PRIMARY KEY,
        scenario TEXT NOT NULL,
        seed TEXT NOT NULL,
        options TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        finished INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS log (
        code TEXT NOT NULL REFERENCES matches(code),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (code, seq)
      );
    `);
    // Stores made before dormant matches existed get the column (every match in them was in play).
    const columns = this.db.prepare('PRAGMA table_info(matches)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'dormant')) this.db.exec('ALTER TABLE matches ADD COLUMN dormant INTEGER NOT NULL DEFAULT 0');
    // And the finished summary (null for matches finished before it was kept).
    if (!columns.some((c) => c.name === 'summary')) this.db.exec('ALTER TABLE matches ADD COLUMN summary TEXT');
    this.stmts = {
      insertMatch: this.db.prepare('INSERT INTO matches (code, scenario, seed, options, created_at) VALUES (?, ?, ?, ?, ?)'),
      nextSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM log WHERE code = ?'),
      insertLog: this.db.prepare('INSERT INTO log (code, seq, kind, payload, at) VALUES (?, ?, ?, ?, ?)'),
      finish: this.db.prepare('UPDATE matches SET finished = 1, dormant = 0, summary = COALESCE(summary, ?) WHERE code = ?'),
      setDormant: this.db.prepare('UPDATE matches SET dormant = ? WHERE code = ? AND finished = 0'),
      isDormant: this.db.prepare('SELECT 1 FROM matches WHERE code = ? AND finished = 0 AND dormant = 1'),
      getMatch: this.db.prepare('SELECT code, scenario, seed, options, created_at, finished, dormant, summary FROM matches WHERE code = ?'),
      getLog: this.db.prepare('SELECT seq, kind, payload, at FROM log WHERE code = ? ORDER BY seq'),
      unfinished: this.db.prepare('SELECT code FROM matches WHERE finished = 0 AND dormant = 0 ORDER BY created_at'),
    };
  }

  createMatch(meta: MatchMeta): void {
    this.stmts.insertMatch.run(meta.code, JSON.stringify(meta.scenario), meta.seed, JSON.stringify(meta.options), meta.createdAt);
  }

  append(code: string, kind: string, payload: unknown, at = Date.now()): number {
    const tx = this.db.transaction(() => {
      const { seq } = this.stmts.nextSeq.get(code) as { seq: number };
      this.stmts.insertLog.run(code, seq, kind, JSON.stringify(payload), at);
      return seq;
    });
    return tx();
  }

  finish(code: string, summary?: unknown): void {
    // Kept gzipped: a ten-quarter match's summary is about 200 kB of JSON and a tenth of that compressed.
    this.stmts.finish.run(summary === undefined ? null : gzipSync(JSON.stringify(summary)), code);
  }

  setDormant(code: string, dormant: boolean): void {
    this.stmts.setDormant.run(dormant ? 1 : 0, code);
  }

  isDormant(code: string): boolean {
    return this.stmts.isDormant.get(code) !== undefined;
  }

  load(code: string): StoredMatch | undefined {
    const row = this.stmts.getMatch.get(code) as
      | { code: string; scenario: string; seed: string; options: string; created_at: number; finished: number; dormant: number; summary: Buffer | string | null }
      | undefined;
    if (!row) return undefined;
    const log = (this.stmts.getLog.all(code) as { seq: number; kind: string; payload: string; at: number }[]).map(
      (r): LogEntry => ({ seq: r.seq, kind: r.kind, payload: JSON.parse(r.payload), at: r.at }),
    );
    const meta: MatchMeta = { code: row.code, scenario: JSON.parse(row.scenario), seed: row.seed, options: JSON.parse(row.options), createdAt: row.created_at };
    return { meta, finished: row.finished === 1, dormant: row.dormant === 1, log, ...(row.summary !== null ? { summary: decodeSummary(row.summary) } : {}) };
  }

  unfinished(): string[] {
    return (this.stmts.unfinished.all() as { code: string }[]).map((r) => r.code);
  }

  close(): void {
    this.db.close();
  }
}

/** A stored summary: gzipped JSON, or plain JSON text; what cannot be read comes back as null (and is rebuilt). */
function decodeSummary(stored: Buffer | string): unknown {
  try {
    return JSON.parse(typeof stored === 'string' ? stored : gunzipSync(stored).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
