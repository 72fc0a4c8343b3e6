import type { SeatId } from './seats.js';

/**
 * A lever is a policy dial in 0..1 owned by one seat. Policies persist from quarter to quarter;
 * campaigns last one quarter and are set only by that quarter's orders.
 */
export type LeverDef = {
  readonly id: string;
  readonly seat: SeatId;
  readonly label: string;
  readonly kind: 'policy' | 'campaign';
  /** A lever of the same seat that the model counts against this one (raising both cancels out). */
  readonly opposes?: string;
};

export const LEVERS = [
  // United States
  { id: 'chipControls', seat: 'US', label: 'Chip export controls', kind: 'policy' },
  { id: 'smeControls', seat: 'US', label: 'Chipmaking-tool (SME) controls', kind: 'policy' },
  { id: 'remoteAccessRules', seat: 'US', label: 'Remote-access (cloud/offshore) rules', kind: 'policy' },
  { id: 'enforcement', seat: 'US', label: 'Export enforcement budget', kind: 'policy' },
  { id: 'chipTracking', seat: 'US', label: 'Chip location verification', kind: 'policy' },
  { id: 'antiDistillationLaw', seat: 'US', label: 'Anti-distillation law', kind: 'policy' },
  { id: 'usExportProgramme', seat: 'US', label: 'AI export & adoption programme', kind: 'policy' },
  { id: 'energyBuildout', seat: 'US', label: 'Energy & data-centre build-out', kind: 'policy' },
  { id: 'usDiplomacy', seat: 'US', label: 'Diplomacy with Beijing', kind: 'campaign' },
  { id: 'usIntel', seat: 'US', label: 'Intelligence collection', kind: 'campaign' },
  // PRC
  { id: 'chipDrive', seat: 'CN', label: 'Domestic chip drive', kind: 'policy' },
  { id: 'smuggling', seat: 'CN', label: 'Smuggling networks', kind: 'campaign' },
  { id: 'offshoreRental', seat: 'CN', label: 'Offshore compute rental via shells', kind: 'campaign' },
  { id: 'aiPlus', seat: 'CN', label: 'State "AI+" integration', kind: 'policy' },
  { id: 'cnExportProgramme', seat: 'CN', label: 'Open-weight diplomacy & AI exports', kind: 'policy' },
  { id: 'mineralRetaliation', seat: 'CN', label: 'Critical-mineral retaliation', kind: 'campaign' },
  { id: 'straitPressure', seat: 'CN', label: 'Pressure on Taiwan', kind: 'campaign' },
  { id: 'cnDiplomacy', seat: 'CN', label: 'Diplomacy with Washington', kind: 'campaign' },
  { id: 'cnIntel', seat: 'CN', label: 'Intelligence collection', kind: 'campaign' },
  { id: 'hbmStockpiling', seat: 'CN', label: 'HBM and tool stockpiling', kind: 'campaign' },
  // EU
  { id: 'lithoAlignment', seat: 'EU', label: 'Lithography export alignment', kind: 'policy' },
  { id: 'servicingBan', seat: 'EU', label: 'Ban on servicing tools in China', kind: 'policy' },
  { id: 'aiRegulation', seat: 'EU', label: 'AI regulation', kind: 'policy' },
  { id: 'euAdoption', seat: 'EU', label: 'Trusted-AI partnerships abroad', kind: 'campaign' },
  { id: 'euCooperation', seat: 'EU', label: 'Cooperation initiatives', kind: 'campaign' },
  { id: 'gigafactories', seat: 'EU', label: 'AI gigafactories', kind: 'policy' },
  // Japan & Korea
  { id: 'hbmAlignment', seat: 'JK', label: 'HBM export alignment', kind: 'policy' },
  { id: 'jkSmeAlignment', seat: 'JK', label: 'SME export alignment', kind: 'policy' },
  { id: 'jkFabs', seat: 'JK', label: 'Fab and memory build-out', kind: 'policy' },
  { id: 'alliance', seat: 'JK', label: 'Alliance commitments', kind: 'campaign' },
  { id: 'jkAdoption', seat: 'JK', label: 'Regional AI adoption deals', kind: 'campaign' },
  { id: 'jkHubInvestment', seat: 'JK', label: 'Investment in hub data centres', kind: 'campaign' },
  { id: 'jkCustoms', seat: 'JK', label: 'Customs and transshipment checks', kind: 'campaign' },
  // Taiwan
  { id: 'foundryKyc', seat: 'TW', label: 'Foundry customer screening (KYC)', kind: 'policy' },
  { id: 'resilience', seat: 'TW', label: 'Fab diversification abroad', kind: 'policy' },
  { id: 'straitPosture', seat: 'TW', label: 'Strait defence posture', kind: 'policy' },
  { id: 'twDiplomacy', seat: 'TW', label: 'Quiet diplomacy', kind: 'campaign' },
  { id: 'hardening', seat: 'TW', label: 'Civil defence and energy stockpiles', kind: 'policy' },
  { id: 'twIntelSharing', seat: 'TW', label: 'Intelligence sharing on diversion', kind: 'campaign' },
  // Third-country hubs
  { id: 'hubKyc', seat: 'HUB', label: 'Data-centre KYC', kind: 'policy' },
  { id: 'hubHosting', seat: 'HUB', label: 'Data-centre hosting build-out', kind: 'policy' },
  { id: 'hubPermits', seat: 'HUB', label: 'Transshipment permits', kind: 'policy' },
  // Hub adoption moves with their difference (steps/adoption-step.ts).
  { id: 'alignDemocratic', seat: 'HUB', label: 'Adopt the American stack', kind: 'campaign', opposes: 'alignPrc' },
  { id: 'alignPrc', seat: 'HUB', label: 'Adopt the Chinese stack', kind: 'campaign', opposes: 'alignDemocratic' },
  { id: 'hubDeals', seat: 'HUB', label: 'Investment deals', kind: 'campaign' },
  { id: 'hostPrc', seat: 'HUB', label: 'Quietly host PRC training clusters', kind: 'campaign' },
  // American lab
  { id: 'usComputePurchases', seat: 'USLAB', label: 'Compute purchases', kind: 'campaign' },
  { id: 'usSafetyEvals', seat: 'USLAB', label: 'Safety evaluations', kind: 'policy' },
  { id: 'distillationDefences', seat: 'USLAB', label: 'Anti-distillation defences', kind: 'policy' },
  { id: 'usOpenWeights', seat: 'USLAB', label: 'Open-weight releases', kind: 'policy' },
  { id: 'usMarketReach', seat: 'USLAB', label: 'Pricing & market reach', kind: 'campaign' },
  { id: 'usJointSafety', seat: 'USLAB', label: 'Joint safety research', kind: 'campaign' },
  { id: 'usEfficiency', seat: 'USLAB', label: 'Efficiency research', kind: 'policy' },
  { id: 'exposeDistillation', seat: 'USLAB', label: 'Publicly expose distillation campaigns', kind: 'campaign' },
  // Chinese lab
  { id: 'distillationCampaign', seat: 'CNLAB', label: 'Distillation campaign', kind: 'campaign' },
  { id: 'efficiencyResearch', seat: 'CNLAB', label: 'Efficiency research', kind: 'policy' },
  { id: 'cnOpenWeights', seat: 'CNLAB', label: 'Open-weight releases', kind: 'policy' },
  { id: 'cnSafetyEvals', seat: 'CNLAB', label: 'Safety evaluations', kind: 'policy' },
  { id: 'offshoreTraining', seat: 'CNLAB', label: 'Training on offshore clusters', kind: 'campaign' },
  { id: 'cnJointSafety', seat: 'CNLAB', label: 'Joint safety research', kind: 'campaign' },
  { id: 'cnMarketReach', seat: 'CNLAB', label: 'Low prices abroad', kind: 'campaign' },
  { id: 'domesticChips', seat: 'CNLAB', label: 'Train on domestic chips', kind: 'policy' },
] as const satisfies readonly LeverDef[];

