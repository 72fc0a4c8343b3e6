import { z } from 'zod';
import { SEATS, type SeatId } from './seats.js';
import { LEVERS, LEVER_BY_ID, type LeverId } from './levers.js';
import catalogueJson from './data/actions.json';

const leverIds = LEVERS.map((l) => l.id) as [LeverId, ...LeverId[]];

export const STATS = ['tension', 'cooperation', 'resources'] as const;

export const ActionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    seat: z.enum(SEATS),
    name: z.string().min(1),
    summary: z.string().min(1),
    tags: z.array(z.string()),
    visibility: z.enum(['public', 'private', 'covert']),
    /** Cost per step of intensity, in the seat's currency. */
    cost: z.number().int().min(0).max(10),
    maxIntensity: z.number().int().min(1).max(3),
    target: z.literal('seat').optional(),
    /** An agreement this offer forms when every party makes the matching offer in one quarter. */
    agreement: z.string().optional(),
    effects: z.array(
      z.union([
        z.object({ lever: z.enum(leverIds), delta: z.number().min(-1).max(1) }).strict(),
        z.object({ stat: z.enum(STATS), delta: z.number().min(-20).max(20) }).strict(),
      ]),
    ),
    sources: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const e of a.effects) {
      if ('lever' in e && LEVER_BY_ID[e.lever].seat !== a.seat) {
        ctx.addIssue({ code: 'custom', message: `${a.id} moves lever ${e.lever}, which belongs to ${LEVER_BY_ID[e.lever].seat}` });
      }
    }
  });
export type ActionDef = z.infer<typeof ActionSchema>;

export const ACTIONS: readonly ActionDef[] = z.array(ActionSchema).parse(catalogueJson);
export const ACTION_BY_ID: ReadonlyMap<string, ActionDef> = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionsFor(seat: SeatId): ActionDef[] {
  return ACTIONS.filter((a) => a.seat === seat);
}
