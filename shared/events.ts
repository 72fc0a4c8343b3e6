import { z } from 'zod';
import eventsJson from './data/events.json';

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
  })
  .strict();
export type EventCard = z.infer<typeof EventCardSchema>;

export const EVENT_DECK: readonly EventCard[] = z.array(EventCardSchema).parse(eventsJson);
export const EVENT_BY_ID: ReadonlyMap<string, EventCard> = new Map(EVENT_DECK.map((e) => [e.id, e]));
