import { z } from 'zod';
import coefficientsJson from './data/coefficients.json';

/**
 * The model's fixed coefficients: how strongly each lever moves each flow, adjustment rates, weights.
 * Each carries the id of its source in data/sources.json (many are designer choices, labelled as such)
 * and a one-line note; docs/MODEL.md prints the whole table. Scenario-specific figures live in the
 * scenario's params instead.
 */
export const CoefficientSchema = z.object({ value: z.number().finite(), source: z.string().min(1), note: z.string().min(1) }).strict();
export type Coefficient = z.infer<typeof CoefficientSchema>;
export type CoefficientKey = keyof typeof coefficientsJson;

export const COEFFICIENTS: Readonly<Record<CoefficientKey, Coefficient>> = z
  .record(z.string(), CoefficientSchema)
  .parse(coefficientsJson) as Record<CoefficientKey, Coefficient>;

/** Coefficient values by key, as plain numbers for the resolver's hot path. */
export const K: Readonly<Record<CoefficientKey, number>> = Object.fromEntries(
  Object.entries(COEFFICIENTS).map(([k, c]) => [k, c.value]),
) as Record<CoefficientKey, number>;
