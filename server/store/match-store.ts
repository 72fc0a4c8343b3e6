/** What the store keeps about a match besides its log: enough to recreate the room. */
export type MatchMeta = {
  code: string;
  /** The scenario as JSON (custom scenarios are stored whole). */
  scenario: unknown;
  seed: string;
  /** The room's creation options as JSON. */
  options: unknown;
  createdAt: number;
};

/** One durable entry in a match's append-only log. */
export type LogEntry = { seq: number; kind: string; payload: unknown; at: number };

/**
 * `dormant`: unfinished, but nobody was connected for a while, so it was put away until someone joins it again.
 * `summary`: what a finished match's after-action files were built from when it ended (server/finished-summary.ts),
 * so a later model never changes them; absent for matches finished before summaries were kept.
 */
export type StoredMatch = { meta: MatchMeta; finished: boolean; dormant: boolean; log: LogEntry[]; summary?: unknown };

/**
 * Durable storage of matches. Every acknowledged order, chat message and phase change is appended
 * (and flushed) before the acknowledgement is sent; a restarted server rebuilds each unfinished
 * match by replaying its log through the deterministic model.
 */
export interface MatchStore {
  createMatch(meta: MatchMeta): void;
  /** Appends an entry and returns its sequence number once it is durable. */
  append(code: string, kind: string, payload: unknown, at?: number): number;
  /** Mark the match finished, keeping its summary; a summary once kept is never replaced. */
  finish(code: string, summary?: unknown): void;
  /** Mark an unfinished match put away (true) or back in play (false). */
  setDormant(code: string, dormant: boolean): void;
  isDormant(code: string): boolean;
  load(code: string): StoredMatch | undefined;
  /** Unfinished matches that were in play (not dormant), oldest first: the ones a restarted server resumes. */
  unfinished(): string[];
  close(): void;
}
