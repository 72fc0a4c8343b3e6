import { ACTIONS, type ActionDef } from './actions.js';
import { SEAT_INFO, bySeat, type BySeat, type SeatId } from './seats.js';
import type { LeverId } from './levers.js';
import type { Order, WorldState } from './state.js';
import { rngFor, type Rng } from './rng.js';
import { clamp } from './formulas.js';
import { AGREEMENT_MENU } from './agreements.js';
import { restrictiveness } from './steps/relations-step.js';
import { offshoreBlocked, smugglingBlocked } from './steps/compute-step.js';
import { botAgreementOrders } from './negotiation.js';
import { DOCTRINES, DOCTRINE_TABLE, type Doctrine, type Stance } from './doctrines.js';

export { DOCTRINES, type Doctrine };

/** How much each doctrine values each kind of action (by tag): kept for display; bots use data/doctrines.json. */
export const DOCTRINE_WEIGHTS: Record<Doctrine, Record<string, number>> = {
  hawk: { restrict: 3, enforce: 3, protect: 2.5, build: 2, covert: 3, evade: 3, retaliate: 1.5, coerce: 1.2, deter: 2, adopt: 1.5, cooperate: 0.15, safety: 0.4, trade: 0.1, open: 0.6, intel: 1.2 },
  dove: { restrict: 0.6, enforce: 0.8, protect: 1.2, build: 1.5, covert: 0.3, evade: 0.3, retaliate: 0.05, coerce: 0.05, deter: 0.4, adopt: 1.5, cooperate: 3, safety: 2.5, trade: 1.2, open: 1, intel: 0.6 },
  opportunist: { restrict: 1.2, enforce: 1.2, protect: 1.5, build: 2.5, covert: 1.8, evade: 1.8, retaliate: 0.6, coerce: 0.5, deter: 1, adopt: 2.5, cooperate: 1, safety: 0.8, trade: 2, open: 1.5, intel: 1 },
};

const R = DOCTRINE_TABLE.reactions;

/** An action as a bot sees it: the lever it moves, which way, and the stance that lever belongs to. */
type ActionMeta = { def: ActionDef; lever: LeverId | null; delta: number; stance: Stance | null; tension: number };

function metaOf(a: ActionDef): ActionMeta {
  let lever: LeverId | null = null;
  let delta = 0;
  let tension = 0;
  for (const e of a.effects) {
    if ('lever' in e) {
      if (!lever) {
        lever = e.lever;
        delta = e.delta;
      }
    } else if (e.stat === 'tension') tension += e.delta;
  }
  return { def: a, lever, delta, stance: lever ? DOCTRINE_TABLE.levers[lever] : null, tension };
}

const META: BySeat<ActionMeta[]> = bySeat((seat) => ACTIONS.filter((a) => a.seat === seat && !a.agreement).map(metaOf));

/** What a bot believes: public figures exactly, the lead as its intelligence allows. */
export type Perception = {
  lead: number;
  tension: number;
  cooperation: number;
  misuse: number;
  /** 0 at a comfortable lead (≥ closeLead months), 1 at parity or behind. */
  closeness: number;
  /** How far the PRC is behind, 0..1 (lead / 12). */
  behind: number;
  /** 1 well below the crisis threshold, falling to 0 near it: how freely a bot escalates. */
  cool: number;
  /** 0 at calm, rising to 1 as tension nears the crisis threshold: the urge to de-escalate. */
  alarm: number;
  /** 0 at low misuse risk, rising to 1 as it nears the catastrophe threshold. */
  misuseAlarm: number;
};

export function perceive(state: WorldState, seat: SeatId, rng: Rng, doctrine: Doctrine = 'opportunist'): Perception {
  const band = 1 + 6 * (1 - (state.intel[seat] ?? 0.3));
  const lead = state.leadMonths + (rng() * 2 - 1) * band * 0.6;
  const threshold = state.params.straitCrisisThreshold;
  return {
    lead,
    tension: state.tension,
    cooperation: state.cooperation,
    misuse: state.risk.misuse,
    closeness: clamp((R.closeLead - lead) / R.closeLead),
    behind: clamp(lead / 12),
    // Hawks practise brinkmanship: they keep escalating closer to the line.
    cool: clamp((threshold - (doctrine === 'hawk' ? R.coolMarginHawk : R.coolMargin) - state.tension) / R.coolSpan),
    alarm: clamp((state.tension - R.deescalateFrom) / R.deescalateSpan),
    misuseAlarm: clamp((state.risk.misuse - R.misuseFrom) / R.misuseSpan),
  };
}

