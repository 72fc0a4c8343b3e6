import { SEAT_INFO, type SeatId } from './seats.js';
import { fixed } from './number-text.js';
import type { TensionCause } from './steps/context.js';

const CAUSE_WORDS: Record<Exclude<TensionCause, `acts:${SeatId}`>, string> = {
  pressure: 'China’s standing pressure (Strait, minerals)',
  agreements: 'agreements in force',
  diplomacy: 'US–China diplomacy',
  events: 'event cards',
  detections: 'covert acts exposed',
  breaches: 'agreements breached in the open',
  unannounced: 'incidents nobody ordered, and moves not announced',
  drift: 'the pull toward its resting level (set by controls and military postures)',
  limit: 'held within 0–100',
  incident: 'a misuse incident',
};

/** A cause of a tension change in words: "EU’s announced moves", "event cards". */
export function tensionCauseWords(cause: string): string {
  if (cause.startsWith('acts:')) return `${SEAT_INFO[cause.slice(5) as SeatId]?.short ?? cause.slice(5)}’s announced moves`;
  return CAUSE_WORDS[cause as keyof typeof CAUSE_WORDS] ?? cause;
}

/** The causes of a quarter's tension change that moved it by a tenth of a point or more, largest first, in words with their signed points. */
export function tensionMoves(why: Partial<Record<string, number>>): { cause: string; words: string; points: string }[] {
  return Object.entries(why)
    .filter((e): e is [string, number] => e[1] !== undefined && Math.abs(e[1]) >= 0.05)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .map(([cause, x]) => ({ cause, words: tensionCauseWords(cause), points: `${x > 0 ? '+' : ''}${fixed(x, 1)}` }));
}
