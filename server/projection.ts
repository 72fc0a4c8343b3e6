import type { ArraySchema } from '@colyseus/schema';
import { publicView, splitPublicView, type PublicParts, type RoomListing, type SeatId, type WorldState } from '../shared/index.js';
import type { MatchController } from './match-controller.js';
import type { Roster } from './roster.js';
import { SeatSlot, type MatchState } from './schema.js';

/**
 * Write the public state from the model and the roster. Only public facts go in: seat occupancy,
 * team sizes, submitted flags and the clock, never orders, drafts, chat or seat views.
 */
export function project(state: MatchState, ctrl: MatchController, roster: Roster): void {
  const world = ctrl.world;
  const parts = publicParts(world);
  state.code = ctrl.config.code;
  state.scenarioId = world.scenarioId;
  if (!state.scenarioJson) state.scenarioJson = JSON.stringify(ctrl.scenario);
  state.phase = ctrl.phase;
  state.turn = world.turn;
  state.turns = world.turns;
  state.quarter = parts.quarter;
  state.facilitated = ctrl.config.facilitated;
  const running = ctrl.phase === 'orders';
  state.deadline = running && !ctrl.clock.paused ? ctrl.clock.deadline : 0;
  state.paused = running && ctrl.clock.paused;
  state.remaining = state.paused ? ctrl.clock.remaining : 0;
  state.controlPresent = roster.facilitators().some((m) => m.connected);
  state.forecastOpen = ctrl.forecastOpen;
  if (state.publicJson !== parts.head) state.publicJson = parts.head;
  syncList(state.publicEvents, parts.events);
  syncList(state.publicSeries, parts.series);
  for (const seat of ctrl.seatsInPlay) {
    let slot = state.seats.get(seat);
    if (!slot) {
      slot = new SeatSlot();
      slot.seat = seat;
      state.seats.set(seat, slot);
    }
    const holders = roster.holders(seat);
    const handed = ctrl.handedToBot.has(seat);
    slot.name = holders.map((m) => m.name).join(', ');
    slot.occupied = holders.length > 0;
    slot.connected = holders.some((m) => m.connected);
    slot.submitted = ctrl.hasSubmitted(seat);
    slot.bot = holders.length === 0 || handed;
    slot.members = holders.length;
    slot.handedToBot = handed;
    slot.away = holders.filter((m) => !m.connected).map((m) => m.name).join(', ');
  }
}

/** The world is replaced, never changed in place, so its public parts are computed once per world. */
const partsCache = new WeakMap<WorldState, PublicParts & { quarter: string }>();

function publicParts(world: WorldState): PublicParts & { quarter: string } {
  let parts = partsCache.get(world);
  if (!parts) {
    const view = publicView(world);
    parts = { ...splitPublicView(view), quarter: view.quarter };
    partsCache.set(world, parts);
  }
  return parts;
}

/** Make a synchronised list equal to `next`, touching only the items that differ (usually: appending). */
function syncList(list: ArraySchema<string>, next: readonly string[]): void {
  const common = Math.min(list.length, next.length);
  for (let i = 0; i < common; i++) if (list[i] !== next[i]) list[i] = next[i];
  if (list.length > next.length) list.splice(next.length, list.length - next.length);
  for (let i = common; i < next.length; i++) list.push(next[i]);
}

export function listing(ctrl: MatchController, roster: Roster): RoomListing {
  const taken = new Set(roster.humanSeats());
  const freeSeats: SeatId[] = ctrl.seatsInPlay.filter((s) => !taken.has(s));
  return { code: ctrl.config.code, scenarioId: ctrl.world.scenarioId, scenarioName: ctrl.scenario.name, phase: ctrl.phase, freeSeats, isPrivate: ctrl.config.isPrivate, facilitated: ctrl.config.facilitated };
}
