import { clamp, logistic } from '../formulas.js';
import { K } from '../coefficients.js';
import { REGIONS, type RegionId, type WorldState } from '../state.js';
import { lv, type TurnCtx } from './context.js';

/**
 * The attraction of the democratic stack over the PRC stack that every region feels (logit units):
 * capability lead, export programmes, open weights, trust (safety record), price and partners.
 */
export function adoptionPush(s: WorldState): number {
  return (
    K.adoptLead * Math.tanh(s.leadMonths / K.adoptLeadScale) +
    K.adoptExport * (lv(s, 'US', 'usExportProgramme') - lv(s, 'CN', 'cnExportProgramme')) +
    K.adoptOpen * (lv(s, 'USLAB', 'usOpenWeights') - lv(s, 'CNLAB', 'cnOpenWeights')) +
    K.adoptTrust * (s.labs.USLAB.safety - s.labs.CNLAB.safety) +
    K.adoptPrice * (lv(s, 'USLAB', 'usMarketReach') - lv(s, 'CNLAB', 'cnMarketReach')) +
    K.adoptPartners * (lv(s, 'EU', 'euAdoption') + lv(s, 'JK', 'jkAdoption'))
  );
}

/** What each region adds to the common push: its own choices (hub alignment, EU rules, China's AI+). */
export function regionalPush(s: WorldState, r: RegionId): number {
  switch (r) {
    case 'ALLIES':
      return K.adoptRegulationAllies * lv(s, 'EU', 'aiRegulation');
    case 'HUBS':
      return K.adoptHubAlign * (lv(s, 'HUB', 'alignDemocratic') - lv(s, 'HUB', 'alignPrc')) + K.adoptHubInvestment * lv(s, 'JK', 'jkHubInvestment') - K.adoptHubExportPrc * lv(s, 'CN', 'cnExportProgramme');
    case 'SOUTH':
      return K.adoptSouthExport * (lv(s, 'US', 'usExportProgramme') - lv(s, 'CN', 'cnExportProgramme'));
    case 'CHINA':
      return -K.adoptAiPlus * lv(s, 'CN', 'aiPlus');
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
  const momentum = K.openMomentum * lv(s, 'CNLAB', 'cnOpenWeights');
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
