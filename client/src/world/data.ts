import { OUTCOME_CRITERIA, SEATS, SEAT_INFO, paramsOf, type AdoptionShare, type BlocId, type Estimate, type RegionId, type SeatId, type Side } from '../../../shared/index.js';
import type { AppState } from '../store.js';
import { flowsFor, type Flow } from './flows.js';
import { scenarioOf } from '../match-scenario.js';

export type SeatNode = { seat: SeatId; short: string; side: Side; kind: 'government' | 'lab'; status: string; submitted: boolean; human: boolean; /** Held by people whose connections have all dropped (they may come back). */ away: boolean; mine: boolean };

/** Everything the world view draws, already chosen between the seat's view and the public one. */
export type WorldData = {
  viewer: string;
  quarter: string;
  lead: Estimate;
  compute: Record<BlocId, Estimate>;
  adoption: Record<RegionId, AdoptionShare>;
  swingDemocratic: number;
  tension: number;
  cooperation: number;
  misuse: number;
  thresholds: { strait: number; misuse: number; stewardship: number; democraticLead: number; parity: number };
  seats: SeatNode[];
  playing: boolean;
  /** This quarter's movements the viewer knows of (see flows.ts). */
  flows: Flow[];
};

/** Map labels sit beside their markers, some near the edge: long names (a team's, say) are shortened there; the full names are in the seat lists beside the map. */
const MAP_NAME_CHARS = 22;
function mapName(name: string): string {
  return name.length <= MAP_NAME_CHARS ? name : `${name.slice(0, MAP_NAME_CHARS - 1).trimEnd()}…`;
}

export function worldData(s: AppState): WorldData | null {
  const pub = s.pub;
  const m = s.match;
  if (!pub || !m) return null;
  const sv = s.seatView;
  const scenario = scenarioOf(m);
  const p = scenario ? paramsOf(scenario) : null;
  const mine = s.you?.seat ?? null;
  const useSeat = sv && mine && sv.seat === mine;
  return {
    viewer: useSeat ? `As seen by ${SEAT_INFO[mine].short}` : 'Public dashboard',
    quarter: m.phase === 'finished' ? pub.quarter : m.quarter || pub.quarter,
    lead: useSeat ? sv.lead : pub.lead,
    compute: useSeat ? sv.compute : pub.compute,
    adoption: pub.adoption,
    swingDemocratic: pub.swingDemocratic,
    tension: pub.tension,
    cooperation: pub.cooperation,
    misuse: pub.misuseRisk,
    thresholds: {
      strait: p?.straitCrisisThreshold ?? 75,
      misuse: p?.misuseCatastropheThreshold ?? 0.6,
      stewardship: OUTCOME_CRITERIA.stewardshipCooperation,
      democraticLead: OUTCOME_CRITERIA.democraticLeadMonths,
      parity: OUTCOME_CRITERIA.parityLeadMonths,
    },
    seats: SEATS.map((seat) => {
      const slot = m.seats[seat];
      const human = Boolean(slot?.occupied);
      const info = SEAT_INFO[seat];
      const away = human && !slot?.connected;
      const handed = Boolean(slot?.handedToBot);
      const who = seat === mine ? 'You' : human ? mapName(slot?.name || 'Player') + (away ? ' (away)' : '') : 'Bot';
      // Control handed the seat to its bot: the bot gives its orders, whoever holds it.
      const status = handed ? `${who} · bot gives the orders` : who;
      return { seat, short: info.short, side: info.side, kind: info.kind, status, submitted: Boolean(slot?.submitted), human: human && !handed, away, mine: seat === mine };
    }),
    playing: m.phase === 'orders',
    flows: flowsFor(s),
  };
}