const COUNTERPART: Partial<Record<LeverId, [SeatId, LeverId]>> = {
  usDiplomacy: ['CN', 'cnDiplomacy'],
  cnDiplomacy: ['US', 'usDiplomacy'],
  usJointSafety: ['CNLAB', 'cnJointSafety'],
  cnJointSafety: ['USLAB', 'usJointSafety'],
};

/** The level a bot wants a policy lever at: the scenario's posture, shifted by doctrine and by the situation. */
export function desiredPolicy(state: WorldState, seat: SeatId, doctrine: Doctrine, lever: LeverId, stance: Stance, v: Perception): number {
  const st = DOCTRINE_TABLE.stances[stance];
  const posture = state.posture[seat][lever] ?? 0;
  let d = st[doctrine];
  const side = SEAT_INFO[seat].side;
  switch (stance) {
    case 'restrict':
      if (seat === 'US') d += R.restrictWhenClose * v.closeness;
      else if (side === 'democratic') d += R.alliedShare * R.restrictWhenClose * v.closeness;
      else if (seat === 'HUB') d += doctrine === 'hawk' ? 0.5 * R.restrictWhenClose * v.closeness : 0;
      break;
    case 'build':
      d += side === 'prc' ? R.behindPush * v.behind : 0.5 * R.restrictWhenClose * v.closeness;
      break;
    case 'protect':
      d += 0.5 * R.restrictWhenClose * v.closeness + (state.exposed.distillation > 0 ? 0.15 : 0);
      break;
    case 'safety':
      d += (doctrine === 'hawk' ? 0.5 : 1) * R.misuseReaction * v.misuseAlarm - (doctrine === 'hawk' ? 0.1 * v.closeness : 0);
      break;
    case 'open':
      d -= (doctrine === 'hawk' ? 0.3 : 1) * R.misuseReaction * v.misuseAlarm;
      if (side === 'prc') d += 0.1 * v.behind;
      break;
    case 'deter':
      d -= 0.3 * v.alarm;
      break;
    default:
      break;
  }
  // The scenario says how far from its posture the democracies' and hubs' politics may move.
  return clamp(posture + (side === 'prc' ? 1 : state.params.botLatitude ?? 1) * d);
}

/** The intensity (0..1) a bot wants for a campaign lever this quarter. */
export function desiredCampaign(state: WorldState, seat: SeatId, doctrine: Doctrine, lever: LeverId, stance: Stance, v: Perception, action = ''): number {
  const st = DOCTRINE_TABLE.stances[stance];
  // A scenario may set a habit for a campaign (e.g. standing dialogues): bots start from it.
  let d = st[doctrine] + (state.posture[seat][lever] ?? 0);
  switch (stance) {
    case 'covert':
      if (seat === 'HUB') {
        // A security-minded hub does not host PRC clusters; a trading hub does when the money is good.
        d = doctrine === 'hawk' ? 0.05 : doctrine === 'dove' ? 0.2 : 0.5;
        d -= 0.3 * Math.tanh(v.lead / 10);
      } else {
        d += R.behindPush * v.behind;
        // A channel the controls mostly block, or one just exposed, is worth less effort (hawks persist).
        const persist = doctrine === 'hawk' ? 0.5 : 1;
        if (lever === 'smuggling') d *= (1 - persist * R.blockedDamping * smugglingBlocked(state)) * (state.exposed.smuggled > 0 ? 1 - persist * R.exposedDamping : 1);
        else if (lever === 'offshoreRental' || lever === 'offshoreTraining') d *= (1 - persist * R.blockedDamping * offshoreBlocked(state)) * (state.exposed.offshore > 0 ? 1 - persist * R.exposedDamping : 1);
        else if (lever === 'distillationCampaign') d *= state.exposed.distillation > 0 ? 1 - persist * R.exposedDamping : 1;
        // Near the crisis threshold even a hawk thinks twice before an act that could be exposed.
        d *= 0.5 + 0.5 * v.cool;
        if (lever === 'hbmStockpiling') d = doctrine === 'dove' ? 0.1 : 0.3 + 0.5 * restrictiveness(state);
        // A signed agreement restrains all but hawks — less so the further behind the PRC falls.
        if (doctrine !== 'hawk' && state.agreements.some((a) => a.parties.includes(seat) && AGREEMENT_MENU[a.kind]?.forbids.includes(action))) {
          d *= Math.min(1, R.covertUnderPact + R.temptation * v.behind);
        }
      }
      break;
    case 'cooperate': {
      d += R.deescalate * v.alarm;
      const cp = COUNTERPART[lever];
      if (cp) d += R.reciprocity * (state.levers[cp[0]][cp[1]] ?? 0);
      break;
    }
    case 'coerce':
      // Cut off and falling behind, Beijing leans harder on Taiwan and the chip supply chain.
      d += (doctrine === 'dove' ? 0.5 : 1) * R.desperation * clamp((v.lead - R.desperationFrom) / 10);
      d *= v.cool;
      break;
    case 'market':
      if (lever === 'usComputePurchases') d += 0.3 * v.closeness;
      else if (lever === 'exposeDistillation') d *= state.exposed.distillation > 0 ? 1.5 : 0.4;
      else if (lever === 'alliance') d *= 0.5 + 0.5 * v.cool;
      break;
    case 'align': {
      const pull = (doctrine === 'opportunist' ? 0.6 : 0.4) * Math.tanh(v.lead / 10);
      d = lever === 'alignDemocratic' ? 0.25 + pull + st[doctrine] : 0.25 - pull - st[doctrine] + (doctrine === 'opportunist' ? 0.1 : 0);
      break;
    }
    default:
      break;
  }
  return clamp(d);
}

