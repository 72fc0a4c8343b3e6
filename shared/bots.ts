import { ACTIONS, type ActionDef } from './actions.js';
import { ACTION_RULES } from './action-rules.js';
import { SEAT_INFO, bySeat, type BySeat, type SeatId, type Side } from './seats.js';
import type { LeverId, LeverValues } from './levers.js';
import type { Order, WorldState } from './state.js';
import { BlockStream, STREAM, type Rng } from './rng.js';
import { clamp } from './formulas.js';
import { restrictiveness } from './steps/relations-step.js';
import { offshoreBlocked, smugglingBlocked } from './steps/compute-step.js';
import { lv } from './steps/context.js';
import { botAgreementOrders, proposalOrders, signableKinds } from './negotiation.js';
import { AGREEMENT_KINDS } from './agreements.js';
import { DOCTRINES, DOCTRINE_TABLE, STANCES, type Doctrine, type Stance } from './doctrines.js';

export { DOCTRINES, type Doctrine };

const R = DOCTRINE_TABLE.reactions;

/** Doctrines by position, so per-doctrine figures are read from arrays. */
const DOCTRINE_INDEX: Record<Doctrine, number> = { hawk: 0, dove: 1, opportunist: 2 };

type PerDoctrine = readonly [number, number, number];

/** Stances by position: a bot's reaction to each is a switch over small integers. */
const stanceCode = (s: Stance): number => STANCES.indexOf(s);
const RESTRICT = stanceCode('restrict');
const PROTECT = stanceCode('protect');
const BUILD = stanceCode('build');
const SAFETY = stanceCode('safety');
const OPEN = stanceCode('open');
const DETER = stanceCode('deter');
const COVERT = stanceCode('covert');
const COOPERATE = stanceCode('cooperate');
const COERCE = stanceCode('coerce');
const MARKET = stanceCode('market');
const ALIGN = stanceCode('align');

/**
 * An action as a bot weighs it, read once from the catalogue and the doctrine table: the lever it moves
 * and which way, the stance that lever belongs to (its shift or intensity, and its weight, per doctrine),
 * whether it escalates, and the agreements that forbid it.
 */
type BotAction = {
  readonly id: string;
  readonly cost: number;
  readonly maxIntensity: number;
  readonly lever: LeverId;
  readonly delta: number;
  /** The stance's position in STANCES. */
  readonly stance: number;
  readonly policy: boolean;
  readonly shift: PerDoctrine;
  readonly weight: PerDoctrine;
  readonly escalates: boolean;
  /** Public acts are seen at once, so a breach by one is exposed the quarter it is taken. */
  readonly public: boolean;
  readonly forbiddenBy: readonly string[];
};

function botAction(a: ActionDef): BotAction | null {
  const rule = ACTION_RULES.get(a.id);
  const first = rule?.levers[0];
  if (!rule || !first) return null;
  const stance = DOCTRINE_TABLE.levers[first.lever];
  const st = DOCTRINE_TABLE.stances[stance];
  return {
    id: a.id,
    cost: a.cost,
    maxIntensity: a.maxIntensity,
    lever: first.lever,
    delta: first.delta,
    stance: stanceCode(stance),
    policy: st.kind === 'policy',
    shift: [st.hawk, st.dove, st.opportunist],
    weight: [st.weight.hawk, st.weight.dove, st.weight.opportunist],
    escalates: (rule.tension ?? 0) > 0,
    public: a.visibility === 'public',
    forbiddenBy: rule.forbiddenBy,
  };
}

const BOT_ACTIONS: BySeat<readonly BotAction[]> = bySeat((seat) =>
  ACTIONS.filter((a) => a.seat === seat && !a.agreement)
    .map(botAction)
    .filter((m): m is BotAction => m !== null),
);

/**
 * What a seat's bot reads of its seat every quarter, in one record: its actions, its side, and its block
 * of the quarter's bots stream. The block (seats in SEATS order) is as long as the most draws the bot
 * takes: its perception, one roll per agreement on the menu, the noise on each action's value, and for a
 * campaign how many steps to run; so one bot's choices never shift another's draws.
 */
type BotSeat = { readonly actions: readonly BotAction[]; readonly side: Side; readonly offset: number; readonly draws: number };

const BOT_SEAT: BySeat<BotSeat> = (() => {
  let at = 0;
  return bySeat((seat) => {
    const actions = BOT_ACTIONS[seat];
    const draws = 1 + AGREEMENT_KINDS.length + actions.reduce((n, m) => n + (m.policy ? 1 : 2), 0);
    const offset = at;
    at += draws;
    return { actions, side: SEAT_INFO[seat].side, offset, draws };
  });
})();

