import { MatchRecordSchema, replay, type MatchRecord } from '../../../../shared/analysis/index.js';
import { type OutcomeResult, type Scenario, type TurnRecord, type WorldState } from '../../../../shared/index.js';
import { serverUrl } from '../../net/connection.js';

/** The after-action files the server serves for a finished match (shared/protocol.ts REPORT_FORMATS). */
export function reportUrl(code: string, file: 'record.json' | 'report.json' | 'report.html' | 'report.csv'): string {
  return `${serverUrl}/api/matches/${encodeURIComponent(code)}/${file}`;
}

export type Finished = {
  /** The record as served (valid against MatchRecordSchema; goes into reports and downloads). */
  record: MatchRecord;
  /** The same record set to the match's own length, for replay and what-if (see `withTurns`). */
  replayable: MatchRecord;
  /** states[0] is the opening; states[k] the world after quarter k, rebuilt from the record. */
  states: WorldState[];
  /** True when the rebuilt figures match what the table saw (no Control interventions changed the world). */
  faithful: boolean;
  /** The first quarter whose rebuilt figures differ from the match as played, if any. */
  divergesAt: number | null;
  /** Where the record came from. */
  source: 'server' | 'reveal';
};

const cache = new Map<string, Promise<Finished>>();

function sameQuarter(a: TurnRecord, b: TurnRecord): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  return close(a.leadMonths, b.leadMonths) && close(a.tension, b.tension) && close(a.cooperation, b.cooperation);
}

/** Compare the rebuilt quarters with what the match revealed at its end. */
function check(states: WorldState[], reveal: readonly TurnRecord[] | null): { faithful: boolean; divergesAt: number | null } {
  if (!reveal?.length) return { faithful: true, divergesAt: null };
  const rebuilt = states[states.length - 1].history;
  for (let i = 0; i < reveal.length; i++) {
    if (!rebuilt[i] || !sameQuarter(rebuilt[i], reveal[i])) return { faithful: false, divergesAt: i + 1 };
  }
  return { faithful: rebuilt.length === reveal.length, divergesAt: rebuilt.length === reveal.length ? null : reveal.length };
}

/**
 * A record built from what the end screen already has (every quarter's orders and true figures) when
 * the server's record route cannot be reached. Its seed is unknown, so a replay of it is approximate.
 */
export function recordFromReveal(code: string, scenario: Scenario | undefined, reveal: readonly TurnRecord[]): MatchRecord | null {
  if (!scenario) return null;
  return { version: 1, code, scenario, seed: 'unknown', turns: reveal.map((r) => ({ orders: r.orders })) };
}

/**
 * The stored record names the scenario as written, with its default length; a match created with fewer
 * (or more) quarters ends, and is classified, at its own last quarter. Replays need that length. (Such a
 * scenario may fail the schema when it has scheduled events past the end, so it is for replay only.)
 */
export function withTurns(record: MatchRecord, turns: number): MatchRecord {
  return turns && record.scenario.turns !== turns ? { ...record, scenario: { ...record.scenario, turns } } : record;
}

/** A finished world as the end screen knows it: enough for the after-action report. */
export function finalFromReveal(reveal: readonly TurnRecord[], outcome: OutcomeResult): WorldState {
  return { history: [...reveal], outcome } as unknown as WorldState;
}

/**
 * The finished match's record from `/api/matches/:code/record.json`, replayed into states (cached per
 * code). Falls back to the revealed orders when the route is unreachable.
 */
export function loadFinished(code: string, fallback: { scenario: Scenario | undefined; reveal: readonly TurnRecord[] | null; turns: number }): Promise<Finished> {
  const hit = cache.get(code);
  if (hit) return hit;
  const p = (async (): Promise<Finished> => {
    let record: MatchRecord | null = null;
    let source: Finished['source'] = 'server';
    try {
      const res = await fetch(reportUrl(code, 'record.json'), { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const parsed = MatchRecordSchema.safeParse(await res.json());
      if (!parsed.success) throw new Error('the record did not validate');
      record = parsed.data;
    } catch (e) {
      record = fallback.reveal ? recordFromReveal(code, fallback.scenario, fallback.reveal) : null;
      source = 'reveal';
      if (!record) throw e;
    }
    const replayable = withTurns(record, fallback.turns);
    const states = replay(replayable);
    return { record, replayable, states, source, ...check(states, fallback.reveal) };
  })();
  cache.set(code, p);
  p.catch(() => cache.delete(code));
  return p;
}
