import { describe, expect, it } from 'vitest';
import { assignDoctrines, builtinScenario, createWorld, playQuarter, publicView, type WorldState } from '../../shared/index.js';
import { adjustWorld } from '../../shared/facilitation.js';
import { movedDuringQuarter, pointOf } from '../../client/src/ui/game/moved.js';

/** The public figures at the end of the last resolution, and as the next one begins. */
function endedAndBegan(s: WorldState) {
  const v = publicView(s);
  return { ended: v.series.find((x) => x.turn === s.turn)!, began: pointOf(v)! };
}

describe("the quarter report's note of Control's changes", () => {
  const d = assignDoctrines('moved');
  let s = createWorld(builtinScenario('baseline')!, 'moved');
  for (let i = 0; i < 2; i++) s = playQuarter(s, {}, d).state;

  it('is empty when nothing moved between resolutions', () => {
    const { ended, began } = endedAndBegan(s);
    expect(movedDuringQuarter(ended, began)).toEqual([]);
  });

  it("names each figure Control moved, from and to, as the table shows them", () => {
    const a = adjustWorld(s, { kind: 'tension' }, 12);
    if (!a.ok) throw new Error(a.error);
    const b = adjustWorld(a.state, { kind: 'adoption', region: 'SOUTH' }, 0.9);
    if (!b.ok) throw new Error(b.error);
    const { ended } = endedAndBegan(s);
    const { began } = endedAndBegan(b.state);
    const moved = movedDuringQuarter(ended, began);
    expect(moved).toHaveLength(2);
    expect(moved[0]).toBe(`tension ${s.tension.toFixed(0)} → 12`);
    expect(moved[1]).toMatch(/^swing markets on democratic stacks \d+% → \d+%$/);
  });
});