type Candidate = { action: string; intensity: number; cost: number; value: number; lever: LeverId | null; delta: number };

/**
 * A bot's orders for one seat. Each policy lever is steered toward the level the bot wants (the
 * scenario's posture shifted by doctrine and situation), a step or two a quarter; each campaign is run at
 * the intensity it wants. Candidates are ranked by doctrine weight × how much they matter, with seeded
 * noise, and bought in that order while resources last. Escalatory moves are held back near the crisis
 * threshold.
 */
export function botOrders(state: WorldState, seat: SeatId, doctrine: Doctrine): Order[] {
  const rng = rngFor(state.seed, state.turn + 1, `bot:${seat}:${doctrine}`);
  const v = perceive(state, seat, rng, doctrine);
  const levers = state.levers[seat];
  const candidates: Candidate[] = [];
  for (const m of META[seat]) {
    if (!m.lever || !m.stance) continue;
    const st = DOCTRINE_TABLE.stances[m.stance];
    const a = m.def;
    let steps: number;
    let value: number;
    if (st.kind === 'policy') {
      const gap = desiredPolicy(state, seat, doctrine, m.lever, m.stance, v) - (levers[m.lever] ?? 0);
      const size = Math.abs(gap) / Math.abs(m.delta);
      if (gap * m.delta <= 0 || size < 0.5) continue;
      steps = Math.min(a.maxIntensity, R.maxPolicySteps, Math.max(1, Math.round(size)));
      value = st.weight[doctrine] * Math.min(1, size);
    } else {
      const level = desiredCampaign(state, seat, doctrine, m.lever, m.stance, v, a.id);
      const raw = level / Math.abs(m.delta);
      steps = Math.min(a.maxIntensity, Math.floor(raw + rng()));
      if (steps < 1) continue;
      value = st.weight[doctrine] * level;
    }
    // Escalatory moves are held back as tension nears the crisis line (hawks less so).
    if (m.tension > 0) value *= doctrine === 'hawk' ? 0.2 + 0.8 * v.cool : v.cool;
    value *= 1 - R.noise / 2 + R.noise * rng();
    if (value < R.minValue) continue;
    candidates.push({ action: a.id, intensity: steps, cost: a.cost, value, lever: m.lever, delta: m.delta });
  }
  candidates.sort((x, y) => y.value - x.value || (x.action < y.action ? -1 : 1));
  let budget = state.resources[seat];
  const orders: Order[] = botAgreementOrders(state, seat, doctrine, rng);
  for (const c of candidates) {
    if (orders.length >= R.maxOrders + 2) break;
    const affordable = c.cost === 0 ? c.intensity : Math.min(c.intensity, Math.floor(budget / c.cost));
    if (affordable < 1) continue;
    orders.push({ action: c.action, intensity: affordable });
    budget -= c.cost * affordable;
  }
  return orders;
}

/** Bot orders for every seat (a convenience for tests and tools). */
export function allBotOrders(state: WorldState, doctrines: BySeat<Doctrine>): BySeat<Order[]> {
  return bySeat((seat) => botOrders(state, seat, doctrines[seat]));
}

