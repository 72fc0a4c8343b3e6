import { ArraySchema, Encoder, MapSchema, Schema, type } from '@colyseus/schema';
import './schema-string-fix.js';
import './serializer-fix.js';
import type { MatchStateShape, Phase, SeatSlotShape } from '../shared/index.js';
import type { SeatId } from '../shared/index.js';

// A joining client gets the whole state at once: the public history (~30 kB by turn 10) and, at the end,
// the reveal (~65 kB). A larger starting buffer avoids the encoder's grow-and-warn on finished matches.
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 128 * 1024);

/** Synchronised, public projection of one seat. Nothing private may be added here. */
export class SeatSlot extends Schema implements SeatSlotShape {
  @type('string') seat!: SeatId;
  @type('string') name = '';
  @type('boolean') occupied = false;
  @type('boolean') connected = false;
  @type('boolean') submitted = false;
  @type('boolean') bot = true;
  @type('number') members = 0;
  @type('boolean') handedToBot = false;
  @type('string') away = '';
}

/** The room's synchronised state; see `MatchStateShape` in shared/protocol.ts. Written only by projection. */
export class MatchState extends Schema implements Omit<MatchStateShape, 'seats' | 'publicEvents' | 'publicSeries'> {
  @type('string') code = '';
  @type('string') scenarioId = '';
  @type('string') scenarioJson = '';
  @type('string') phase: Phase = 'lobby';
  @type('number') turn = 0;
  @type('number') turns = 0;
  @type('string') quarter = '';
  @type('number') deadline = 0;
  @type({ map: SeatSlot }) seats = new MapSchema<SeatSlot>();
  @type('string') publicJson = '';
  @type(['string']) publicEvents = new ArraySchema<string>();
  @type(['string']) publicSeries = new ArraySchema<string>();
  @type('boolean') facilitated = false;
  @type('boolean') paused = false;
  @type('number') remaining = 0;
  @type('boolean') controlPresent = false;
  @type('boolean') forecastOpen = false;
}
