import { randomBytes } from 'node:crypto';
import {
  builtinScenario,
  CreateRoomOptionsSchema,
  JoinRoomOptionsSchema,
  type CreateMatch,
  type JoinOptions,
  type Scenario,
} from '../shared/index.js';
import { describeIssues } from './errors.js';
import type { MatchConfig } from './match-controller.js';

/** Server-side room settings, passed through `define()` options so clients cannot override them. */
export type RoomSettings = { reconnectSeconds: number };
export const SETTINGS_KEY = '__settings';

export type CreateRequest = { create: CreateMatch; join: JoinOptions; scenario: Scenario; settings: RoomSettings };

/** Parse the options of `client.create`; throws an Error whose message the creating client sees. */
export function parseCreate(raw: unknown): CreateRequest {
  const { [SETTINGS_KEY]: settings, ...clientOptions } = (raw ?? {}) as Record<string, unknown>;
  const r = CreateRoomOptionsSchema.safeParse(clientOptions);
  if (!r.success) throw new Error(`Invalid match options: ${describeIssues(r.error.issues)}`);
  const scenario = builtinScenario(r.data.create.scenario);
  if (!scenario) throw new Error(`Unknown scenario "${r.data.create.scenario}".`);
  checkJoin(r.data.join, scenario);
  return { ...r.data, scenario, settings: (settings as RoomSettings | undefined) ?? { reconnectSeconds: 120 } };
}

/** Parse the options of `client.joinById` (or the creator's own join); throws with a readable message. */
export function parseJoin(raw: unknown, isCreator: boolean): JoinOptions {
  const r = isCreator ? CreateRoomOptionsSchema.safeParse(raw ?? {}) : JoinRoomOptionsSchema.safeParse(raw ?? {});
  if (!r.success) throw new Error(`Invalid join options: ${describeIssues(r.error.issues)}`);
  return r.data.join;
}

function checkJoin(join: JoinOptions, scenario: Scenario): void {
  if (join.role === 'spectator' && join.seat) throw new Error('A spectator cannot take a seat.');
  if (join.seat && !scenario.seatsInPlay.includes(join.seat)) throw new Error(`${join.seat} is not a seat in scenario "${scenario.id}".`);
}

/** The match's settings; the seed is random unless given (the model itself only uses the seed). */
export function matchConfig(req: CreateRequest, code: string): MatchConfig {
  const { create, scenario } = req;
  return {
    code,
    scenarioId: scenario.id,
    seed: create.seed ?? randomBytes(8).toString('hex'),
    turns: create.turns ?? scenario.turns,
    orderSeconds: create.orderSeconds,
    botDoctrine: create.botDoctrine,
    isPrivate: create.isPrivate,
  };
}
