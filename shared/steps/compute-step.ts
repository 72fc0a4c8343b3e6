import { clamp } from '../formulas.js';
import { K } from '../coefficients.js';
import type { WorldState } from '../state.js';
import { modAdd, modMult, type TurnCtx } from './context.js';

/** The enforcement that bites on smuggling this quarter, 0..1. */
export function enforcementLevel(s: WorldState, agreementEnforcement = 0): number {
  return clamp(s.levers.US.enforcement + K.allianceEnforcement * s.levers.JK.alliance + K.customsEnforcement * s.levers.JK.jkCustoms + modAdd(s, 'enforcementBoost') + agreementEnforcement);
}

/** Share of smuggling the controls block this quarter, 0..1. */
export function smugglingBlocked(s: WorldState, agreementEnforcement = 0): number {
  return (
    1 -
    (1 - K.enforcementCut * enforcementLevel(s, agreementEnforcement)) *
      (1 - K.trackingCut * s.levers.US.chipTracking) *
      (1 - K.foundryKycSmuggling * s.levers.TW.foundryKyc) *
      (1 - K.hubKycSmuggling * s.levers.HUB.hubKyc) *
      (1 - K.hubPermitsSmuggling * s.levers.HUB.hubPermits)
  );
}

/** Share of offshore rental the controls block this quarter, 0..1. */
export function offshoreBlocked(s: WorldState): number {
  return 1 - (1 - K.remoteAccessCut * s.levers.US.remoteAccessRules) * (1 - K.hubKycCut * s.levers.HUB.hubKyc);
}

/**
 * Step 3. Compute flows. The democracies' and hubs' supply grows with global compute, nudged by build-out.
 * The PRC's supply comes from four channels:
 *  - legal purchases: a cap that tracks US volume, cut by chip controls;
 *  - domestic output: grows with the Huawei-class trend, scaled by yield, HBM and tool access;
 *  - smuggling: a share of global supply, pushed by PRC networks, pulled by demand as the legal channel
 *    closes, cut by enforcement, chip tracking, foundry and hub screening;
 *  - offshore rental: a share of hub capacity, cut by remote-access rules and hub KYC.
 */
