import type { AdoptionShare, BlocId, ComputeSource, Estimate, RegionId, SeatId } from '../../../../shared/index.js';
import type { AppState } from '../../store.js';

/** What a seat knew at the start of one quarter: enough to chart its picture of the match so far. */
export type Snapshot = {
  turn: number;
  quarter: string;
  lead: Estimate;
  compute: Record<BlocId, Estimate>;
  cnInflow: Record<ComputeSource, Estimate>;
  adoption: Record<RegionId, AdoptionShare>;
  tension: number;
  cooperation: number;
  misuse: number;
};

const PREFIX = 'leadtime:history:';

function storageKey(code: string, who: SeatId | 'public'): string {
  return `${PREFIX}${code}:${who}`;
}

function load(key: string): Snapshot[] {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Snapshot[]) : [];
  } catch {
    return [];
  }
}

function save(key: string, xs: Snapshot[]): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(xs));
  } catch {
    /* full or unavailable: keep it in memory */
  }
}

/**
 * The seat's own picture, quarter by quarter. The server sends only the current SeatView, so the
 * client keeps each one it receives (in memory, and in this tab's session storage so that a reload
 * rebuilds the charts from what it had). Quarters it never saw stay missing; the public series fills in
 * what everyone knows.
 */
export function seatHistory(): { record(s: AppState): Snapshot[]; get(): Snapshot[] } {
  let key = '';
  let list: Snapshot[] = [];
  return {
    record(s) {
      const pub = s.pub;
      const code = s.code;
      if (!pub || !code) return list;
      const seat = s.you?.seat ?? null;
      const sv = s.seatView && seat && s.seatView.seat === seat ? s.seatView : null;
      const k = storageKey(code, seat ?? 'public');
      if (k !== key) {
        key = k;
        list = load(k);
      }
      // Only a view that matches the public dashboard's quarter is a consistent snapshot.
      if (sv && sv.turn !== pub.turn) return list;
      if (pub.outcome && !sv) return list;
      const snap: Snapshot = {
        turn: pub.turn,
        quarter: pub.series.find((x) => x.turn === pub.turn)?.quarter ?? (pub.turn === 0 ? 'Start' : pub.quarter),
        lead: sv ? sv.lead : pub.lead,
        compute: sv ? sv.compute : pub.compute,
        cnInflow: sv ? sv.cnInflow : { legal: none(), domestic: none(), smuggled: none(), offshore: none() },
        adoption: pub.adoption,
        tension: pub.tension,
        cooperation: pub.cooperation,
        misuse: pub.misuseRisk,
      };
      const i = list.findIndex((x) => x.turn === snap.turn);
      if (i >= 0 && JSON.stringify(list[i]) === JSON.stringify(snap)) return list;
      list = i >= 0 ? list.map((x, j) => (j === i ? snap : x)) : [...list, snap].sort((a, b) => a.turn - b.turn);
      save(k, list);
      return list;
    },
    get() {
      return list;
    },
  };
}

function none(): Estimate {
  return { value: NaN, low: NaN, high: NaN, exact: false };
}