export type LeverId = (typeof LEVERS)[number]['id'];

/** The levers one seat holds. */
export type LeverOf<S extends SeatId> = Extract<(typeof LEVERS)[number], { seat: S }>['id'];

/** Every seat's levers, each one present (a world starts with all of them at 0 or the scenario's value). */
export type SeatLevers = { [S in SeatId]: Record<LeverOf<S>, number> };

/** Any seat's levers, read or written by id (for code that names levers by variable). */
export type LeverValues = Partial<Record<LeverId, number>>;

export const LEVER_BY_ID: Record<LeverId, LeverDef> = Object.fromEntries(
  LEVERS.map((l) => [l.id, l]),
) as Record<LeverId, LeverDef>;

/** Float slack at a lever's limits: a lever 0.3 + 0.1 × 7 from its top is at its top, with no room left over. */
const LIMIT_SLACK = 1e-9;

/**
 * How many steps of `delta` still move a lever standing at `from` (levers run from 0 to 1), the last of
 * them possibly part way: the model counts an order's other effects for these steps only, and the orders
 * form warns of the rest.
 */
export function stepsToLimit(from: number, delta: number): number {
  if (delta === 0) return Number.POSITIVE_INFINITY;
  const room = delta > 0 ? 1 - from : from;
  return room <= LIMIT_SLACK ? 0 : Math.ceil(room / Math.abs(delta) - LIMIT_SLACK);
}

export function isLeverId(x: string): x is LeverId {
  return x in LEVER_BY_ID;
}
