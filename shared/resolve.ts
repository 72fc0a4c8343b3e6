import { SEATS, type BySeat, type SeatId } from './seats.js';
import { quarterLabel } from './clock.js';
import { ACTION_BY_ID } from './actions.js';
import { LEVERS, type LeverId } from './levers.js';
import { EVENT_BY_ID, EVENT_DECK, type EventCard } from './events.js';
import { AGREEMENT_MENU } from './agreements.js';
import { classifyOutcome, type OutcomeInputs } from './outcomes.js';
import { rngFor } from './rng.js';
import { clamp, frontierDoublingsPerMonth, logistic } from './formulas.js';
import { validateOrders } from './orders.js';
import { cloneWorld } from './clone.js';
import { SWING_REGIONS, type GameEvent, type Order, type RegionId, type SeatOrders, type WorldState } from './state.js';

export type ResolveOptions = {
  /** Keep per-turn history and event text (off for fast forecasting). */
  record?: boolean;
};

export type Resolution = { state: WorldState; events: GameEvent[] };

type Covert = { seat: SeatId; action: string; intensity: number };

/**
 * Resolve one quarter. The order of steps is fixed: agreements, policies, compute flows, training and
 * distillation, adoption, risk/tension/cooperation, events, detection, endings. Orders that fail
 * validation are dropped with a private notice to their seat; nothing else about them changes the world.
 */