/**
 * What every bot reads alike in the quarter that follows `state`, worked out once and handed to every bot
 * that orders from that same position: the quarter's bots stream (a block per seat), which agreements on
 * the menu are open to signing, the kinds in force that bind each seat, and each seat's posture.
 */
export type BotQuarter = {
  readonly draws: BlockStream;
  /** By position on the menu (AGREEMENT_KINDS). */
  readonly signable: readonly boolean[];
  readonly inForce: BySeat<readonly string[]>;
  /** Each seat's scenario posture for its actions' levers, by action position. */
  readonly posture: BySeat<readonly number[]>;
};

export function botQuarter(state: WorldState): BotQuarter {
  const agreements = state.agreements;
  return {
    draws: new BlockStream(state.seed, state.turn + 1, STREAM.bots),
    signable: signableKinds(state),
    inForce: bySeat((seat) => {
      let kinds: string[] | null = null;
      for (let i = 0; i < agreements.length; i++) if (agreements[i].parties.includes(seat)) (kinds ??= []).push(agreements[i].kind);
      return kinds ?? NOTHING;
    }),
    posture: postureByAction(state),
  };
}

/** The lead a bot believes: the true lead, blurred as far as its seat's intelligence falls short (one draw). */
function perceivedLead(state: WorldState, seat: SeatId, rng: Rng): number {
  const band = 1 + 6 * (1 - (state.intel[seat] ?? 0.3));
  return state.leadMonths + (rng() * 2 - 1) * band * 0.6;
}

const COUNTERPART: Partial<Record<LeverId, [SeatId, LeverId]>> = {
  usDiplomacy: ['CN', 'cnDiplomacy'],
  cnDiplomacy: ['US', 'usDiplomacy'],
  usJointSafety: ['CNLAB', 'cnJointSafety'],
  cnJointSafety: ['USLAB', 'usJointSafety'],
};

/** One bot's quarter: what it reads for every action it weighs, looked up once. */
type BotTurn = {
  readonly state: WorldState;
  readonly seat: SeatId;
  readonly doctrine: Doctrine;
  /** The doctrine's position in per-doctrine arrays. */
  readonly di: number;
  readonly side: Side;
  /** How far the scenario lets this seat's politics move from its posture (1 for the PRC's seats). */
  readonly latitude: number;
  /** The scenario's posture for each of the seat's actions' levers, by action position. */
  readonly posture: readonly number[];
  /** The lead as the bot believes it (`perceivedLead`); public figures it reads exactly. */
  readonly lead: number;
  /** 0 at a comfortable lead (≥ closeLead months), 1 at parity or behind. */
  readonly closeness: number;
  /** How far the PRC is behind, 0..1 (lead / 12). */
  readonly behind: number;
  /** 1 well below the crisis threshold, falling to 0 near it: how freely a bot escalates. */
  readonly cool: number;
  /** 0 at calm, rising to 1 as tension nears the crisis threshold: the urge to de-escalate. */
  readonly alarm: number;
  /** 0 at low misuse risk, rising to 1 as it nears the catastrophe threshold. */
  readonly misuseAlarm: number;
  /**
   * The agreements that bind the bot: those in force it is a party to, and those it signs this quarter
   * (it means to keep them from the quarter they come into force).
   */
  readonly bound: readonly string[];
};

/**
 * The posture each seat's bot actions start from, by action position. A scenario's posture is never
 * changed in place during a match (clone.ts shares it between positions), so it is read once per posture
 * object: a memo of a pure function, holding no state.
 */
const POSTURE_BY_ACTION = new WeakMap<object, BySeat<readonly number[]>>();

function postureByAction(state: WorldState): BySeat<readonly number[]> {
  let p = POSTURE_BY_ACTION.get(state.posture);
  if (!p) {
    p = bySeat((seat) => {
      const posture = state.posture[seat] as LeverValues;
      return BOT_ACTIONS[seat].map((m) => posture[m.lever] ?? 0);
    });
    POSTURE_BY_ACTION.set(state.posture, p);
  }
  return p;
}

/** The agreement kinds binding a seat: in force with it as a party, or signed by it this quarter (its sign orders, and proposals it accepted). */
function boundKinds(q: BotQuarter, state: WorldState, seat: SeatId, signs: readonly Order[]): readonly string[] {
  const inForce = q.inForce[seat];
  if (signs.length === 0 && state.proposals.length === 0) return inForce;
  const out = inForce.slice();
  for (const o of signs) out.push(o.agreement as string);
  if (state.proposals.length) for (const o of proposalOrders(state, seat)) out.push(o.agreement as string);
  return out;
}

