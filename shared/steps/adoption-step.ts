import { clamp, logistic } from '../formulas.js';
import { K } from '../coefficients.js';
import { REGIONS, type RegionId, type WorldState } from '../state.js';
import { type TurnCtx } from './context.js';

/**
 * The attraction of the democratic stack over the PRC stack that every region feels (logit units):
 * capability lead, export programmes, open weights, trust (safety record), price and partners.
 */
export function adoptionPush(s: WorldState): number {
  return (
    K.adoptLead * Math.tanh(s.leadMonths / K.adoptLeadScale) +
    K.adoptExport * (s.levers.US.usExportProgramme - s.levers.CN.cnExportProgramme) +
    K.adoptOpen * (s.levers.USLAB.usOpenWeights - s.levers.CNLAB.cnOpenWeights) +
    K.adoptTrust * (s.labs.USLAB.safety - s.labs.CNLAB.safety) +
    K.adoptPrice * (s.levers.USLAB.usMarketReach - s.levers.CNLAB.cnMarketReach) +
    K.adoptPartners * (s.levers.EU.euAdoption + s.levers.JK.jkAdoption)
  );
}

/** What each region adds to the common push: its own choices (hub alignment, EU rules, China's AI+). */
export function regionalPush(s: WorldState, r: RegionId): number {
  switch (r) {
    case 'ALLIES':
      return K.adoptRegulationAllies * s.levers.EU.aiRegulation;
    case 'HUBS':
      return K.adoptHubAlign * (s.levers.HUB.alignDemocratic - s.levers.HUB.alignPrc) + K.adoptHubInvestment * s.levers.JK.jkHubInvestment - K.adoptHubExportPrc * s.levers.CN.cnExportProgramme;
    case 'SOUTH':
      return K.adoptSouthExport * (s.levers.US.usExportProgramme - s.levers.CN.cnExportProgramme);
    case 'CHINA':
      return -K.adoptAiPlus * s.levers.CN.aiPlus;
  }
}

const RATE: Record<RegionId, keyof typeof K> = { ALLIES: 'adoptRateAllies', HUBS: 'adoptRateHubs', SOUTH: 'adoptRateSouth', CHINA: 'adoptRateChina' };

/**
 * Step 5. Adoption: each region moves part of the way toward logistic(push + its own choices + its bias),
 * where the bias is set at the start so that the opening shares are at rest. Shares sum to 1.
 */
export function stepAdoption(s: WorldState, ctx: TurnCtx): void {
  const push = adoptionPush(s);
  // PRC open weights build an ecosystem: derivative models lock the swing markets in, quarter by quarter.
  const momentum = K.openMomentum * s.levers.CNLAB.cnOpenWeights;
  s.adoptionBias.HUBS -= momentum;
  s.adoptionBias.SOUTH -= momentum;
  for (let i = 0; i < REGIONS.length; i++) {
    const r = REGIONS[i];
    const target = logistic(push + regionalPush(s, r) + s.adoptionBias[r]);
    const a = s.adoption[r];
    const swing = r === 'HUBS' || r === 'SOUTH' ? ctx.agreements.swingDemocratic : 0;
    const d = clamp(a.democratic + K[RATE[r]] * (target - a.democratic) + swing);
    a.democratic = d;
    a.prc = 1 - d;
  }
}