export function resolveQuarter(prev: WorldState, orders: Partial<BySeat<SeatOrders>>, opts: ResolveOptions = {}): Resolution {
  if (prev.outcome) throw new Error('the match is over');
  const record = opts.record !== false;
  const s = cloneWorld(prev);
  const p = s.params;
  const turn = prev.turn + 1;
  s.turn = turn;
  const quarter = quarterLabel(s.startQuarter + turn - 1);
  const events: GameEvent[] = [];
  const emit = (e: Omit<GameEvent, 'turn' | 'quarter'>) => {
    events.push({ turn, quarter, ...e });
  };
  const lever = (seat: SeatId, id: LeverId) => s.levers[seat][id] ?? 0;

  // --- 0. New quarter: campaigns last one quarter only.
  for (const l of LEVERS) if (l.kind === 'campaign') s.levers[l.seat][l.id] = 0;
  s.modifiers = s.modifiers.filter((m) => m.untilTurn >= turn);
  const mult = (key: string) => s.modifiers.reduce((acc, m) => (m.key === key ? acc * m.value : acc), 1);
  const add = (key: string) => s.modifiers.reduce((acc, m) => (m.key === key ? acc + m.value : acc), 0);

  // --- 1. Agreements: expire, then sign those every required party offered this quarter.
  s.agreements = s.agreements.filter((a) => a.expiresTurn >= turn);
  const accepted: BySeat<Order[]> = {} as BySeat<Order[]>;
  for (const seat of SEATS) {
    const v = validateOrders(prev, seat, orders[seat] ?? []);
    accepted[seat] = v.accepted;
    for (const err of v.errors) emit({ kind: 'order-dropped', text: err, visibility: 'private', audience: [seat] });
  }
  const offers = new Map<string, Set<SeatId>>();
  for (const seat of SEATS) {
    for (const o of accepted[seat]) {
      const kind = ACTION_BY_ID.get(o.action)?.agreement;
      if (kind) offers.set(kind, (offers.get(kind) ?? new Set()).add(seat));
    }
  }
  for (const [kind, parties] of offers) {
    const terms = AGREEMENT_MENU[kind];
    if (!terms || !terms.requiredParties.every((x) => parties.has(x))) continue;
    if (s.agreements.some((a) => a.kind === kind)) continue;
    s.agreements.push({ id: `${kind}-${turn}`, kind, parties: [...parties], signedTurn: turn, expiresTurn: turn + terms.durationQuarters - 1, breachedBy: [] });
    emit({ kind: 'agreement-signed', text: `${terms.title} signed by ${[...parties].join(', ')}.`, visibility: 'public', audience: [] });
  }

  // --- 2. Policies: pay for each accepted order and move its levers.
  let tensionDelta = 0;
  let cooperationDelta = 0;
  const covert: Covert[] = [];
  for (const seat of SEATS) {
    for (const o of accepted[seat]) {
      const a = ACTION_BY_ID.get(o.action)!;
      s.resources[seat] -= a.cost * o.intensity;
      for (const e of a.effects) {
        if ('lever' in e) {
          const id = e.lever as LeverId;
          s.levers[seat][id] = clamp(lever(seat, id) + e.delta * o.intensity);
        } else if (e.stat === 'tension') tensionDelta += e.delta * o.intensity;
        else if (e.stat === 'cooperation') cooperationDelta += e.delta * o.intensity;
        else if (e.stat === 'resources') s.resources[seat] += e.delta * o.intensity;
      }
      if (a.visibility === 'covert') covert.push({ seat, action: a.id, intensity: o.intensity });
      if (record) {
        emit({
          kind: 'order',
          text: `${seat}: ${a.name}${a.maxIntensity > 1 ? ` (intensity ${o.intensity})` : ''}.`,
          visibility: a.visibility,
          audience: [seat],
          actor: seat,
        });
      }
    }
  }

  // --- 3. Compute flows.
  const g = p.globalComputeGrowth;
  const mineral = 1 - 0.03 * lever('CN', 'mineralRetaliation');
  const demMult = mult('democraticComputeMultiplier') * mineral;
  const us = s.compute.US;
  us.inflow = { legal: 0, domestic: us.inflow.domestic * g * (1 + 0.04 * (lever('US', 'energyBuildout') - 0.3)) * demMult, smuggled: 0, offshore: 0 };
  const allies = s.compute.ALLIES;
  const alliedBuild = lever('EU', 'gigafactories') + lever('JK', 'jkFabs') + lever('TW', 'resilience');
  allies.inflow = { legal: 0, domestic: allies.inflow.domestic * g * (1 + 0.02 * (alliedBuild - 0.6)) * demMult, smuggled: 0, offshore: 0 };
  const hub = s.compute.HUB;
  hub.inflow = { legal: 0, domestic: hub.inflow.domestic * g * (1 + 0.04 * (lever('HUB', 'hubHosting') - 0.4)), smuggled: 0, offshore: 0 };

  const sup = s.supply;
  const smeTarget = 1 - 0.85 * (0.35 * lever('US', 'smeControls') + 0.35 * lever('EU', 'lithoAlignment') + 0.15 * lever('JK', 'jkSmeAlignment') + 0.15 * lever('EU', 'servicingBan'));
  sup.smeAccess = clamp(sup.smeAccess + 0.2 * (smeTarget - sup.smeAccess) + 0.01 * lever('CN', 'chipDrive'), 0.05, 1);
  const hbmTarget = 1 - 0.85 * (0.6 * lever('JK', 'hbmAlignment') + 0.4 * lever('US', 'smeControls'));
  sup.hbmAccess = clamp(sup.hbmAccess + 0.25 * (hbmTarget - sup.hbmAccess), 0.05, 1);
  sup.hbmStockpile = Math.max(0, sup.hbmStockpile - 0.15);
  sup.domesticYield = clamp(sup.domesticYield + 0.03 * lever('CN', 'chipDrive') * sup.smeAccess - 0.02 * lever('EU', 'servicingBan'), 0.1, 0.9);
  const effectiveHbm = clamp(sup.hbmAccess + 0.3 * sup.hbmStockpile);

  const cn = s.compute.CN;
  const enforcement = clamp(lever('US', 'enforcement') + 0.2 * lever('JK', 'alliance') + add('enforcementBoost'));
  const controls = lever('US', 'chipControls');
  const legal = p.legalCapPerQuarter * Math.pow(1.2, turn) * (1 - controls) * mult('legalMultiplier');
  const domestic =
    p.domesticBasePerQuarter * Math.pow(1.12, turn) * (sup.domesticYield / 0.4) * (0.5 + 0.5 * effectiveHbm) * (0.6 + 0.4 * sup.smeAccess) *
    (0.7 + 0.6 * lever('CN', 'chipDrive')) * (1 - 0.3 * lever('TW', 'foundryKyc')) * mult('domesticMultiplier');
  // Smuggling demand rises as the legal channel closes.
  const smuggled =
    p.smuggledBasePerQuarter * Math.pow(1.15, turn) * (0.3 + lever('CN', 'smuggling')) * (0.5 + controls) *
    (1 - 0.6 * enforcement) * (1 - 0.5 * lever('US', 'chipTracking')) * (1 - 0.2 * lever('TW', 'foundryKyc')) * mult('smuggledMultiplier');
  const offshore =
    p.offshoreBasePerQuarter * Math.pow(1.2, turn) * (0.3 + lever('CN', 'offshoreRental') + 0.5 * lever('CNLAB', 'offshoreTraining')) *
    (1 - 0.7 * lever('US', 'remoteAccessRules')) * (1 - 0.6 * lever('HUB', 'hubKyc')) * (0.8 + 0.4 * lever('HUB', 'hubHosting')) * mult('offshoreMultiplier');
  cn.inflow = { legal, domestic, smuggled, offshore };
  for (const b of [us, allies, hub, cn]) {
    b.stock = b.stock * (1 - p.depreciation) + b.inflow.legal + b.inflow.domestic + b.inflow.smuggled;
  }

  // --- 4. Training and distillation.
  const perMonth = frontierDoublingsPerMonth(p);
  const concentration = Math.pow(p.frontierComputeGrowth / g, turn);
  shift(s.trainingWindow.USLAB, us.inflow.domestic);
  shift(s.trainingWindow.CNLAB, legal + domestic + smuggled + offshore);
  const usLab = s.labs.USLAB;
  const cnLab = s.labs.CNLAB;
  usLab.trainingCompute = concentration * sum(s.trainingWindow.USLAB) * (1 + 0.15 * lever('USLAB', 'usComputePurchases')) * (1 - 0.05 * lever('USLAB', 'usSafetyEvals'));
  cnLab.trainingCompute = concentration * sum(s.trainingWindow.CNLAB) * (1 - 0.03 * lever('CNLAB', 'cnSafetyEvals'));
  const effStep = Math.log2(p.efficiencyGrowth);
  usLab.efficiencyLog2 += effStep;
  cnLab.efficiencyLog2 += effStep * (1 + 0.15 * lever('CNLAB', 'efficiencyResearch'));
  const gap = Math.max(0, usLab.capability - cnLab.capability);
  const follower = p.followerRate * gap * (1 + 0.5 * lever('USLAB', 'usOpenWeights'));
  const intensity = clamp(0.25 + lever('CNLAB', 'distillationCampaign'), 0, 1.25);
  const defences = lever('USLAB', 'distillationDefences');
  const deterrence = 0.6 * lever('US', 'antiDistillationLaw');
  const extracted = p.distillationRate * intensity * gap * (1 - 0.8 * defences) * (1 - deterrence) * mult('distillationMultiplier');
  s.distillation = { intensity, extracted, detection: clamp(0.15 + 0.55 * defences + 0.2 * lever('US', 'usIntel')), deterrence };
  cnLab.distilled += follower + extracted;
  usLab.capability = Math.max(usLab.capability, Math.log2(usLab.trainingCompute) + usLab.efficiencyLog2);
  cnLab.capability = Math.max(cnLab.capability, Math.log2(cnLab.trainingCompute) + cnLab.efficiencyLog2 + cnLab.distilled);
  s.leadMonths = (usLab.capability - cnLab.capability) / perMonth;

  // --- 5. Adoption: each region moves part of the way toward the stack it finds more attractive.
  const lead = s.leadMonths;
  const push =
    0.6 * Math.tanh(lead / 12) +
    0.5 * (lever('US', 'usExportProgramme') - lever('CN', 'cnExportProgramme')) +
    0.4 * (lever('USLAB', 'usOpenWeights') - lever('CNLAB', 'cnOpenWeights')) +
    0.3 * lever('USLAB', 'usMarketReach') +
    0.2 * (lever('EU', 'euAdoption') + lever('JK', 'jkAdoption')) +
    0.3 * (usLab.safety - cnLab.safety);
  const regional: Record<RegionId, { bias: number; rate: number; extra: number }> = {
    ALLIES: { bias: 2.0, rate: 0.15, extra: 0.3 * lever('EU', 'aiRegulation') },
    HUBS: { bias: 0.2, rate: 0.4, extra: 0.9 * (lever('HUB', 'alignDemocratic') - lever('HUB', 'alignPrc')) },
    SOUTH: { bias: -0.1, rate: 0.35, extra: 0 },
    CHINA: { bias: -3.0, rate: 0.1, extra: -0.8 * lever('CN', 'aiPlus') },
  };
  for (const r of Object.keys(regional) as RegionId[]) {
    const { bias, rate, extra } = regional[r];
    const target = logistic(push + bias + extra);
    const d = clamp(s.adoption[r].democratic + rate * (target - s.adoption[r].democratic));
    s.adoption[r] = { democratic: d, prc: 1 - d };
  }

  // --- 6. Risk, tension, cooperation.
  const racing = clamp(1 - Math.abs(lead) / 12);
  s.risk.racing = racing;
  const usTarget = 0.35 + 0.4 * lever('USLAB', 'usSafetyEvals') + 0.15 * lever('USLAB', 'usJointSafety') + 0.1 * lever('EU', 'aiRegulation') - 0.25 * racing;
  const cnTarget = 0.2 + 0.4 * lever('CNLAB', 'cnSafetyEvals') + 0.15 * lever('CNLAB', 'cnJointSafety') - 0.25 * racing;
  usLab.safety = clamp(usLab.safety + 0.4 * (usTarget - usLab.safety));
  cnLab.safety = clamp(cnLab.safety + 0.4 * (cnTarget - cnLab.safety));
  const closeness = clamp(1 - lead / 12);
  const openFrontier = Math.max(lever('USLAB', 'usOpenWeights'), lever('CNLAB', 'cnOpenWeights') * closeness);
  let agreementMisuse = 0;
  for (const a of s.agreements) {
    const t = AGREEMENT_MENU[a.kind]?.perQuarter;
    if (!t) continue;
    cooperationDelta += t.cooperation ?? 0;
    tensionDelta += t.tension ?? 0;
    agreementMisuse += t.misuse ?? 0;
  }
  const misuseTarget = 0.1 + 0.3 * openFrontier + 0.35 * (1 - (usLab.safety + cnLab.safety) / 2) + 0.15 * racing;
  s.risk.misuse = clamp(s.risk.misuse + 0.3 * (misuseTarget - s.risk.misuse) + agreementMisuse);
  tensionDelta += 4 * lever('CN', 'straitPressure') + 3 * lever('CN', 'mineralRetaliation') - 0.08 * (s.tension - 40);
  cooperationDelta +=
    3 * (lever('USLAB', 'usJointSafety') + lever('CNLAB', 'cnJointSafety')) / 2 + 2 * lever('EU', 'euCooperation') - 0.05 * Math.max(0, s.tension - 60) - 0.06 * (s.cooperation - 20);

  // --- 7. Events: scheduled and injected cards due now, then seeded random draws.
  const eventRng = rngFor(s.seed, turn, 'events');
  const due = s.pendingEvents.filter((e) => e.turn === turn);
  s.pendingEvents = s.pendingEvents.filter((e) => e.turn !== turn);
  const fired: EventCard[] = [];
  for (const e of due) {
    const card = EVENT_BY_ID.get(e.eventId);
    if (card) fired.push(card);
  }
  for (const card of EVENT_DECK) {
    if (card.trigger !== 'random' || s.drawnEvents.includes(card.id)) continue;
    if (eventRng() < (card.probability ?? 0)) {
      fired.push(card);
      s.drawnEvents.push(card.id);
    }
  }
  for (const card of fired) {
    for (const e of card.effects) {
      if (e.key === 'tension') tensionDelta += e.value;
      else if (e.key === 'cooperation') cooperationDelta += e.value;
      else if (e.key === 'misuse') s.risk.misuse = clamp(s.risk.misuse + e.value);
      else if (e.key === 'cnEfficiency') cnLab.efficiencyLog2 += e.value;
      else if (e.key === 'domesticYield') sup.domesticYield = clamp(sup.domesticYield + e.value, 0.1, 0.9);
      else if (e.key === 'adoptionPrc' || e.key === 'adoptionDemocratic') {
        const sign = e.key === 'adoptionPrc' ? -1 : 1;
        for (const r of SWING_REGIONS) {
          const d = clamp(s.adoption[r].democratic + sign * e.value * 0.3);
          s.adoption[r] = { democratic: d, prc: 1 - d };
        }
      } else s.modifiers.push({ id: card.id, key: e.key, value: e.value, untilTurn: turn + (e.quarters ?? 1) });
    }
    emit({ kind: 'event-card', text: `${card.title}: ${card.text}`, visibility: 'public', audience: [] });
  }

  // --- 8. Detection of covert acts; attribution can be wrong when intelligence is poor.
  const detectRng = rngFor(s.seed, turn, 'detection');
  s.intel = {
    ...s.intel,
    US: 0.3 + 0.6 * lever('US', 'usIntel'),
    CN: 0.3 + 0.6 * lever('CN', 'cnIntel'),
    USLAB: 0.3 + 0.3 * lever('USLAB', 'distillationDefences'),
  };
  for (const c of covert) {
    const odds = detectionOdds(c.action, lever, s.distillation.detection);
    const roll = detectRng();
    const misattributed = detectRng() < 0.35 * (1 - s.intel.US);
    if (roll >= odds) continue;
    const attributedTo: SeatId = misattributed ? (c.seat === 'CN' ? 'CNLAB' : 'CN') : c.seat;
    const name = ACTION_BY_ID.get(c.action)!.name.toLowerCase();
    tensionDelta += 3;
    cooperationDelta -= 2;
    emit({
      kind: 'detected',
      text: `Covert activity exposed (${name}); attributed to ${attributedTo}.`,
      visibility: 'public',
      audience: [],
      odds,
      roll,
      attributedTo,
      actor: c.seat,
    });
  }

  s.tension = clamp(s.tension + tensionDelta, 0, 100);
  s.cooperation = clamp(s.cooperation + cooperationDelta, 0, 100);

  // --- 9. Rolls for incidents and early endings, shown to everyone with their odds.
  const riskRng = rngFor(s.seed, turn, 'risk');
  const incidentOdds = 0.5 * s.risk.misuse;
  const incidentRoll = riskRng();
  if (incidentRoll < incidentOdds) {
    s.risk.incidents += 1;
    s.tension = clamp(s.tension + 3, 0, 100);
  }
  emit({
    kind: 'incident-roll',
    text: incidentRoll < incidentOdds ? 'A misuse incident occurred.' : 'No misuse incident this quarter.',
    visibility: 'public',
    audience: [],
    odds: incidentOdds,
    roll: incidentRoll,
  });
  let early: OutcomeInputs['early'] = null;
  const catastropheOdds = clamp((s.risk.misuse - p.misuseCatastropheThreshold) * 0.8);
  const catastropheRoll = riskRng();
  if (catastropheOdds > 0) {
    emit({ kind: 'catastrophe-roll', text: 'Roll for a misuse catastrophe.', visibility: 'public', audience: [], odds: catastropheOdds, roll: catastropheRoll });
    if (catastropheRoll < catastropheOdds) {
      early = { id: 'misuse-catastrophe', odds: catastropheOdds, roll: catastropheRoll, figure: { name: 'Misuse risk', value: s.risk.misuse, threshold: p.misuseCatastropheThreshold, comparison: '>' } };
    }
  }
  const deterrenceTw = 0.5 * lever('TW', 'straitPosture') + 0.5 * lever('JK', 'alliance');
  const crisisOdds = s.tension >= 100 ? 1 : clamp((s.tension - p.straitCrisisThreshold) / 40) * (1 - 0.4 * deterrenceTw);
  const crisisRoll = riskRng();
  if (!early && crisisOdds > 0) {
    emit({ kind: 'crisis-roll', text: 'Roll for a Strait crisis.', visibility: 'public', audience: [], odds: crisisOdds, roll: crisisRoll });
    if (crisisRoll < crisisOdds) {
      early = { id: 'strait-crisis', odds: crisisOdds, roll: crisisRoll, figure: { name: 'Tension', value: s.tension, threshold: p.straitCrisisThreshold, comparison: '>' } };
    }
  }
  if (early || turn >= s.turns) {
    s.outcome = classifyOutcome({
      turn,
      leadMonths: s.leadMonths,
      swingDemocratic: swingDemocratic(s),
      cooperation: s.cooperation,
      jointGovernanceInForce: s.agreements.some((a) => a.kind === 'joint-governance'),
      early,
    });
    emit({ kind: 'outcome', text: s.outcome.reason, visibility: 'public', audience: [] });
  }

  // --- 10. Resources for next quarter; the record of this one.
  for (const seat of SEATS) s.resources[seat] = Math.min(s.resources[seat] + s.income[seat], 2 * s.income[seat]);
  if (record) {
    s.history = [
      ...s.history,
      {
        turn,
        quarter,
        orders: accepted,
        leadMonths: s.leadMonths,
        compute: structuredClone(s.compute),
        capability: { USLAB: usLab.capability, CNLAB: cnLab.capability },
        adoption: structuredClone(s.adoption),
        risk: { racing: s.risk.racing, misuse: s.risk.misuse },
        tension: s.tension,
        cooperation: s.cooperation,
        events,
      },
    ];
  }
  return { state: s, events };
}

export function swingDemocratic(s: WorldState): number {
  return SWING_REGIONS.reduce((acc, r) => acc + s.adoption[r].democratic, 0) / SWING_REGIONS.length;
}

function detectionOdds(action: string, lever: (seat: SeatId, id: LeverId) => number, distillDetection: number): number {
  switch (action) {
    case 'cn-smuggling':
      return clamp(0.15 + 0.4 * lever('US', 'enforcement') + 0.3 * lever('US', 'chipTracking') + 0.2 * lever('US', 'usIntel'));
    case 'cn-offshore-rental':
    case 'cnlab-offshore-training':
      return clamp(0.1 + 0.3 * lever('HUB', 'hubKyc') + 0.3 * lever('US', 'remoteAccessRules') + 0.2 * lever('US', 'usIntel'));
    case 'cnlab-distillation':
      return distillDetection;
    default:
      return clamp(0.2 + 0.3 * lever('US', 'usIntel'));
  }
}

function shift(window: number[], value: number) {
  window.shift();
  window.push(value);
}

function sum(xs: number[]) {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}

