import { SEAT_INFO, percent, type GameEvent } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import type { AppState } from '../../store.js';

export const VIS_LABEL = { public: 'Public', private: 'Private', covert: 'Covert' } as const;

const KIND_LABEL: Record<string, string> = {
  order: 'Order',
  'order-dropped': 'Order dropped',
  'agreement-signed': 'Agreement signed',
  'agreement-renewed': 'Agreement renewed',
  'agreement-refused': 'Agreement refused',
  'agreement-breached': 'Agreement breached',
  'event-card': 'Event',
  detected: 'Detected',
  'incident-roll': 'Incident roll',
  'catastrophe-roll': 'Catastrophe roll',
  'crisis-roll': 'Crisis roll',
  outcome: 'Outcome',
};

/** An event kind in words ("agreement-signed" → "Agreement signed"); kinds without a label are spelt out. */
export function eventKindLabel(kind: string): string {
  const words = KIND_LABEL[kind] ?? kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function visibilityBadge(v: GameEvent['visibility']): HTMLElement {
  return h('span', { class: `badge vis-${v}` }, VIS_LABEL[v]);
}

const NAMES_ITS_SEAT = new Set(['detected', 'agreement-breached']);

/** Where a roll's odds come from, for rolls whose odds are not the figure on the dashboard. */
const ODDS_FROM: Record<string, string> = {
  'incident-roll': 'the incident rate × misuse risk',
  'catastrophe-roll': 'rising as misuse risk passes the catastrophe line',
  'crisis-roll': 'rising as tension passes the crisis line, less with deterrence',
};

/** A roll's odds and result in words (" Odds 13.1% (the incident rate × misuse risk), roll 38.6% — it did not happen."), or "" for other events. */
export function rollText(e: Pick<GameEvent, 'odds' | 'roll'> & { kind?: string }): string {
  if (e.odds === undefined || e.roll === undefined) return '';
  const from = e.kind ? ODDS_FROM[e.kind] : undefined;
  return ` Odds ${percent(e.odds)}${from ? ` (${from})` : ''}, roll ${percent(e.roll)} — ${e.roll < e.odds ? 'it happened' : 'it did not happen'}.`;
}

/** One event as a list item: quarter, visibility in words, text, and any roll with its odds. */
export function eventItem(e: GameEvent): HTMLElement {
  const roll = rollText(e);
  // Detections and breaches already name whom they are pinned on; other attributed events get it spelt out.
  const attr = e.attributedTo && !NAMES_ITS_SEAT.has(e.kind) ? ` Attributed to ${SEAT_INFO[e.attributedTo]?.short ?? e.attributedTo}.` : '';
  return h('li', { class: `event vis-${e.visibility}` }, h('span', { class: 'when' }, e.quarter), visibilityBadge(e.visibility), h('span', { class: 'text' }, e.text + roll + attr));
}

/** The events this seat may see: public ones and its own private ones, newest first. */
export function visibleEvents(s: AppState): GameEvent[] {
  const sv = s.seatView && s.you?.seat === s.seatView.seat ? s.seatView : null;
  const list = sv ? sv.events : (s.pub?.events ?? []);
  // Newest quarter first; within a quarter, what happened before the list of moves.
  return [...list].sort((a, b) => b.turn - a.turn || Number(a.kind === 'order') - Number(b.kind === 'order'));
}

export function eventsPanel(): { el: HTMLElement; update(s: AppState): void } {
  // Not a live region: the quarter report announces each resolution once.
  // It scrolls on its own, so it takes keyboard focus (arrow keys scroll it).
  const list = h('ol', { class: 'events', tabindex: 0, 'aria-labelledby': 'ev-h' });
  const el = h('section', { class: 'panel', 'aria-labelledby': 'ev-h' }, h('h2', { id: 'ev-h' }, 'Events'), list);
  let key = '';
  return {
    el,
    update(s) {
      const evs = visibleEvents(s);
      const k = `${evs.length}:${evs[0]?.turn ?? 0}:${s.you?.seat}`;
      if (k === key) return;
      key = k;
      if (evs.length === 0) {
        fill(list, h('li', { class: 'hint' }, 'Nothing yet: events appear after each quarter resolves.'));
        return;
      }
      fill(list, evs.slice(0, 120).map(eventItem));
    },
  };
}
