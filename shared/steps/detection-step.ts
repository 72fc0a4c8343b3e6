import { SEAT_INFO, type SeatId } from '../seats.js';
import { ACTION_BY_ID } from '../actions.js';
import { clamp } from '../formulas.js';
import { K } from '../coefficients.js';
import type { WorldState } from '../state.js';
import { addTension, emit, lv, WORLD_DRAWS, type CovertAct, type TurnCtx } from './context.js';
import { LEVER_BY_ID, type LeverId } from '../levers.js';
import { exposeBreach } from './orders-step.js';

/** Who would catch a seat's covert act: the US watches the PRC and the hubs, the PRC watches the rest. */
export function detectorOf(seat: SeatId): SeatId {
  return seat === 'CN' || seat === 'CNLAB' || seat === 'HUB' ? 'US' : 'CN';
}

/** Whom a detection is wrongly pinned on when intelligence is poor: the most plausible other culprit. */
export function decoyOf(seat: SeatId, action: string): SeatId {
  if (action === 'hub-host-prc') return 'CN';
  if (action === 'cn-offshore-rental' || action === 'cnlab-offshore-training') return 'HUB';
  if (seat === 'CN') return 'CNLAB';
  if (seat === 'CNLAB') return 'CN';
  return seat === 'US' ? 'USLAB' : 'US';
}

/** The chance this quarter that a covert act is detected, before its intensity is counted. */
export function detectionBase(s: WorldState, action: string): number {
  switch (action) {
    case 'cn-smuggling':
      return (
        K.detectSmugglingBase +
        K.detectSmugglingEnforcement * s.levers.US.enforcement +
        K.detectSmugglingTracking * s.levers.US.chipTracking +
        K.detectIntel * s.levers.US.usIntel +
        K.detectPartners * (s.levers.TW.twIntelSharing + s.levers.JK.jkCustoms + s.levers.HUB.hubPermits)
      );
    case 'cn-offshore-rental':
    case 'cnlab-offshore-training':
    case 'hub-host-prc':
      return K.detectOffshoreBase + K.detectOffshoreKyc * s.levers.HUB.hubKyc + K.detectOffshoreRules * s.levers.US.remoteAccessRules + K.detectIntel * s.levers.US.usIntel;
    case 'cnlab-distillation':
      return s.distillation.detection;
    default:
      return K.detectDefaultBase + K.detectDefaultIntel * s.intel[detectorOf(ACTION_BY_ID.get(action)?.seat ?? 'CN')];
  }
}

/** Detection odds for one act: its base, scaled by how big it was, plus verification if it breaches a pact. */
export function detectionOdds(s: WorldState, act: Pick<CovertAct, 'action' | 'intensity' | 'breaches'>): number {
  const scale = K.detectScaleBase + K.detectScaleStep * act.intensity;
  return clamp(detectionBase(s, act.action) * scale + (act.breaches.length ? K.breachVerification : 0));
}

/**
 * The levers that raise a seat's intelligence level above its base (K.intelBase), with the most each
 * adds; seats not named keep the level they start with.
 */
export const INTEL_INPUTS: Partial<Record<SeatId, readonly { lever: LeverId; adds: number }[]>> = {
  US: [
    { lever: 'usIntel', adds: K.intelEffort },
    { lever: 'twIntelSharing', adds: K.intelPartners },
  ],
  CN: [{ lever: 'cnIntel', adds: K.intelEffort }],
  USLAB: [{ lever: 'distillationDefences', adds: K.intelLabDefences }],
};
/** The same, with each lever's holder looked up once (the detection step reads them every quarter). */
const INTEL_READS = (Object.keys(INTEL_INPUTS) as SeatId[]).map((seat) => ({
  seat,
  inputs: INTEL_INPUTS[seat]!.map((x) => ({ holder: LEVER_BY_ID[x.lever].seat, lever: x.lever, adds: x.adds })),
}));

/**
 * Step 8. Detection. Intelligence effort is updated, then each covert act (and each private act that
 * breaches an agreement) is rolled against its odds. A detected act becomes a public event with the
 * odds and roll, attributed to its actor — or, with a chance that grows as the detector's intelligence
 * weakens, to a plausible decoy. Exposure raises tension, costs trust, disrupts the channel next quarter,
 * reveals the flow, and collapses any agreement it breached.
 */
export function stepDetection(s: WorldState, ctx: TurnCtx): void {
  for (const { seat, inputs } of INTEL_READS) {
    let level = K.intelBase;
    for (const x of inputs) level += x.adds * lv(s, x.holder, x.lever);
    s.intel[seat] = level;
  }
  const exposed = s.exposed;
  exposed.smuggled = 0;
  exposed.offshore = 0;
  exposed.distillation = 0;
  if (ctx.covert.length === 0) return;
  const rng = ctx.stream.block(WORLD_DRAWS, Infinity);
  for (const act of ctx.covert) {
    const def = ACTION_BY_ID.get(act.action);
    if (!def || (def.visibility !== 'covert' && act.breaches.length === 0)) continue;
    const odds = detectionOdds(s, act);
    const roll = rng();
    const wrongRoll = rng();
    if (roll >= odds) continue;
    const detector = detectorOf(act.seat);
    const misattributed = wrongRoll < K.misattribution * (1 - s.intel[detector]);
    const attributedTo = misattributed ? decoyOf(act.seat, act.action) : act.seat;
    s.totals.covertDetected[act.seat] += 1;
    addTension(ctx, K.detectTension, 'detections');
    ctx.cooperationDelta -= K.detectCooperation;
    const f = s.compute.CN.inflow;
    if (act.action === 'cn-smuggling') {
      exposed.smuggled = f.smuggled;
      s.supply.smugglingReach *= 1 - K.networkDetectionLoss;
      s.modifiers.push({ id: 'exposed', key: 'smuggledMultiplier', value: K.detectDisruption, untilTurn: ctx.turn + 1 });
    } else if (act.action === 'cnlab-distillation') {
      exposed.distillation = s.distillation.extracted;
      s.modifiers.push({ id: 'exposed', key: 'distillationMultiplier', value: K.detectDisruption, untilTurn: ctx.turn + 1 });
    } else if (act.action === 'cn-offshore-rental' || act.action === 'cnlab-offshore-training' || act.action === 'hub-host-prc') {
      exposed.offshore = f.offshore;
      s.supply.offshoreReach *= 1 - K.networkDetectionLoss;
      s.modifiers.push({ id: 'exposed', key: 'offshoreMultiplier', value: K.detectDisruption, untilTurn: ctx.turn + 1 });
    }
    if (ctx.record) emit(ctx, {
      kind: 'detected',
      text: `Covert activity exposed (${def.name}); attributed to ${SEAT_INFO[attributedTo].short}.`,
      visibility: 'public',
      audience: [],
      odds,
      roll,
      attributedTo,
      actor: act.seat,
      action: act.action,
    });
    // A breach is pinned on a party only when the act is attributed correctly.
    if (misattributed) continue;
    for (const kind of act.breaches) {
      const ag = s.agreements.find((a) => a.kind === kind);
      if (ag) exposeBreach(s, ctx, ag, act.seat, act.action);
    }
  }
}
