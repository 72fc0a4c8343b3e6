import path from 'node:path';
import type express from 'express';
import { reportRoutes } from './http-reports.js';
import type { RoomSettings } from './options.js';
import { resumeMatches } from './resume.js';
import type { MatchStore } from './store/match-store.js';
import { SqliteMatchStore } from './store/sqlite-store.js';

export type Persistence = {
  store: MatchStore;
  /** GET /api/matches/:code/(record.json|report.json|report.html|report.csv), finished matches only. */
  routes: express.Router;
  /** Recreate every unfinished stored match (call once, after the room is defined). */
  resume: (settings: RoomSettings) => Promise<string[]>;
  close: () => void;
};

/** The match store under the data folder (`<dataDir>/matches.sqlite`), its report routes, and resumption. */
export function openPersistence(dataDir: string): Persistence {
  const store = new SqliteMatchStore(path.join(dataDir, 'matches.sqlite'));
  return { store, routes: reportRoutes(store), resume: (settings) => resumeMatches(store, settings), close: () => store.close() };
}
