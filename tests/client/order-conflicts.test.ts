import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../shared/index.js';
import { conflictText, orderConflicts } from '../../client/src/ui/game/order-conflicts.js';

describe('contradictory orders', () => {
  it('pairs actions that move one lever in opposite directions', () => {
    expect(orderConflicts(['us-tighten-chip-controls', 'us-fund-enforcement', 'us-loosen-chip-controls'])).toEqual([
      { first: 'us-tighten-chip-controls', second: 'us-loosen-chip-controls', lever: 'chipControls' },
    ]);
    expect(orderConflicts(['uslab-close-weights', 'uslab-open-weights'])).toEqual([{ first: 'uslab-close-weights', second: 'uslab-open-weights', lever: 'usOpenWeights' }]);
  });

  it('leaves orders that push the same way, or different levers, alone', () => {
    expect(orderConflicts(['us-tighten-chip-controls', 'us-sme-controls', 'us-fund-enforcement'])).toEqual([]);
    expect(orderConflicts(['us-tighten-chip-controls'])).toEqual([]);
  });

  it('finds every opposite pair in the catalogue, each seat’s own', () => {
    const pairs = ACTIONS.flatMap((a, i) => ACTIONS.slice(i + 1).flatMap((b) => orderConflicts([a.id, b.id]))).map((c) => `${c.first}/${c.second}`);
    expect(pairs).toContain('eu-litho-alignment/eu-relax-litho');
    expect(pairs).toContain('tw-posture/tw-lower-posture');
    expect(pairs).toContain('hub-kyc/hub-relax-kyc');
    expect(pairs).toContain('hub-align-democratic/hub-align-prc');
    expect(pairs.length).toBe(10);
  });

  it('pairs orders that push up two levers the model counts against each other', () => {
    expect(orderConflicts(['hub-align-prc', 'hub-kyc', 'hub-align-democratic'])).toEqual([{ first: 'hub-align-prc', second: 'hub-align-democratic', lever: 'alignPrc', against: 'alignDemocratic' }]);
    expect(conflictText('Adopt the American stack', 'alignPrc', 'alignDemocratic')).toBe(
      'Contradicts “Adopt the American stack”: the model counts “Adopt the Chinese stack” and “Adopt the American stack” against each other, so you pay for both and they offset each other.',
    );
  });

  it('names the other order and the lever', () => {
    expect(conflictText('Loosen chip export controls', 'chipControls')).toBe(
      'Contradicts “Loosen chip export controls”: the two move “Chip export controls” in opposite directions, so you pay for both and they offset each other.',
    );
  });
});
