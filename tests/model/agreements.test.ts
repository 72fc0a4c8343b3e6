import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_KINDS,
  AGREEMENT_MENU,
  ACTION_BY_ID,
  BUILTIN_SCENARIOS,
  acceptAgreement,
  botOrders,
  playBotMatch,
  assignDoctrines,
  botNegotiate,
  completeOrders,
  declineAgreement,
  proposeAgreement,
  publicView,
  resolveQuarter,
  signOrder,
  type WorldState,
} from '../../shared/index.js';
import { worldWith } from './helpers.js';

const coop = (c: number) => worldWith('baseline', 'agree', {}, (s) => {
  s.cooperation = c;
});
const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

describe('agreement menu', () => {
  it('offers the seven kinds the design names', () => {
    expect([...AGREEMENT_KINDS].sort()).toEqual(['cern-for-ai', 'chip-tracking-pact', 'dc-kyc-pact', 'incident-hotline', 'joint-governance', 'joint-safety-evals', 'mutual-restraint']);
    for (const k of AGREEMENT_KINDS) expect(AGREEMENT_MENU[k].durationQuarters).toBeGreaterThan(0);
  });
});

describe('proposal → signature → duration → effects', () => {
  it('a proposal accepted by every party is signed at the next resolution, paid for, and lasts its term', () => {
    let s = coop(60);
    const p = ok(proposeAgreement(s, 'US', 'joint-governance', ['CN']));
    s = p.state;
    expect(s.proposals).toHaveLength(1);
    expect(p.proposal!.acceptedBy).toEqual(['US']);
    s = ok(acceptAgreement(s, p.proposal!.id, 'CN')).state;
    const orders = completeOrders(s, { US: [], CN: [] }, assignDoctrines('agree', 'hawk'));
    expect(orders.US).toContainEqual(signOrder('joint-governance'));
    expect(orders.CN).toContainEqual(signOrder('joint-governance'));
    const before = { US: s.resources.US, CN: s.resources.CN };
    let r = resolveQuarter(s, { US: orders.US, CN: orders.CN }).state;
    const ag = r.agreements.find((a) => a.kind === 'joint-governance')!;
    expect(ag).toBeDefined();
    expect(ag.parties.sort()).toEqual(['CN', 'US']);
    expect(ag.expiresTurn - ag.signedTurn + 1).toBe(AGREEMENT_MENU['joint-governance'].durationQuarters);
    expect(r.resources.US).toBe(Math.min(before.US - AGREEMENT_MENU['joint-governance'].signingCost + r.income.US, 2 * r.income.US));
    expect(r.proposals).toEqual([]);
    expect(r.history.at(-1)!.events.some((e) => e.kind === 'agreement-signed')).toBe(true);
    for (let q = 0; q < AGREEMENT_MENU['joint-governance'].durationQuarters; q++) r = resolveQuarter(r, {}).state;
    expect(r.agreements.some((a) => a.kind === 'joint-governance')).toBe(false);
  });

  it('while in force it raises cooperation and lowers tension and misuse risk each quarter', () => {
    const s = coop(60);
    const signed = resolveQuarter(s, { US: [signOrder('joint-governance')], CN: [signOrder('joint-governance')] }).state;
    const unsigned = resolveQuarter(s, {}).state;
    const a = resolveQuarter(signed, {}).state;
    const b = resolveQuarter(unsigned, {}).state;
    expect(a.cooperation).toBeGreaterThan(b.cooperation);
    expect(a.tension).toBeLessThan(b.tension);
    expect(a.risk.misuse).toBeLessThan(b.risk.misuse);
  });

  it('is refused when cooperation is below what it needs', () => {
    const r = resolveQuarter(coop(10), { US: [signOrder('joint-governance')], CN: [signOrder('joint-governance')] });
    expect(r.state.agreements).toEqual([]);
    expect(r.events.some((e) => e.kind === 'agreement-refused')).toBe(true);
  });

  it('needs every required party in the same quarter', () => {
    const r = resolveQuarter(coop(60), { US: [signOrder('joint-governance')] });
    expect(r.state.agreements).toEqual([]);
  });

  it('signing again near the end of its term renews it', () => {
    let s = resolveQuarter(coop(60), { US: [signOrder('incident-hotline')], CN: [signOrder('incident-hotline')] }).state;
    const first = s.agreements[0].expiresTurn;
    s = resolveQuarter(s, {}).state;
    s = resolveQuarter(s, { US: [signOrder('incident-hotline')], CN: [signOrder('incident-hotline')] }).state;
    expect(s.agreements).toHaveLength(1);
    expect(s.agreements[0].expiresTurn).toBeGreaterThan(first);
  });

  it('explains bad proposals and changes nothing', () => {
    const s = coop(60);
    for (const [by, kind, parties, why] of [
      ['US', 'no-such-pact', ['CN'], /Unknown agreement/],
      ['US', 'joint-governance', ['EU'], /needs China/],
      ['HUB', 'incident-hotline', ['US'], /cannot sign/],
      ['EU', 'cern-for-ai', [], /at least 2 parties/],
    ] as const) {
      const r = proposeAgreement(s, by, kind, [...parties]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(why);
    }
    const p = ok(proposeAgreement(s, 'US', 'incident-hotline', ['CN']));
    expect(acceptAgreement(p.state, p.proposal!.id, 'EU').ok).toBe(false);
    expect(acceptAgreement(p.state, p.proposal!.id, 'US').ok).toBe(false);
    expect(acceptAgreement(p.state, 'nope', 'CN').ok).toBe(false);
    expect(ok(declineAgreement(p.state, p.proposal!.id, 'CN')).state.proposals).toEqual([]);
    expect(s.proposals).toEqual([]);
  });
});

describe('breaches', () => {
  const withGovernance = (): WorldState => resolveQuarter(coop(60), { US: [signOrder('joint-governance')], CN: [signOrder('joint-governance')] }).state;

  it('a public breach is exposed at once: trust falls, tension rises, the agreement collapses', () => {
    const s = withGovernance();
    const kept = resolveQuarter(s, {}).state;
    const broken = resolveQuarter(s, { CN: [{ action: 'cn-strait-pressure', intensity: 1 }] });
    expect(broken.events.some((e) => e.kind === 'agreement-breached' && e.attributedTo === 'CN')).toBe(true);
    expect(broken.state.cooperation).toBeLessThan(kept.cooperation - 5);
    const next = resolveQuarter(broken.state, {}).state;
    expect(next.agreements.some((a) => a.kind === 'joint-governance')).toBe(false);
  });

  it('an agreement whose term ends with a quarter is gone once it resolves: nothing reads it as binding the next', () => {
    // Signed in quarter 1; its term now ends with quarter 2, the next to resolve.
    const last = withGovernance();
    last.agreements[0].expiresTurn = 2;
    const r = resolveQuarter(last, {});
    expect(r.state.agreements.some((a) => a.kind === 'joint-governance')).toBe(false);
    expect(publicView(r.state).agreements).toEqual([]);
    const longer = withGovernance();
    longer.agreements[0].expiresTurn = 3;
    expect(resolveQuarter(longer, {}).state.agreements.map((a) => a.kind)).toContain('joint-governance');
  });

  it('the last quarter keeps what was in force in it: the end is read, scored and shown as it stood', () => {
    const last = withGovernance();
    last.agreements[0].expiresTurn = 2;
    last.turns = 2;
    const end = resolveQuarter(last, {}).state;
    expect(end.outcome).not.toBeNull();
    expect(end.agreements.map((a) => a.kind)).toContain('joint-governance');
    expect(publicView(end).agreements.map((a) => a.kind)).toContain('joint-governance');
  });

  it('a covert breach is exposed only if detected, with the odds shown; undetected, the agreement stands', () => {
    let exposed = 0;
    let hidden = 0;
    for (let i = 0; i < 60; i++) {
      const s = { ...withGovernance(), seed: `breach-${i}` };
      const r = resolveQuarter(s, { CN: [{ action: 'cn-smuggling', intensity: 1 }] });
      const ag = r.state.agreements.find((a) => a.kind === 'joint-governance');
      const det = r.events.find((e) => e.kind === 'agreement-breached');
      if (det) {
        exposed += 1;
        // Exposed, it collapses with the quarter: the next quarter's seats and bots are no longer bound by it.
        expect(ag).toBeUndefined();
        const d = r.events.find((e) => e.kind === 'detected')!;
        expect(d.roll).toBeLessThan(d.odds!);
      } else {
        hidden += 1;
        expect(ag?.breachedBy).toContain('CN');
        expect(ag?.exposedBreaches).toEqual([]);
        expect(resolveQuarter(r.state, {}).state.agreements.some((a) => a.kind === 'joint-governance')).toBe(true);
      }
    }
    expect(exposed).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(0);
  });
});

describe('a bot’s answer to a proposal', () => {
  it('binds it: a bot that did not accept never signs that kind at the resolution (many seeds)', () => {
    const bots = ['JK', 'TW', 'HUB'] as const;
    let refusals = 0;
    for (let i = 0; i < 200; i++) {
      const s = worldWith('baseline', `answer-${i}`, {}, (w) => {
        w.cooperation = 40;
      });
      const doctrines = assignDoctrines(`answer-${i}`);
      const asked = botNegotiate(ok(proposeAgreement(s, 'US', 'chip-tracking-pact', [...bots])).state, doctrines, bots);
      const said = asked.proposals[0];
      const no = bots.filter((b) => !said.acceptedBy.includes(b));
      refusals += no.length;
      const r = resolveQuarter(asked, completeOrders(asked, { US: [] }, doctrines));
      const signed = r.inForce.find((a) => a.kind === 'chip-tracking-pact');
      for (const seat of no) expect(signed?.parties ?? [], `answer-${i} ${seat}`).not.toContain(seat);
    }
    expect(refusals).toBeGreaterThan(50);
  });
});

describe('bots keep their public word', () => {
  it('a bot never takes a public act forbidden by an agreement it is party to or signs that quarter', () => {
    let signed = 0;
    for (const sc of BUILTIN_SCENARIOS) {
      for (let i = 0; i < 40; i++) {
        const end = playBotMatch(sc, `word-${sc.id}-${i}`);
        for (const h of end.history) {
          for (const e of h.events) {
            if (e.kind === 'agreement-signed') signed += 1;
            if (e.kind === 'agreement-breached') expect(ACTION_BY_ID.get(e.action!)?.visibility, e.text).not.toBe('public');
          }
        }
      }
    }
    expect(signed).toBeGreaterThan(50);
  });

  it('Taiwan signing the chip-tracking pact does not relax its screening in the same quarter', () => {
    const s = worldWith('baseline', 'tw-word', {}, (w) => {
      // Taiwan's posture wants screening relaxed, far below where it stands.
      w.posture.TW = { ...w.posture.TW, foundryKyc: 0 };
      w.levers.TW = { ...w.levers.TW, foundryKyc: 1 };
    });
    let signing = 0;
    let relaxedUnbound = 0;
    for (let i = 0; i < 40; i++) {
      const w = { ...s, seed: `tw-word-${i}` };
      const orders = botOrders(w, 'TW', 'opportunist');
      const relaxes = orders.some((o) => o.action === 'tw-relax-kyc');
      if (!orders.some((o) => o.agreement === 'chip-tracking-pact')) {
        if (relaxes) relaxedUnbound += 1;
        continue;
      }
      signing += 1;
      expect(relaxes).toBe(false);
    }
    // Unbound, the posture pulls it to relax in many quarters (not all: the noise on its choices and its purse).
    expect(relaxedUnbound).toBeGreaterThan(3);
    expect(signing).toBeGreaterThan(5);
  });
});

describe('pacts that bite on flows', () => {
  it('a chip-tracking pact lowers smuggling; a data-centre KYC pact lowers offshore rental', () => {
    const s = coop(30);
    const cn = { CN: [{ action: 'cn-smuggling', intensity: 2 }, { action: 'cn-offshore-rental', intensity: 2 }] };
    const pacts = resolveQuarter(s, { US: [signOrder('chip-tracking-pact'), signOrder('dc-kyc-pact')], EU: [signOrder('chip-tracking-pact')], HUB: [signOrder('dc-kyc-pact')] }).state;
    expect(pacts.agreements.map((a) => a.kind).sort()).toEqual(['chip-tracking-pact', 'dc-kyc-pact']);
    const none = resolveQuarter(s, {}).state;
    const a = resolveQuarter(pacts, cn).state;
    const b = resolveQuarter(none, cn).state;
    expect(a.compute.CN.inflow.smuggled).toBeLessThan(b.compute.CN.inflow.smuggled);
    expect(a.compute.CN.inflow.offshore).toBeLessThan(b.compute.CN.inflow.offshore);
  });
});