/** The level a bot wants a policy lever at: the scenario's posture, shifted by doctrine and by the situation. */
function desiredPolicy(t: BotTurn, m: BotAction, posture: number): number {
  const { state, seat, doctrine, side } = t;
  let d = m.shift[t.di];
  switch (m.stance) {
    case RESTRICT:
      if (seat === 'US') d += R.restrictWhenClose * t.closeness;
      else if (side === 'democratic') d += R.alliedShare * R.restrictWhenClose * t.closeness;
      else if (seat === 'HUB') d += doctrine === 'hawk' ? 0.5 * R.restrictWhenClose * t.closeness : 0;
      break;
    case BUILD:
      d += side === 'prc' ? R.behindPush * t.behind : 0.5 * R.restrictWhenClose * t.closeness;
      break;
    case PROTECT:
      d += 0.5 * R.restrictWhenClose * t.closeness + (state.exposed.distillation > 0 ? 0.15 : 0);
      break;
    case SAFETY:
      d += (doctrine === 'hawk' ? 0.5 : 1) * R.misuseReaction * t.misuseAlarm - (doctrine === 'hawk' ? 0.1 * t.closeness : 0);
      break;
    case OPEN:
      d -= (doctrine === 'hawk' ? 0.3 : 1) * R.misuseReaction * t.misuseAlarm;
      if (side === 'prc') d += 0.1 * t.behind;
      break;
    case DETER:
      d -= 0.3 * t.alarm;
      break;
    default:
      break;
  }
  // The scenario says how far from its posture the democracies' and hubs' politics may move.
  return clamp(posture + t.latitude * d);
}

/** The intensity (0..1) a bot wants for a campaign lever this quarter. */
function desiredCampaign(t: BotTurn, m: BotAction, posture: number): number {
  const { state, seat, doctrine } = t;
  const lever = m.lever;
  // A scenario may set a habit for a campaign (e.g. standing dialogues): bots start from it.
  let d = m.shift[t.di] + posture;
  switch (m.stance) {
    case COVERT:
      if (seat === 'HUB') {
        // A security-minded hub does not host PRC clusters; a trading hub does when the money is good.
        d = doctrine === 'hawk' ? 0.05 : doctrine === 'dove' ? 0.2 : 0.5;
        d -= 0.3 * Math.tanh(t.lead / 10);
      } else {
        d += R.behindPush * t.behind;
        // A channel the controls mostly block, or one just exposed, is worth less effort (hawks persist).
        const persist = doctrine === 'hawk' ? 0.5 : 1;
        if (lever === 'smuggling') d *= (1 - persist * R.blockedDamping * smugglingBlocked(state)) * (state.exposed.smuggled > 0 ? 1 - persist * R.exposedDamping : 1);
        else if (lever === 'offshoreRental' || lever === 'offshoreTraining') d *= (1 - persist * R.blockedDamping * offshoreBlocked(state)) * (state.exposed.offshore > 0 ? 1 - persist * R.exposedDamping : 1);
        else if (lever === 'distillationCampaign') d *= state.exposed.distillation > 0 ? 1 - persist * R.exposedDamping : 1;
        // Near the crisis threshold even a hawk thinks twice before an act that could be exposed.
        d *= 0.5 + 0.5 * t.cool;
        if (lever === 'hbmStockpiling') d = doctrine === 'dove' ? 0.1 : 0.3 + 0.5 * restrictiveness(state);
        // A signed agreement restrains all but hawks — less so the further behind the PRC falls.
        if (doctrine !== 'hawk' && bindsSeat(t, m)) {
          d *= Math.min(1, R.covertUnderPact + R.temptation * t.behind);
        }
      }
      break;
    case COOPERATE: {
      d += R.deescalate * t.alarm;
      const cp = COUNTERPART[lever];
      if (cp) d += R.reciprocity * lv(state, cp[0], cp[1]);
      break;
    }
    case COERCE:
      // Cut off and falling behind, Beijing leans harder on Taiwan and the chip supply chain.
      d += (doctrine === 'dove' ? 0.5 : 1) * R.desperation * clamp((t.lead - R.desperationFrom) / 10);
      d *= t.cool;
      break;
    case MARKET:
      if (lever === 'usComputePurchases') d += 0.3 * t.closeness;
      else if (lever === 'exposeDistillation') d *= state.exposed.distillation > 0 ? 1.5 : 0.4;
      else if (lever === 'alliance') d *= 0.5 + 0.5 * t.cool;
      break;
    case ALIGN: {
      const pull = (doctrine === 'opportunist' ? 0.6 : 0.4) * Math.tanh(t.lead / 10);
      const own = m.shift[t.di];
      d = lever === 'alignDemocratic' ? 0.25 + pull + own : 0.25 - pull - own + (doctrine === 'opportunist' ? 0.1 : 0);
      break;
    }
    default:
      break;
  }
  return clamp(d);
}