export function stepCompute(s: WorldState, ctx: TurnCtx): void {
  const p = s.params;
  const turn = ctx.turn;
  const g = p.globalComputeGrowth;
  const G = Math.pow(g, turn);

  // Democracies and hubs.
  const demMult = modMult(s, 'democraticComputeMultiplier') * (1 - K.mineralComputeHit * s.levers.CN.mineralRetaliation);
  const us = s.compute.US;
  us.inflow.domestic *= g * (1 + K.energyBoost * (s.levers.US.energyBuildout - K.energyReference)) * demMult;
  const allies = s.compute.ALLIES;
  const alliedBuild = s.levers.EU.gigafactories + s.levers.JK.jkFabs + s.levers.TW.resilience;
  allies.inflow.domestic *= g * (1 + K.alliedBuildBoost * (alliedBuild - K.alliedBuildReference)) * demMult;
  const hub = s.compute.HUB;
  hub.inflow.domestic *= g * (1 + K.hubHostingBoost * (s.levers.HUB.hubHosting - K.hubHostingReference) + K.hubInvestmentBoost * (s.levers.HUB.hubDeals + s.levers.JK.jkHubInvestment));

  // Supply chain: tool and memory access drift toward what the controls allow.
  const sup = s.supply;
  const smeControl =
    K.smeShareUS * s.levers.US.smeControls + K.smeShareEU * s.levers.EU.lithoAlignment + K.smeShareJK * s.levers.JK.jkSmeAlignment + K.smeShareServicing * s.levers.EU.servicingBan;
  const smeTarget = 1 - K.smeControlReach * smeControl;
  sup.smeAccess = clamp(sup.smeAccess + K.smeAdjust * (smeTarget - sup.smeAccess) + K.smeIndigenous * s.levers.CN.chipDrive, K.accessFloor, 1);
  const hbmTarget = 1 - K.hbmControlReach * (K.hbmShareJK * s.levers.JK.hbmAlignment + (1 - K.hbmShareJK) * s.levers.US.smeControls);
  sup.hbmAccess = clamp(sup.hbmAccess + K.hbmAdjust * (hbmTarget - sup.hbmAccess), K.accessFloor, 1);
  sup.hbmStockpile = clamp(
    sup.hbmStockpile - K.stockpileDraw - K.stockpileDrawCut * (1 - sup.hbmAccess) + K.stockpileBuy * s.levers.CN.hbmStockpiling * sup.hbmAccess,
    0,
    1.5,
  );
  sup.domesticYield = clamp(
    sup.domesticYield + (K.yieldLearning * s.levers.CN.chipDrive + K.yieldFromUse * s.levers.CNLAB.domesticChips) * sup.smeAccess - K.servicingYieldHit * s.levers.EU.servicingBan,
    K.yieldFloor,
    K.yieldCeiling,
  );
  const effectiveHbm = clamp(sup.hbmAccess + K.stockpileCover * sup.hbmStockpile);

  // PRC channels.
  const cn = s.compute.CN;
  const controls = s.levers.US.chipControls;
  const foundryKyc = s.levers.TW.foundryKyc;

  const legal = p.legalCapPerQuarter * G * (1 - controls) * modMult(s, 'legalMultiplier');
  const domestic =
    p.domesticBasePerQuarter *
    Math.pow(p.domesticGrowth, turn) *
    (sup.domesticYield / K.yieldReference) *
    ((K.hbmFloorShare + (1 - K.hbmFloorShare) * effectiveHbm) / (K.hbmFloorShare + (1 - K.hbmFloorShare) * K.hbmReference)) *
    ((K.smeFloorShare + (1 - K.smeFloorShare) * sup.smeAccess) / (K.smeFloorShare + (1 - K.smeFloorShare) * K.smeReference)) *
    (1 + K.chipDriveBoost * (s.levers.CN.chipDrive - K.chipDriveReference)) *
    (1 - K.foundryKycDomestic * foundryKyc) *
    modMult(s, 'domesticMultiplier');
  // Share of each covert channel that the controls block this quarter.
  const smuggleBlock = smugglingBlocked(s, ctx.agreements.enforcement);
  const offshoreBlock = offshoreBlocked(s);
  const smugglingEffort = s.levers.CN.smuggling;
  const offshoreEffort = s.levers.CN.offshoreRental + K.offshoreLabShare * s.levers.CNLAB.offshoreTraining + K.hostPrcBoost * s.levers.HUB.hostPrc;
  const smuggled =
    p.smuggledBasePerQuarter *
    G *
    sup.smugglingReach *
    (K.smugglingFloor + smugglingEffort) *
    (K.smugglingDemandFloor + (1 - K.smugglingDemandFloor) * controls) *
    (1 - smuggleBlock) *
    modMult(s, 'smuggledMultiplier') *
    ctx.agreements.smuggledMultiplier;
  const offshore =
    p.offshoreBasePerQuarter *
    G *
    sup.offshoreReach *
    (K.offshoreFloor + offshoreEffort) *
    (1 - offshoreBlock) *
    (1 + K.hubHostingOffshore * (s.levers.HUB.hubHosting - K.hubHostingReference)) *
    modMult(s, 'offshoreMultiplier') *
    ctx.agreements.offshoreMultiplier;
  // Networks compound: effort extends their reach for next quarter, sustained controls wear it down.
  sup.smugglingReach = clamp(sup.smugglingReach * (1 + K.networkGrowth * smugglingEffort) * (1 - K.networkAttrition * smuggleBlock), K.reachFloor, K.reachCeiling);
  sup.offshoreReach = clamp(sup.offshoreReach * (1 + K.networkGrowth * Math.min(1, offshoreEffort)) * (1 - K.networkAttrition * offshoreBlock), K.reachFloor, K.reachCeiling);
  const f = cn.inflow;
  f.legal = legal;
  f.domestic = domestic;
  f.smuggled = smuggled;
  f.offshore = offshore;
  const t = s.totals.cnSupply;
  t.legal += legal;
  t.domestic += domestic;
  t.smuggled += smuggled;
  t.offshore += offshore;

  // Stocks: offshore compute is rented, not owned.
  const keep = 1 - p.depreciation;
  us.stock = us.stock * keep + us.inflow.domestic;
  allies.stock = allies.stock * keep + allies.inflow.domestic;
  hub.stock = hub.stock * keep + hub.inflow.domestic;
  cn.stock = cn.stock * keep + legal + domestic + smuggled;
}
