import { publicView, type RoomListing, type SeatId } from '../shared/index.js';
import type { MatchController } from './match-controller.js';
import type { Roster } from './roster.js';
import { SeatSlot, type MatchState } from './schema.js';

/**
 * Write the public state from the model and the roster. Only public facts go in: seat occupancy and
 * submitted flags, never orders or seat views.
 */
export function project(state: MatchState, ctrl: MatchController, roster: Roster, deadline: number): void {
  const world = ctrl.world;
  const view = publicView(world);
  state.code = ctrl.config.code;
  state.scenarioId = world.scenarioId;
  state.phase = ctrl.phase;
  state.turn = world.turn;
  state.turns = world.turns;
  state.quarter = view.quarter;
  state.deadline = ctrl.phase === 'orders' ? deadline : 0;
  const json = JSON.stringify(view);
  if (state.publicJson !== json) state.publicJson = json;
  for (const seat of ctrl.seatsInPlay) {
    let slot = state.seats.get(seat);
    if (!slot) {
      slot = new SeatSlot();
      slot.seat = seat;
      state.seats.set(seat, slot);
    }
    const holders = roster.holders(seat);
    slot.name = holders.map((m) => m.name).join(', ');
    slot.occupied = holders.length > 0;
    slot.connected = holders.some((m) => m.connected);
    slot.submitted = ctrl.hasSubmitted(seat);
    slot.bot = holders.length === 0;
  }
}

export function listing(ctrl: MatchController, roster: Roster): RoomListing {
  const taken = new Set(roster.humanSeats());
  const freeSeats: SeatId[] = ctrl.seatsInPlay.filter((s) => !taken.has(s));
  return { code: ctrl.config.code, scenarioId: ctrl.world.scenarioId, phase: ctrl.phase, freeSeats, isPrivate: ctrl.config.isPrivate };
}
