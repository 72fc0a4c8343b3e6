import type { Estimate, PublicSeries, PublicView } from '../../../../shared/index.js';
import { months, pct } from '../../format.js';

export type Point = Pick<PublicSeries, 'lead' | 'tension' | 'cooperation' | 'misuse' | 'swingDemocratic'> & {
  /** The lead as the seat's own intelligence put it (the figure its map shows). */
  ownLead?: Estimate;
};

/** The figures on screen before a quarter resolved: the public ones, and the seat's own estimate of the lead. */
export function pointOf(v: PublicView | null | undefined, ownLead?: Estimate): Point | undefined {
  return v ? { lead: v.lead, tension: v.tension, cooperation: v.cooperation, misuse: v.misuseRisk, swingDemocratic: v.swingDemocratic, ...(ownLead ? { ownLead } : {}) } : undefined;
}

/** The public figures that differ, as shown, between the end of the last resolution and the moment this one began. */
export function movedDuringQuarter(ended: Point, began: Point): string[] {
  const rows: [string, string, string][] = [
    ['US lead (public estimate)', months(ended.lead.value), months(began.lead.value)],
    ['tension', ended.tension.toFixed(0), began.tension.toFixed(0)],
    ['cooperation', ended.cooperation.toFixed(0), began.cooperation.toFixed(0)],
    ['misuse risk', pct(ended.misuse), pct(began.misuse)],
    ['swing markets on democratic stacks', pct(ended.swingDemocratic), pct(began.swingDemocratic)],
  ];
  return rows.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name} ${a} → ${b}`);
}
