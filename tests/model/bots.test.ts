import { describe, expect, it } from 'vitest';
import {
  BUILTIN_SCENARIOS,
  DOCTRINES,
  SEATS,
  assignDoctrines,
  botQuarter,
  botOrders,
  completeOrders,
  createWorld,
  hashData,
  playQuarter,
  resolveQuarter,
  validateOrders,
  type Doctrine,
  type WorldState,
} from '../../shared/index.js';

/** Every position of a bot match (before each quarter), one doctrine for every seat or mixed. */
function positions(scenarioId: string, seed: string, doctrine?: Doctrine): { states: WorldState[]; doctrines: ReturnType<typeof assignDoctrines> } {
  const sc = BUILTIN_SCENARIOS.find((s) => s.id === scenarioId)!;
  const doctrines = assignDoctrines(seed, doctrine);
  const states = [createWorld(sc, seed)];
  while (!states[states.length - 1].outcome) states.push(playQuarter(states[states.length - 1], {}, doctrines, { record: false }).state);
  return { states: states.slice(0, -1), doctrines };
}

describe('bots', () => {
  // The resolver takes a bot's orders without validating them again (the `botMade` argument of resolveQuarter): this is why it may.
  it('order only what validation accepts unchanged, in every scenario and doctrine', () => {
    let checked = 0;
    for (const sc of BUILTIN_SCENARIOS) {
      for (const doctrine of [undefined, ...DOCTRINES]) {
        for (let k = 0; k < 6; k++) {
          const { states, doctrines } = positions(sc.id, `valid-${sc.id}-${doctrine ?? 'mixed'}-${k}`, doctrine);
          for (const s of states) {
            for (const seat of SEATS) {
              const orders = botOrders(s, seat, doctrines[seat]);
              const v = validateOrders(s, seat, orders);
              expect(v.errors, `${sc.id} ${seat} turn ${s.turn}`).toEqual([]);
              expect(v.accepted).toEqual(orders);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('a quarter played with the bots’ orders taken as given resolves exactly as with them validated', () => {
    const { states, doctrines } = positions('baseline', 'trusted-1');
    for (const s of states) {
      const orders = completeOrders(s, {}, doctrines);
      const trusted = playQuarter(s, {}, doctrines).state;
      const validated = resolveQuarter(s, orders).state;
      expect(hashData(trusted)).toBe(hashData(validated));
    }
  });

  it("a seat's bot orders the same whether the seats before it were played by their bots or by people", () => {
    const { states, doctrines } = positions('cooperation-track', 'blocks-1');
    for (const s of states) {
      const allBots = completeOrders(s, {}, doctrines);
      // People hold the US and China: the bots after them still read their own blocks of the quarter's stream.
      const people = completeOrders(s, { US: [], CN: [] }, doctrines);
      for (const seat of SEATS.filter((x) => x !== 'US' && x !== 'CN')) expect(people[seat], `${seat} turn ${s.turn}`).toEqual(allBots[seat]);
      // A bot asked on its own (a suggestion, a test) gives the orders it gives in the quarter.
      expect(botOrders(s, 'HUB', doctrines.HUB)).toEqual(allBots.HUB);
      expect(botOrders(s, 'HUB', doctrines.HUB, botQuarter(s))).toEqual(allBots.HUB);
    }
  });
});
