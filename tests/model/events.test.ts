import { describe, expect, it } from 'vitest';
import { EFFECT_LABEL, EVENT_DECK, EVENT_BY_ID, EventCardSchema, EVENT_EFFECT_KEYS, effectText, createWorld, playBotMatch, resolveQuarter } from '../../shared/index.js';
import { injectEvent } from '../../shared/facilitation.js';
import { scenario, worldWith } from './helpers.js';

describe('event deck', () => {
  it('is grounded: every card cites a source and random cards have a chance', () => {
    expect(EVENT_DECK.length).toBeGreaterThanOrEqual(15);
    for (const c of EVENT_DECK) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      if (c.trigger === 'random') expect(c.probability, c.id).toBeGreaterThan(0);
      expect(c.effects.length, c.id).toBeGreaterThan(0);
    }
  });

  it('every card can be injected by id and fires at the next resolution, marked as injected', () => {
    for (const card of EVENT_DECK) {
      const s = worldWith('baseline', 'inject');
      const r = injectEvent(s, card.id, 'Control');
      expect(r.ok, card.id).toBe(true);
      if (!r.ok) continue;
      expect(r.state.pendingEvents).toContainEqual({ turn: 1, eventId: card.id, injectedBy: 'Control' });
      expect(s.pendingEvents.some((e) => e.injectedBy)).toBe(false);
      const fired = resolveQuarter(r.state, {});
      const e = fired.events.find((x) => x.kind === 'event-card' && x.eventId === card.id);
      expect(e, card.id).toBeDefined();
      expect(e!.text).toMatch(/injected by Control/);
      expect(fired.state.pendingEvents.some((x) => x.eventId === card.id && x.injectedBy)).toBe(false);
    }
    expect(injectEvent(worldWith('baseline', 'inject'), 'no-such-card', 'Control').ok).toBe(false);
  });

  it('an injected deck card fires once: the deck does not deal it again, that quarter or later', () => {
    const card = EVENT_BY_ID.get('strait-drills')!;
    expect(card.trigger).toBe('random');
    let dealtAnyway = 0;
    for (let i = 0; i < 200; i++) {
      const s = worldWith('baseline', `inject-once-${i}`);
      const r = injectEvent(s, card.id, 'Control');
      if (!r.ok) throw new Error(r.error);
      let w = resolveQuarter(r.state, {});
      const fires = (events: typeof w.events) => events.filter((e) => e.kind === 'event-card' && e.eventId === card.id).length;
      expect(fires(w.events)).toBe(1);
      // Without the inject, the deck would have dealt it this quarter in some of these seeds.
      if (fires(resolveQuarter(s, {}).events)) dealtAnyway += 1;
      for (let q = 0; q < 3 && !w.state.outcome; q++) {
        w = resolveQuarter(w.state, {});
        expect(fires(w.events)).toBe(0);
      }
    }
    expect(dealtAnyway).toBeGreaterThan(0);
  });

  it('an injected card changes the world as its effects say', () => {
    const s = worldWith('baseline', 'inject-effect');
    const drills = injectEvent(s, 'strait-drills', 'Control');
    if (!drills.ok) throw new Error(drills.error);
    expect(resolveQuarter(drills.state, {}).state.tension).toBeGreaterThan(resolveQuarter(s, {}).state.tension);
    const shock = injectEvent(s, 'efficiency-shock', 'Control');
    if (!shock.ok) throw new Error(shock.error);
    // Events come after training in the resolution order: the efficiency gain shows in the next quarter's run.
    const two = (w: typeof s) => resolveQuarter(resolveQuarter(w, {}).state, {}).state.leadMonths;
    expect(two(shock.state)).toBeLessThan(two(s));
  });

  it("fires the scenario's scheduled cards at their turn, and draws each random card at most once", () => {
    const sc = scenario('baseline');
    for (let i = 0; i < 30; i++) {
      const s = playBotMatch(sc, `deck-${i}`);
      for (const sched of sc.events) {
        if (sched.turn > s.turn) continue;
        const h = s.history[sched.turn - 1];
        expect(h.events.some((e) => e.kind === 'event-card' && e.eventId === sched.eventId), `${sched.eventId} at ${sched.turn}`).toBe(true);
      }
      const drawn = s.history.flatMap((h) => h.events.filter((e) => e.kind === 'event-card' && EVENT_BY_ID.get(e.eventId!)?.trigger === 'random').map((e) => e.eventId));
      expect(new Set(drawn).size).toBe(drawn.length);
    }
    expect(createWorld(sc, 'x').pendingEvents).toEqual(sc.events.map((e) => ({ turn: e.turn, eventId: e.eventId })));
  });
});

describe('cards that need a policy to stand', () => {
  it('an import approval is not dealt while chip controls shut licensed sales; the other cards draw as before', () => {
    const card = EVENT_BY_ID.get('h200-approval-wave')!;
    expect(card.requires).toEqual({ lever: 'chipControls', below: 0.9 });
    const cards = (events: { kind: string; eventId?: string }[]) => events.filter((e) => e.kind === 'event-card').map((e) => e.eventId);
    // The first seed (of a bounded search) whose opening quarter deals it.
    let seed = '';
    for (let i = 0; i < 300 && !seed; i++) if (cards(resolveQuarter(worldWith('baseline', `approval-${i}`), {}).events).includes(card.id)) seed = `approval-${i}`;
    expect(seed, 'a seed that deals the card').not.toBe('');
    const open = cards(resolveQuarter(worldWith('baseline', seed), {}).events);
    const shut = worldWith('baseline', seed);
    shut.levers.US.chipControls = 1;
    const r = resolveQuarter(shut, {});
    expect(cards(r.events)).toEqual(open.filter((id) => id !== card.id));
    expect(r.state.drawnEvents).not.toContain(card.id);
  });

  it('a card that names no lever is refused', () => {
    expect(EventCardSchema.safeParse({ ...EVENT_BY_ID.get('h200-approval-wave'), requires: { lever: 'noSuchLever', below: 1 } }).success).toBe(false);
  });
});

describe('effects in words', () => {
  it('names every effect key and says how long multipliers last', () => {
    for (const key of EVENT_EFFECT_KEYS) expect(EFFECT_LABEL[key], key).toMatch(/^[a-zPU]/);
    expect(effectText({ key: 'tension', value: -10 })).toBe('tension −10');
    expect(effectText({ key: 'smuggledMultiplier', value: 0.5, quarters: 2 })).toBe('smuggled chips ×0.5 for 2 quarters');
    expect(effectText({ key: 'enforcementBoost', value: 0.2 })).toBe('export enforcement +0.2 for a quarter');
    for (const card of EVENT_DECK) for (const e of card.effects) expect(effectText(e)).not.toMatch(/[a-z][A-Z]/);
  });
});
