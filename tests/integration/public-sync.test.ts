import { describe, expect, it } from 'vitest';
import { assemblePublicView, assignDoctrines, builtinScenario, createWorld, mergeSeatView, playQuarter, publicView, seatView, seatViewMessage, splitPublicView, type WorldState } from '../../shared/index.js';

function played(quarters: number): WorldState {
  let w = createWorld(builtinScenario('baseline')!, 'public-sync');
  const doctrines = assignDoctrines('public-sync');
  for (let i = 0; i < quarters && !w.outcome; i++) w = playQuarter(w, {}, doctrines).state;
  return w;
}

describe('the public view and seat views on the wire', () => {
  it('a split public view assembles back to the same view', () => {
    const view = publicView(played(4));
    const parts = splitPublicView(view);
    expect(parts.events.length).toBe(view.events.length);
    expect(parts.series.length).toBe(4);
    expect(assemblePublicView({ publicJson: parts.head, publicEvents: parts.events, publicSeries: parts.series })).toEqual(JSON.parse(JSON.stringify(view)));
    expect(assemblePublicView({ publicJson: '', publicEvents: [], publicSeries: [] })).toBeNull();
  });

  it('seat-view messages carry only new events and merge back to the full view', () => {
    const early = seatView(played(2), 'CN');
    const late = seatView(played(3), 'CN');
    const first = seatViewMessage(early, 0);
    expect(first.eventsFrom).toBe(0);
    const next = seatViewMessage(late, early.events.length);
    expect(next.eventsFrom).toBe(early.events.length);
    expect(next.events).toEqual(late.events.slice(early.events.length));
    expect(mergeSeatView(mergeSeatView(null, first), next)).toEqual(late);
  });

  it('a message continuing a history the holder lacks is not merged; a count beyond the history sends it all', () => {
    const late = seatView(played(3), 'CN');
    const msg = seatViewMessage(late, 5);
    expect(mergeSeatView(null, msg)).toBeNull();
    expect(mergeSeatView({ ...late, seat: 'US' }, msg)).toBeNull();
    expect(seatViewMessage(late, late.events.length + 1).eventsFrom).toBe(0);
  });
});
