import { describe, expect, it } from 'vitest';
import { builtinScenario, playBotMatch, type WorldState } from '../../shared/index.js';
import { MatchRecordSchema, droppedOrders, newlyDropped, quarterStart, recordOf, replay, whatIf, type MatchRecord } from '../../shared/analysis/index.js';
import { validateOrders } from '../../shared/index.js';

const baseline = builtinScenario('baseline')!;

describe('replay and what-if', () => {
  const final = playBotMatch(baseline, 'replay-1');
  const record = recordOf(baseline, final, 'ABCDEF');

  it('stores a record that validates against its schema', () => {
    expect(MatchRecordSchema.safeParse(JSON.parse(JSON.stringify(record))).success).toBe(true);
  });

  it('rebuilds the match exactly from its record', () => {
    const states = replay(record);
    expect(states).toHaveLength(final.history.length + 1);
    expect(states[states.length - 1]).toEqual(final);
  });

  it('changing nothing reproduces the original match exactly', () => {
    const { original, altered } = whatIf(record, { turn: 2, seat: 'US', orders: record.turns[1].orders.US });
    expect(altered).toEqual(original);
  });

  it('changing one order changes the match from that quarter on, and not before', () => {
    const { original, altered } = whatIf(record, { turn: 2, seat: 'US', orders: [{ action: 'us-chip-tracking', intensity: 3 }, { action: 'us-fund-enforcement', intensity: 2 }] });
    expect(altered[1]).toEqual(original[1]);
    expect(altered[2]).not.toEqual(original[2]);
    expect(altered[2].levers.US.chipTracking).toBeGreaterThan(original[2].levers.US.chipTracking ?? 0);
  });

  it('names the orders the what-if drops that the match as played did not, with quarter, seat and why', () => {
    const same = whatIf(record, { turn: 2, seat: 'US', orders: record.turns[1].orders.US });
    expect(newlyDropped(same.original, same.altered)).toEqual([]);
    const spendAll = [{ action: 'us-chip-tracking', intensity: 3 }, { action: 'us-tighten-chip-controls', intensity: 3 }];
    const { original, altered } = whatIf(record, { turn: 2, seat: 'US', orders: spendAll });
    const dropped = newlyDropped(original, altered);
    expect(dropped).toEqual([{ turn: 2, quarter: original[2].history[1].quarter, seat: 'US', why: expect.stringMatching(/^"Tighten chip export controls" costs 6, but only \d+ is left after the orders above it\.$/) }]);
    // A refusal already in the match as played is not news.
    const overspent = { ...record, turns: record.turns.map((t, i) => (i === 0 ? { ...t, orders: { ...t.orders, US: [...t.orders.US, { action: 'us-offer-governance', intensity: 1 }] } } : t)) };
    const before = droppedOrders(replay(overspent)).filter((d) => d.turn === 1 && d.seat === 'US');
    expect(before).toHaveLength(1);
    const again = whatIf(overspent, { turn: 2, seat: 'US', orders: spendAll });
    expect(newlyDropped(again.original, again.altered).map((d) => d.turn)).toEqual([2]);
    // The same order refused in both branches is no news, whatever budget each reason names; a second refusal of it is.
    const branch = (...texts: string[]) => [{ history: [{ turn: 1, quarter: '2026 Q3', events: texts.map((text) => ({ kind: 'order-dropped', text, visibility: 'private', audience: ['US'] })) }] } as unknown as WorldState];
    const asPlayed = branch('"Fund export enforcement" costs 6, but only 3 is left after the orders above it.');
    expect(newlyDropped(asPlayed, branch('"Fund export enforcement" costs 6, but only 1 is left after the orders above it.'))).toEqual([]);
    expect(newlyDropped(asPlayed, branch('"Fund export enforcement" costs 6, but only 1 is left after the orders above it.', '"Fund export enforcement" was ordered twice; only the first counts.')).map((d) => d.why)).toEqual(['"Fund export enforcement" was ordered twice; only the first counts.']);
  });

  it('refuses a quarter that was never played', () => {
    expect(() => whatIf(record, { turn: 99, seat: 'US', orders: [] })).toThrow(/not a resolved quarter/);
  });
});

describe('the position a quarter’s orders met', () => {
  it('has Control’s changes of that quarter applied: orders a topped-up purse paid for check out as played', () => {
    const final = playBotMatch(baseline, 'quarter-start');
    const plain = recordOf(baseline, final);
    // Control gives the US 40 before the second quarter, and the US spends it.
    const spend = [{ action: 'us-chip-tracking', intensity: 3 }, { action: 'us-fund-enforcement', intensity: 3 }, { action: 'us-sme-controls', intensity: 3 }, { action: 'us-energy-buildout', intensity: 3 }];
    const record: MatchRecord = {
      ...plain,
      turns: plain.turns.map((t, i) => (i === 1 ? { ...t, actions: [{ kind: 'adjust', target: { kind: 'resources', seat: 'US' }, value: 40, reason: 'budget supplement' }], orders: { ...t.orders, US: spend } } : t)),
    };
    const states = replay(record);
    const start = quarterStart(record, states[1], 2);
    expect(start.resources.US).toBe(40);
    expect(validateOrders(start, 'US', spend).errors).toEqual([]);
    // Before Control's change the same orders would not all have been affordable.
    expect(validateOrders(states[1], 'US', spend).errors.length).toBeGreaterThan(0);
    // And the replay resolved the quarter from that position: the orders were all taken.
    expect(droppedOrders(states).filter((d) => d.turn === 2 && d.seat === 'US')).toEqual([]);
  });
});

describe('records of shorter matches and of negotiated quarters', () => {
  it('replays a match with its own length, not the scenario default', () => {
    const short = { ...baseline, turns: 3 };
    const final = playBotMatch(short, 'short-1');
    const record = recordOf(baseline, final);
    expect(record.length).toBe(final.turns);
    const states = replay(record);
    expect(states[states.length - 1]).toEqual(final);
  });

  it('keeps the changed quarter’s negotiation and bot seats in a what-if', () => {
    const final = playBotMatch(baseline, 'wi-actions');
    const record = recordOf(baseline, final, undefined, { actions: [{ turn: 1, action: { kind: 'adjust', target: { kind: 'tension' }, value: 70, reason: 'test' } }] });
    const { original, altered } = whatIf(record, { turn: 2, seat: 'US', orders: record.turns[1].orders.US });
    expect(record.turns[1].actions).toHaveLength(1);
    expect(altered).toEqual(original);
  });
});
