import { describe, expect, it } from 'vitest';
import { ACTION_BY_ID, BUILTIN_SCENARIOS, playBotMatch, resolveQuarter, publicView, SEAT_INFO, tensionCauseWords, tensionMoves, type TurnRecord } from '../../shared/index.js';
import { worldWith } from './helpers.js';

const total = (h: TurnRecord) => Object.values(h.tensionWhy ?? {}).reduce<number>((t, x) => t + (x ?? 0), 0);

describe("a quarter's tension change, split by cause", () => {
  it('sums to the change, quarter after quarter, in every scenario', () => {
    for (const sc of BUILTIN_SCENARIOS) {
      for (let m = 0; m < 8; m++) {
        const s = playBotMatch(sc, `why-${sc.id}-${m}`);
        let before = sc.start.tension.value;
        for (const h of s.history) {
          expect(total(h), `${sc.id} ${m} ${h.quarter}`).toBeCloseTo(h.tension - before, 9);
          before = h.tension;
        }
      }
    }
  });

  it("names a seat's announced acts, and only those: acts not announced go with the incidents", () => {
    const s = playBotMatch(BUILTIN_SCENARIOS[0], 'why-acts');
    for (const h of s.history) {
      for (const cause of Object.keys(h.tensionWhy ?? {})) {
        if (!cause.startsWith('acts:')) continue;
        const seat = cause.slice(5);
        expect(Object.keys(SEAT_INFO)).toContain(seat);
        const announced = h.events.filter((e) => e.kind === 'order' && e.visibility === 'public' && e.actor === seat);
        expect(announced.length, `${h.quarter} ${cause}`).toBeGreaterThan(0);
      }
    }
  });

  it('counts an order not announced with the incidents, under no seat’s name', () => {
    const s = worldWith('baseline', 'why-private');
    const quiet = resolveQuarter(s, {}, { record: true }).state.history[0].tensionWhy ?? {};
    const talks = resolveQuarter(s, { TW: [{ action: 'tw-diplomacy', intensity: 1 }] }, { record: true }).state.history[0].tensionWhy ?? {};
    expect(ACTION_BY_ID.get('tw-diplomacy')?.visibility).toBe('private');
    expect(Object.keys(talks)).not.toContain('acts:TW');
    // Relief may scale a net fall: compare before it (the incidents' jolt is the same draw in both).
    expect((talks.unannounced ?? 0) - (quiet.unannounced ?? 0)).toBeLessThan(-1);
  });

  it('reaches the public series, as the quarter report reads it', () => {
    const s = playBotMatch(BUILTIN_SCENARIOS[0], 'why-public');
    const series = publicView(s).series;
    expect(series.map((p) => p.tensionWhy)).toEqual(s.history.map((h) => h.tensionWhy));
  });
});

describe('the causes in words', () => {
  it('largest first, with signed points, leaving out what moved it by less than a tenth', () => {
    expect(tensionMoves({ 'acts:EU': 4, events: 3, 'acts:US': -4.02, drift: 0.61, pressure: 0.01 })).toEqual([
      { cause: 'acts:US', words: `${SEAT_INFO.US.short}’s announced moves`, points: '−4.0' },
      { cause: 'acts:EU', words: `${SEAT_INFO.EU.short}’s announced moves`, points: '+4.0' },
      { cause: 'events', words: 'event cards', points: '+3.0' },
      { cause: 'drift', words: tensionCauseWords('drift'), points: '+0.6' },
    ]);
  });
});
