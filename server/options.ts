import { randomBytes } from 'node:crypto';
import {
  builtinScenario,
  CreateMatchSchema,
  CreateRoomOptionsSchema,
  JoinRoomOptionsSchema,
  keptScenario,
  parseOwnScenario,
  type CreateMatch,
  type JoinOptions,
  type Scenario,
} from '../shared/index.js';
import { describeIssues } from './errors.js';
import type { MatchConfig } from './match-controller.js';
import type { MatchMeta, MatchStore } from './store/match-store.js';

/** Server-side room settings, passed through `define()` options so clients cannot override them. */
export type RoomSettings = {
  reconnectSeconds: number;
  /**
   * An unfinished match nobody is connected to is put away after this long (it stays in the store and
   * comes back when someone joins its code). Only with a store; 0 keeps every match in memory.
   */
  idleSeconds?: number;
  /** Where every match's log goes; without one, matches live in memory only. */
  store?: MatchStore;
  /** One-time tickets that let the server itself recreate a stored match (ticket → code). */
  resumeTickets?: Map<string, string>;
  /** Warm the live-forecast workers when a match opens (`ServerOptions.warmForecasts`). */
  warmForecasts?: boolean;
};
export const SETTINGS_KEY = '__settings';
/** The option that carries a resume ticket; only `resumeMatch` (server side) knows a valid ticket. */
export const RESUME_KEY = '__resume';

export type CreateRequest = { create: CreateMatch; join: JoinOptions; scenario: Scenario; settings: RoomSettings };

/** What a stored match keeps in `MatchMeta.options`. */
/** `modelVersion`: the model the match began under (absent for matches stored before versions were kept). */
export type StoredOptions = { create: CreateMatch; facilitatorKey: string | null; modelVersion?: number };

/** Split the room's options into the server's settings, a resume ticket, and what the client sent. */
export function splitOptions(raw: unknown): { settings: RoomSettings; resume: string | undefined; client: Record<string, unknown> } {
  const { [SETTINGS_KEY]: settings, [RESUME_KEY]: resume, ...client } = (raw ?? {}) as Record<string, unknown>;
  const s = (settings as RoomSettings | undefined) ?? { reconnectSeconds: 120 };
  // A ticket counts only if the server issued it; anything else is an unknown client option.
  if (typeof resume === 'string' && s.resumeTickets?.has(resume)) return { settings: s, resume, client };
  return { settings: s, resume: undefined, client: resume === undefined ? client : { ...client, [RESUME_KEY]: resume } };
}

/** Parse the options of `client.create`; throws an Error whose message the creating client sees. */
export function parseCreate(clientOptions: Record<string, unknown>, settings: RoomSettings): CreateRequest {
  const r = CreateRoomOptionsSchema.safeParse(clientOptions);
  if (!r.success) throw new Error(`Invalid match options: ${describeIssues(r.error.issues)}`);
  const scenario = r.data.scenario === undefined ? builtinScenario(r.data.create.scenario) : ownScenario(r.data.scenario);
  if (!scenario) throw new Error(`Unknown scenario "${r.data.create.scenario}".`);
  // The stored settings name the match's scenario, whichever it is.
  const create = { ...r.data.create, scenario: scenario.id };
  const join = creatorJoin(create, r.data.join);
  if (join.seat && !scenario.seatsInPlay.includes(join.seat)) throw new Error(`${join.seat} is not a seat in scenario "${scenario.id}".`);
  return { create, join, scenario, settings };
}

/** The creator's own scenario, checked; its problems (the first few, by field) are the creator's error. */
function ownScenario(raw: unknown): Scenario {
  const r = parseOwnScenario(raw);
  if (r.ok) return r.scenario;
  const shown = r.errors.slice(0, 5);
  const more = r.errors.length > shown.length ? `; and ${r.errors.length - shown.length} more` : '';
  throw new Error(`Your scenario has ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}.`);
}

/** The creator of a facilitated match is its facilitator; nobody else creates one as facilitator. */
function creatorJoin(create: CreateMatch, join: JoinOptions): JoinOptions {
  if (join.role === 'spectator' && join.seat) throw new Error('A spectator cannot take a seat.');
  if (create.facilitated) {
    if (join.seat) throw new Error('The facilitator of a facilitated match takes no seat.');
    if (join.role === 'spectator') throw new Error('The creator of a facilitated match is its facilitator, not a spectator.');
    return { ...join, role: 'facilitator' };
  }
  if (join.role === 'facilitator') throw new Error('Only a facilitated match (create.facilitated: true) has a facilitator.');
  return join;
}

/** Parse the options of `client.joinById` (or the creator's own join); throws with a readable message. */
export function parseJoin(raw: unknown, isCreator: boolean): JoinOptions {
  if (isCreator) {
    const r = CreateRoomOptionsSchema.safeParse(raw ?? {});
    if (!r.success) throw new Error(`Invalid join options: ${describeIssues(r.error.issues)}`);
    return creatorJoin(r.data.create, r.data.join);
  }
  const r = JoinRoomOptionsSchema.safeParse(raw ?? {});
  if (!r.success) throw new Error(`Invalid join options: ${describeIssues(r.error.issues)}`);
  return r.data.join;
}

/** The match's settings; the seed is random unless given (the model itself only uses the seed). */
export function matchConfig(create: CreateMatch, scenario: Scenario, code: string, seed: string): MatchConfig {
  return {
    code,
    scenarioId: scenario.id,
    seed,
    turns: create.turns ?? scenario.turns,
    orderSeconds: create.orderSeconds,
    botDoctrine: create.botDoctrine,
    isPrivate: create.isPrivate,
    facilitated: create.facilitated,
    ...(create.secretAgendas ? { secretAgendas: true } : {}),
  };
}

export function newSeed(create: CreateMatch): string {
  return create.seed ?? randomBytes(8).toString('hex');
}

/** A secret for the facilitator: 128 random bits, URL-safe. */
export function newFacilitatorKey(): string {
  return randomBytes(16).toString('base64url');
}

/** Rebuild a stored match's settings; the scenario is the stored copy (or the built-in one if it no longer parses). */
export function storedMatch(meta: MatchMeta): { create: CreateMatch; scenario: Scenario; facilitatorKey: string | null; modelVersion: number | undefined } {
  const opts = (meta.options ?? {}) as Partial<StoredOptions>;
  const create = CreateMatchSchema.parse(opts.create ?? {});
  const kept = keptScenario(meta.scenario);
  if (kept?.warning) console.warn(`match ${meta.code}: its stored scenario fails today's checks (${kept.warning}); it is played as stored`);
  const scenario = kept ? kept.scenario : builtinScenario(create.scenario);
  if (!scenario) throw new Error(`match ${meta.code}: its scenario "${create.scenario}" is gone`);
  const modelVersion = typeof opts.modelVersion === 'number' ? opts.modelVersion : undefined;
  return { create, scenario, facilitatorKey: opts.facilitatorKey ?? null, modelVersion };
}
