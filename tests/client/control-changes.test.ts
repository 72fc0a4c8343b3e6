import { describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/index.js';
import { controlChanges } from '../../client/src/ui/game/before-resolution.js';

const notice = (id: number, turn: number, kind: Notice['kind'], text: string): Notice => ({ id, at: 1000 + id, turn, kind, text });

describe("the quarter report's list of Control's changes", () => {
  const notices: Notice[] = [
    notice(1, 0, 'adjusted', 'Control set Tension from 45 to 40.'),
    notice(2, 1, 'paused', 'Control paused the clock.'),
    notice(3, 1, 'adjusted', 'Control set US resources from 20 to 5.'),
    notice(4, 1, 'adjusted', 'Control set US Export enforcement budget from 25% to 100%.'),
    notice(5, 1, 'custom-event', 'Custom event “Summit”: talks open (cooperation +20).'),
    notice(6, 1, 'agreement-agreed', 'The Incident hotline is agreed.'),
    notice(7, 2, 'adjusted', 'Control set Cooperation from 40 to 60.'),
  ];

  it("names every change Control made in that quarter, of any figure, in the order made", () => {
    expect(controlChanges(notices, 1)).toEqual([
      'Control set US resources from 20 to 5',
      'Control set US Export enforcement budget from 25% to 100%',
      'Custom event “Summit”: talks open (cooperation +20)',
    ]);
  });

  it('is the same in the first quarter as in later ones, and empty when Control changed nothing', () => {
    expect(controlChanges(notices, 0)).toEqual(['Control set Tension from 45 to 40']);
    expect(controlChanges(notices, 3)).toEqual([]);
  });
});
