import { describe, expect, it } from 'vitest';
import { AGENDA_BY_ID, OBJECTIVES, SEATS, assignAgenda, createWorld, drawAgendas, playBotMatch, scoreSeats, type WorldState } from '../../shared/index.js';
import { scenario } from './helpers.js';

describe('seat objectives and scores', () => {
  it('every seat has public objectives and at least two secret agendas to draw from', () => {
    for (const seat of SEATS) {
      expect(OBJECTIVES.seats[seat].public.length).toBeGreaterThan(0);
      expect(OBJECTIVES.seats[seat].agendas.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('scores every seat from 0 to 100 at the end of any match, with the agenda when it has one', () => {
    for (let i = 0; i < 40; i++) {
      const s = playBotMatch(scenario('baseline'), `score-${i}`, { record: false, agendas: 'draw' });
      const scores = scoreSeats(s);
      for (const seat of SEATS) {
        const x = scores[seat];
        expect(x.total).toBeGreaterThanOrEqual(0);
        expect(x.total).toBeLessThanOrEqual(100);
        expect(x.agenda?.id).toBe(s.agendas[seat]);
        for (const o of x.objectives) expect(o.score).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('no seat wins the scores by design: in baseline bot matches no seat tops the table in half of them', () => {
    const n = 100;
    const tops = Object.fromEntries(SEATS.map((x) => [x, 0])) as Record<string, number>;
    const sums = Object.fromEntries(SEATS.map((x) => [x, 0])) as Record<string, number>;
    for (let i = 0; i < n; i++) {
      const scores = scoreSeats(playBotMatch(scenario('baseline'), `balance-${i}`, { record: false }));
      const best = SEATS.reduce((a, b) => (scores[b].total > scores[a].total ? b : a));
      tops[best] += 1;
      for (const seat of SEATS) sums[seat] += scores[seat].total / n;
    }
    for (const seat of SEATS) expect(tops[seat] / n, `${seat} tops the scores`).toBeLessThan(0.5);
    const means = Object.values(sums);
    expect(Math.max(...means) - Math.min(...means)).toBeLessThan(25);
  });

  it('a seat can do well in a bad world: the US scores better with a Democratic lead than with parity', () => {
    const base = createWorld(scenario('baseline'), 'score');
    const lead: WorldState = { ...base, leadMonths: 18, outcome: { id: 'democratic-lead', turn: 10, early: false, reason: '', figures: [] } };
    const parity: WorldState = { ...base, leadMonths: 1, outcome: { id: 'authoritarian-parity', turn: 10, early: false, reason: '', figures: [] } };
    expect(scoreSeats(lead).US.total).toBeGreaterThan(scoreSeats(parity).US.total);
    expect(scoreSeats(lead).CN.total).toBeLessThan(scoreSeats(parity).CN.total);
  });

  it('agendas: none by default, drawn reproducibly from the seed, or assigned one by one', () => {
    expect(createWorld(scenario('baseline'), 'a').agendas.US).toBeNull();
    expect(drawAgendas('seed-1', 'draw')).toEqual(drawAgendas('seed-1', 'draw'));
    for (const [seat, id] of Object.entries(drawAgendas('seed-1', 'draw'))) expect(AGENDA_BY_ID.get(id!)?.seat).toBe(seat);
    const s = createWorld(scenario('baseline'), 'a');
    const r = assignAgenda(s, 'CN', 'cn-silent');
    expect(r.ok && r.state.agendas.CN).toBe('cn-silent');
    expect(assignAgenda(s, 'US', 'cn-silent').ok).toBe(false);
    expect(() => drawAgendas('x', { US: 'cn-south' })).toThrow(/not a secret agenda of US/);
  });
});