/** True when an agreement in force, or one the bot signs this quarter, binds its seat not to take this action. */
function bindsSeat(t: BotTurn, m: BotAction): boolean {
  if (m.forbiddenBy.length === 0 || t.bound.length === 0) return false;
  for (let i = 0; i < t.bound.length; i++) if (m.forbiddenBy.includes(t.bound[i])) return true;
  return false;
}

const NOTHING: readonly string[] = [];

type Candidate = { action: string; intensity: number; cost: number; value: number };

/** Highest value first, ties by action id (an insertion sort: a dozen candidates at most). */
function rank(c: Candidate[]): void {
  for (let i = 1; i < c.length; i++) {
    const x = c[i];
    let j = i - 1;
    while (j >= 0 && (c[j].value < x.value || (c[j].value === x.value && c[j].action > x.action))) {
      c[j + 1] = c[j];
      j--;
    }
    c[j + 1] = x;
  }
}

/**
 * A bot's orders for one seat. Each policy lever is steered toward the level the bot wants (the
 * scenario's posture shifted by doctrine and situation), a step or two a quarter; each campaign is run at
 * the intensity it wants. Candidates are ranked by doctrine weight × how much they matter, with seeded
 * noise, and bought in that order while resources last. Escalatory moves are held back near the crisis
 * threshold. A bot never takes a public act that an agreement binding it forbids (it would be exposed at
 * once); covert ones it may risk, as its doctrine allows.
 */
export function botOrders(state: WorldState, seat: SeatId, doctrine: Doctrine, quarter: BotQuarter = botQuarter(state)): Order[] {
  const me = BOT_SEAT[seat];
  const rng = quarter.draws.block(me.offset, me.draws);
  const lead = perceivedLead(state, seat, rng);
  const di = DOCTRINE_INDEX[doctrine];
  const levers = state.levers[seat] as LeverValues;
  const orders: Order[] = botAgreementOrders(state, seat, doctrine, rng, quarter.signable);
  const side = me.side;
  const tension = state.tension;
  const t: BotTurn = {
    state,
    seat,
    doctrine,
    di,
    side,
    latitude: side === 'prc' ? 1 : (state.params.botLatitude ?? 1),
    posture: quarter.posture[seat],
    lead,
    closeness: clamp((R.closeLead - lead) / R.closeLead),
    behind: clamp(lead / 12),
    // Hawks practise brinkmanship: they keep escalating closer to the line.
    cool: clamp((state.params.straitCrisisThreshold - (doctrine === 'hawk' ? R.coolMarginHawk : R.coolMargin) - tension) / R.coolSpan),
    alarm: clamp((tension - R.deescalateFrom) / R.deescalateSpan),
    misuseAlarm: clamp((state.risk.misuse - R.misuseFrom) / R.misuseSpan),
    bound: boundKinds(quarter, state, seat, orders),
  };
  const actions = me.actions;
  const candidates: Candidate[] = [];
  for (let i = 0; i < actions.length; i++) {
    const m = actions[i];
    if (m.public && bindsSeat(t, m)) continue;
    let steps: number;
    let value: number;
    if (m.policy) {
      const gap = desiredPolicy(t, m, t.posture[i]) - (levers[m.lever] ?? 0);
      const size = Math.abs(gap) / Math.abs(m.delta);
      if (gap * m.delta <= 0 || size < 0.5) continue;
      steps = Math.min(m.maxIntensity, R.maxPolicySteps, Math.max(1, Math.round(size)));
      value = m.weight[di] * Math.min(1, size);
    } else {
      const level = desiredCampaign(t, m, t.posture[i]);
      const raw = level / Math.abs(m.delta);
      steps = Math.min(m.maxIntensity, Math.floor(raw + rng()));
      if (steps < 1) continue;
      value = m.weight[di] * level;
    }
    // Escalatory moves are held back as tension nears the crisis line (hawks less so).
    if (m.escalates) value *= doctrine === 'hawk' ? 0.2 + 0.8 * t.cool : t.cool;
    value *= 1 - R.noise / 2 + R.noise * rng();
    if (value < R.minValue) continue;
    candidates.push({ action: m.id, intensity: steps, cost: m.cost, value });
  }
  rank(candidates);
  let budget = state.resources[seat];
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
  const quarter = botQuarter(state);
  return bySeat((seat) => botOrders(state, seat, doctrines[seat], quarter));
}

