import { z } from 'zod';
import RAW_SOURCES from './data/sources.json';

/**
 * A record of data/sources.json: a sourced figure (with its publication), a figure derived from sourced
 * ones by stated arithmetic, or a designer's calibration choice. Besides what it says, a record may carry
 * a `note` (a caveat, or the estimates that disagree), `seeAlso` (those other estimates), `basis` (for a
 * derived or designer figure, the sourced figures it rests on), `byFigure` (for a record many starting
 * values cite: a note and basis per figure, by its path in a scenario's `start`) and `perQuarter` (how a
 * quarterly rate follows from this yearly figure: a growth factor, a halving time in months, or a count).
 */
export const SourceSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    range: z.tuple([z.number(), z.number()]).nullable(),
    date: z.string().nullable(),
    source: z.string().min(1),
    url: z.string().url().nullable(),
    kind: z.enum(['sourced', 'derived', 'designer']),
    note: z.string().min(1).optional(),
    seeAlso: z.array(z.string()).optional(),
    basis: z.array(z.string()).optional(),
    byFigure: z.record(z.string(), z.object({ note: z.string().min(1), basis: z.array(z.string()).optional() }).strict()).optional(),
    perQuarter: z.enum(['factor', 'halving', 'total']).optional(),
  })
  .strict();

export type Source = z.infer<typeof SourceSchema>;

/** Every record, checked: ids unique, and every id a record refers to is a record. */
export const SourcesSchema = z.array(SourceSchema).superRefine((list, ctx) => {
  const ids = new Set<string>();
  for (const s of list) {
    if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `source "${s.id}" is listed twice` });
    ids.add(s.id);
  }
  for (const s of list) {
    const refs = [...(s.seeAlso ?? []), ...(s.basis ?? []), ...Object.values(s.byFigure ?? {}).flatMap((f) => f.basis ?? [])];
    for (const r of refs) if (!ids.has(r)) ctx.addIssue({ code: 'custom', message: `source "${s.id}" refers to "${r}", which is not a source` });
  }
});

export const SOURCES: readonly Source[] = SourcesSchema.parse(RAW_SOURCES);
export const SOURCE_BY_ID: ReadonlyMap<string, Source> = new Map(SOURCES.map((s) => [s.id, s]));
