import type { GameEvent } from './state.js';
import type { PublicView, SeatView } from './views.js';

/**
 * How the public view crosses the wire. Its history (events, one series point per quarter) only ever
 * grows, so it is synchronised as lists of JSON strings the schema sends one new item at a time; the rest
 * (the present, and the reveal at the end) is one small JSON string. Re-sending the whole history on every
 * change would cost every client ~3 kB more per quarter played, each time anything changes.
 */
export type PublicParts = {
  /** JSON of the view without `events` and `series`. */
  head: string;
  /** One JSON string per public event, oldest first. */
  events: string[];
  /** One JSON string per quarter's series point, oldest first. */
  series: string[];
};

/** The synchronised fields the parts travel in (see MatchStateShape). */
export type PublicFields = { publicJson: string; publicEvents: ArrayLike<string>; publicSeries: ArrayLike<string> };

export function splitPublicView(view: PublicView): PublicParts {
  const { events, series, ...rest } = view;
  return { head: JSON.stringify(rest), events: events.map((e) => JSON.stringify(e)), series: series.map((s) => JSON.stringify(s)) };
}

/** The public view from its synchronised fields, or null before the first state arrives. */
export function assemblePublicView(fields: PublicFields): PublicView | null {
  if (!fields.publicJson) return null;
  const rest = JSON.parse(fields.publicJson) as Omit<PublicView, 'events' | 'series'>;
  const parse = <T>(xs: ArrayLike<string>): T[] => Array.from(xs, (x) => JSON.parse(x) as T);
  return { ...rest, events: parse<GameEvent>(fields.publicEvents), series: parse(fields.publicSeries) };
}

/**
 * A seat view on the wire: its events are only those from `eventsFrom` on (the ones this client has not
 * had yet). The first view a client receives after joining or reconnecting carries them all (eventsFrom 0).
 */
export type SeatViewMessage = SeatView & { eventsFrom: number };

export function seatViewMessage(view: SeatView, alreadySent: number): SeatViewMessage {
  const from = alreadySent > 0 && alreadySent <= view.events.length ? alreadySent : 0;
  return { ...view, events: from ? view.events.slice(from) : view.events, eventsFrom: from };
}

/**
 * The full seat view from the last one held and a message; null when the message continues a history
 * the holder does not have (a new view must then be asked for; it cannot happen on one connection).
 */
export function mergeSeatView(prev: SeatView | null, msg: SeatViewMessage): SeatView | null {
  const { eventsFrom, ...view } = msg;
  if (!eventsFrom) return view;
  if (!prev || prev.seat !== msg.seat || prev.events.length < eventsFrom) return null;
  return { ...view, events: [...prev.events.slice(0, eventsFrom), ...msg.events] };
}
