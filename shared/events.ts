import { z } from 'zod';
import eventsJson from './data/events.json';
import { isLeverId, type LeverId } from './levers.js';

/** The vocabulary of event effects; resolve.ts gives each key its meaning. */
export const EVENT_EFFECT_KEYS = [
  'tension',
  'cooperation',
  'misuse',
  'cnEfficiency',
  'adoptionPrc',
  'adoptionDemocratic',
  'domesticYield',
  'enforcementBoost',
  'smuggledMultiplier',
  'legalMultiplier',
  'domesticMultiplier',
  'offshoreMultiplier',
  'distillationMultiplier',
  'democraticComputeMultiplier',
  'usEfficiency',
  'hbmStockpile',
  'labSafety',
] as const;
export type EventEffectKey = (typeof EVENT_EFFECT_KEYS)[number];

/** Effects that scale a flow by their value (×) while they last. */
export const isMultiplierKey = (key: string): boolean => /Multiplier$/.test(key);

/** Effects that last their quarters as modifiers (the multipliers and the enforcement boost); the rest apply once. */
export const isModifierKey = (key: string): boolean => isMultiplierKey(key) || key === 'enforcementBoost';

/** Each effect in words, for the people at the table (the keys are the model's). */
export const EFFECT_LABEL: Record<EventEffectKey, string> = {
  tension: 'tension',
  cooperation: 'cooperation',
  misuse: 'misuse risk',
  cnEfficiency: 'PRC lab efficiency (doublings)',
  usEfficiency: 'US lab efficiency (doublings)',
  adoptionPrc: 'swing markets toward the PRC stack',
  adoptionDemocratic: 'swing markets toward the democratic stack',
  domesticYield: 'PRC chip yield',
  enforcementBoost: 'export enforcement',
  smuggledMultiplier: 'smuggled chips',
  legalMultiplier: 'legal chip sales to the PRC',
  domesticMultiplier: 'PRC domestic chip output',
  offshoreMultiplier: 'offshore compute rental',
  distillationMultiplier: 'distillation',
  democraticComputeMultiplier: 'democracies’ compute growth',
  hbmStockpile: 'PRC HBM stockpile',
  labSafety: 'both labs’ safety',
};

/** "smuggled chips ×0.5 for 2 quarters", "tension +10": an effect as a facilitator or player reads it. */
export function effectText(e: { key: string; value: number; quarters?: number }): string {
  const label = EFFECT_LABEL[e.key as EventEffectKey] ?? e.key;
  const amount = isMultiplierKey(e.key) ? `×${e.value}` : `${e.value >= 0 ? '+' : '−'}${Math.abs(e.value)}`;
  const span = !isModifierKey(e.key) ? '' : (e.quarters ?? 1) > 1 ? ` for ${e.quarters} quarters` : ' for a quarter';
  return `${label} ${amount}${span}`;
}

export const EventCardSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    text: z.string().min(1),
    trigger: z.enum(['scheduled', 'random']),
    /** Chance per quarter of being drawn, for random cards. */
    probability: z.number().min(0).max(1).optional(),
    effects: z.array(
      z
        .object({
          key: z.enum(EVENT_EFFECT_KEYS),
          value: z.number().finite(),
          /** Multipliers last this many quarters (default 1); other effects apply once. */
          quarters: z.number().int().min(1).max(8).optional(),
        })
        .strict(),
    ),
    sources: z.array(z.string()).default([]),
    /**
     * A random card that only makes sense while a policy stands (an import approval while licensed sales
     * are allowed) is dealt only then: its lever must be below `below` (and at or above `atLeast`).
     * Its roll is drawn either way, so the stream does not depend on it.
     */
    requires: z
      .object({ lever: z.string().refine((x): x is LeverId => isLeverId(x), { message: 'not a lever' }), below: z.number().optional(), atLeast: z.number().optional() })
      .strict()
      .optional(),
  })
  .strict();
export type EventCard = z.infer<typeof EventCardSchema>;

export const EVENT_DECK: readonly EventCard[] = z.array(EventCardSchema).parse(eventsJson);
export const EVENT_BY_ID: ReadonlyMap<string, EventCard> = new Map(EVENT_DECK.map((e) => [e.id, e]));
