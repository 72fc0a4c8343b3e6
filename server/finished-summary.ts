import { z } from 'zod';
import { buildReport, ReportSchema, type MatchRecord, type Report } from '../shared/analysis/index.js';
import { FinishedViewSchema, InterventionSchema, MODEL_VERSION, publicView, type FinishedView } from '../shared/index.js';
import { describeIssues } from './errors.js';
import type { Intervention, MatchController } from './match-controller.js';

/**
 * What a finished match's after-action files are built from, kept in the store when the match ends so the
 * record, report and end screen served later are the ones of the match as played, whatever model the
 * server runs by then.
 */
export type FinishedSummary = { model: number; report: Report; interventions: Intervention[]; end: FinishedView };

/** A stored summary is read back through this: a damaged one is rebuilt from the log instead of served. */
export const FinishedSummarySchema = z.object({
  model: z.number().int().min(1),
  report: ReportSchema,
  interventions: z.array(InterventionSchema),
  end: FinishedViewSchema,
});

/** The summary of a finished match, from its controller. */
export function finishedSummary(ctrl: MatchController, code: string): FinishedSummary {
  if (!ctrl.world.outcome) throw new Error(`match ${code} is not finished`);
  const record: MatchRecord = ctrl.record();
  const report = buildReport(record, ctrl.world, undefined, ctrl.debrief.forReport(ctrl.botsByTurn));
  return { model: MODEL_VERSION, report, interventions: ctrl.controlLog(), end: { code, view: publicView(ctrl.world) } };
}

/** A stored summary, or null with the reason it cannot be used. */
export function readSummary(raw: unknown): { ok: true; summary: FinishedSummary } | { ok: false; why: string } {
  const parsed = FinishedSummarySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, why: describeIssues(parsed.error.issues.slice(0, 3)) };
  return { ok: true, summary: parsed.data as unknown as FinishedSummary };
}
