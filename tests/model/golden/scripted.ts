import { allBotOrders, assignDoctrines, signOrder, SEATS, type BySeat, type Order, type SeatOrders, type WorldState } from '../../../shared/index.js';

/** The scripted match's scenario and seed (tests/model/golden/scripted-orders.json). */
export const SCRIPTED = { scenario: 'baseline', seed: 'golden-scripted' } as const;

/**
 * Orders as people give them, which bots never do: each seat's bot orders with, around them, orders that
 * validation refuses (another seat's action, an unknown action, an intensity out of range, an order given
 * twice, more than the purse holds, an agreement the seat may not sign), agreements signed or refused
 * (mutual restraint, offered by the US and China in the second quarter, is refused: cooperation is below
 * what it needs), and then breached: in public (the hubs relax the KYC the data-centre pact forbids them to)
 * and in secret (the PRC lab distils under joint safety evaluations). Used only to record the golden file; the test replays what it stored.
 */
export function scriptedOrders(s: WorldState): BySeat<SeatOrders> {
  const bots = allBotOrders(s, assignDoctrines(s.seed));
  const q = s.turn;
  const extra: Partial<BySeat<Order[]>> = {
    US: [{ action: 'cn-smuggling', intensity: 1 }, { action: 'us-chip-tracking', intensity: 3 }],
    CN: q >= 3 ? [{ action: 'cn-smuggling', intensity: 3 }, { action: 'cn-strait-pressure', intensity: 2 }] : [],
    EU: [{ action: 'no-such-action', intensity: 1 }, { action: 'eu-litho-alignment', intensity: 9 }],
    HUB: [signOrder('mutual-restraint'), ...(q >= 3 ? [{ action: 'hub-relax-kyc', intensity: 1 }] : [])],
    CNLAB: q >= 3 ? [{ action: 'cnlab-distillation', intensity: 3 }] : [],
  };
  const signs: Partial<BySeat<Order[]>> = q === 1 ? { US: [signOrder('incident-hotline'), signOrder('mutual-restraint')], CN: [signOrder('incident-hotline'), signOrder('mutual-restraint')] } : {};
  const out = {} as BySeat<SeatOrders>;
  for (const seat of SEATS) {
    const own = bots[seat];
    // From the fourth quarter the US gives its first order twice (the second is dropped).
    const breach: Order[] = seat === 'US' && q === 3 ? [{ action: 'us-tighten-chip-controls', intensity: 1 }, { action: 'us-tighten-chip-controls', intensity: 2 }] : [];
    out[seat] = [...(signs[seat] ?? []), ...breach, ...(extra[seat] ?? []), ...own].slice(0, 8);
  }
  return out;
}
