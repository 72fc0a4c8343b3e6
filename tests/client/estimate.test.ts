import { describe, expect, it } from 'vitest';
import { builtinScenario, bySeat, createWorld, detectionOdds, playQuarter, publicView, seatView, type Order, type WorldState } from '../../shared/index.js';
import { estimatedWorld, previewOrders } from '../../client/src/ui/game/estimate.js';

/** The preview a seat sees before it submits: here, the odds that its covert orders are detected. */
describe('the order preview’s detection odds', () => {
  const smuggle: Order[] = [{ action: 'cn-smuggling', intensity: 2 }];

  function position(withGovernance: boolean): WorldState {
    const s = createWorld(builtinScenario('baseline')!, 'preview-detection');
    // Joint governance binds China not to smuggle; a breach is checked for by its verification terms.
    if (withGovernance) s.agreements = [{ id: 'joint-governance-1', kind: 'joint-governance', parties: ['US', 'CN'], signedTurn: 0, expiresTurn: 8, breachedBy: [], exposedBreaches: [] }];
    return s;
  }

  /** The odds the model gives the order on the quarter the preview resolves, with and without breaches named. */
  function modelOdds(s: WorldState, breaches: string[]): number {
    const w = estimatedWorld(publicView(s), seatView(s, 'CN'))!;
    const after = playQuarter(w, { CN: smuggle }, bySeat(() => 'opportunist' as const), { record: false }).state;
    return detectionOdds(after, { action: 'cn-smuggling', intensity: 2, breaches });
  }

  it('count the verification of an agreement the order would breach', () => {
    const s = position(true);
    const shown = previewOrders(publicView(s), seatView(s, 'CN'), smuggle)!.detection;
    expect(shown.map((d) => d.action)).toEqual(['cn-smuggling']);
    expect(shown[0].odds).toBeCloseTo(modelOdds(s, ['joint-governance']), 12);
    expect(shown[0].odds).toBeGreaterThan(modelOdds(s, []) + 0.1);
  });

  it('add nothing where no agreement forbids the order', () => {
    const s = position(false);
    const shown = previewOrders(publicView(s), seatView(s, 'CN'), smuggle)!.detection;
    expect(shown[0].odds).toBeCloseTo(modelOdds(s, []), 12);
  });
});
