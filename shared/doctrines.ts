import { z } from 'zod';
import { LEVERS, type LeverId } from './levers.js';
import doctrinesJson from './data/doctrines.json';

export const DOCTRINES = ['hawk', 'dove', 'opportunist'] as const;
export type Doctrine = (typeof DOCTRINES)[number];

export const STANCES = ['restrict', 'protect', 'build', 'adopt', 'safety', 'open', 'deter', 'covert', 'cooperate', 'coerce', 'intel', 'market', 'align'] as const;
export type Stance = (typeof STANCES)[number];

const leverIds = LEVERS.map((l) => l.id) as [LeverId, ...LeverId[]];
const PerDoctrine = z.object({ hawk: z.number(), dove: z.number(), opportunist: z.number() }).strict();

export const DoctrineTableSchema = z
  .object({
    note: z.string(),
    stances: z.record(
      z.enum(STANCES),
      z.object({ kind: z.enum(['policy', 'campaign']), hawk: z.number(), dove: z.number(), opportunist: z.number(), weight: PerDoctrine }).strict(),
    ),
    levers: z.record(z.enum(leverIds), z.enum(STANCES)),
    reactions: z.object({
      closeLead: z.number().positive(),
      restrictWhenClose: z.number(),
      alliedShare: z.number(),
      behindPush: z.number(),
      coolMargin: z.number(),
      coolMarginHawk: z.number(),
      desperation: z.number(),
      desperationFrom: z.number(),
      coolSpan: z.number().positive(),
      deescalateFrom: z.number(),
      deescalateSpan: z.number().positive(),
      deescalate: z.number(),
      reciprocity: z.number(),
      misuseFrom: z.number(),
      misuseSpan: z.number().positive(),
      misuseReaction: z.number(),
      covertUnderPact: z.number(),
      temptation: z.number(),
      blockedDamping: z.number(),
      exposedDamping: z.number(),
      maxPolicySteps: z.number().int().min(1),
      maxOrders: z.number().int().min(1),
      minValue: z.number(),
      noise: z.number().min(0),
    }),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const l of LEVERS) if (!t.levers[l.id]) ctx.addIssue({ code: 'custom', path: ['levers', l.id], message: 'every lever needs a stance' });
  });
export type DoctrineTable = z.infer<typeof DoctrineTableSchema>;

/** The bots' doctrine table (data/doctrines.json), validated at load. */
export const DOCTRINE_TABLE: DoctrineTable = DoctrineTableSchema.parse(doctrinesJson);
