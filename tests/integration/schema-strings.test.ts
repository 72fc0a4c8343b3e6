import { Decoder, Encoder } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { MatchState, SeatSlot } from '../../server/schema.js';

/** What a client decodes from the server's full-state encoding of `state`. */
function roundTrip(state: MatchState): MatchState {
  const bytes = new Encoder(state).encodeAll();
  const decoded = new MatchState();
  new Decoder(decoded).decode(bytes);
  return decoded;
}

describe('synchronised strings', () => {
  // A string of exactly 255 UTF-8 bytes used to be sent with length 0, corrupting the rest of the state.
  for (const bytes of [31, 32, 254, 255, 256, 65_535, 65_536]) {
    it(`a ${bytes}-byte string reaches the client intact, and so does everything after it`, () => {
      const state = new MatchState();
      const text = 'x'.repeat(bytes);
      state.publicJson = text;
      state.publicEvents.push(text, 'after');
      const slot = new SeatSlot();
      slot.seat = 'US';
      slot.name = text;
      state.seats.set('US', slot);
      state.code = 'ABCDEF';
      const got = roundTrip(state);
      expect(got.publicJson).toBe(text);
      expect([...got.publicEvents]).toEqual([text, 'after']);
      expect(got.seats.get('US')?.name).toBe(text);
      expect(got.code).toBe('ABCDEF');
    });
  }

  it('counts bytes, not characters: 85 three-byte characters (255 bytes) arrive intact', () => {
    const state = new MatchState();
    state.publicJson = '€'.repeat(85);
    state.code = 'ABCDEF';
    const got = roundTrip(state);
    expect(got.publicJson).toBe('€'.repeat(85));
    expect(got.code).toBe('ABCDEF');
  });
});
