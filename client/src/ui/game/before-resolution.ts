import type { Estimate, Notice, PublicSeries, PublicView } from '../../../../shared/index.js';

export type Point = Pick<PublicSeries, 'lead' | 'tension' | 'cooperation' | 'misuse' | 'swingDemocratic'> & {
  /** The lead as the seat's own intelligence put it (the figure its map shows). */
  ownLead?: Estimate;
};

/** The figures on screen before a quarter resolved: the public ones, and the seat's own estimate of the lead. */
export function pointOf(v: PublicView | null | undefined, ownLead?: Estimate): Point | undefined {
  return v ? { lead: v.lead, tension: v.tension, cooperation: v.cooperation, misuse: v.misuseRisk, swingDemocratic: v.swingDemocratic, ...(ownLead ? { ownLead } : {}) } : undefined;
}

/** What Control changed during a quarter, as its notices to this client said: adjustments and announced events. */
export function controlChanges(notices: readonly Pick<Notice, 'turn' | 'kind' | 'text'>[], turn: number): string[] {
  return notices.filter((n) => n.turn === turn && (n.kind === 'adjusted' || n.kind === 'custom-event')).map((n) => n.text.replace(/\.$/, ''));
}
