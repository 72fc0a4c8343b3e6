import express from 'express';
import { reportCsv, reportHtml } from '../shared/analysis/index.js';
import { REPORT_FORMATS, roomCodeOf } from '../shared/index.js';
import { finishedSummary, readSummary, type FinishedSummary } from './finished-summary.js';
import type { Intervention } from './match-controller.js';
import { rebuildMatch } from './rebuild.js';
import type { MatchStore } from './store/match-store.js';

/**
 * The after-action data of finished matches, from the summary kept when each ended:
 * GET /api/matches/:code/record.json | report.json | report.html | report.csv | end.json (the end screen's public view).
 * A match that is not finished answers 404 exactly like one that does not exist: nothing leaks during play.
 */
export function reportRoutes(store: MatchStore): express.Router {
  const router = express.Router();
  const cache = new Map<string, FinishedSummary>();

  const finished = (code: string): FinishedSummary | null => {
    const hit = cache.get(code);
    if (hit) return hit;
    const summary = summaryOf(store, code);
    if (!summary) return null;
    if (cache.size >= 64) cache.delete(cache.keys().next().value as string);
    cache.set(code, summary);
    return summary;
  };

  router.get('/api/matches/:code/:file', (req, res) => {
    const { file } = req.params;
    // A code as people type it (lower case, with a dash) names the same match.
    const code = roomCodeOf(req.params.code);
    const known = (REPORT_FORMATS as readonly string[]).includes(file);
    const m = known && code ? finished(code) : null;
    if (!m) return res.status(404).json({ error: 'No finished match with that code.' });
    res.set('Cache-Control', 'no-store');
    const name = `lead-time-${code}`;
    switch (file) {
      case 'record.json':
        return res.attachment(`${name}-record.json`).json(m.report.record);
      case 'report.json':
        return res.attachment(`${name}-report.json`).json({ ...m.report, interventions: m.interventions });
      case 'end.json':
        return res.json({ ...m.end, scenario: m.report.record.scenario });
      case 'report.csv':
        return res.attachment(`${name}-report.csv`).type('text/csv').send(reportCsv(m.report));
      default:
        return res.type('html').send(withInterventions(reportHtml(m.report), m.interventions));
    }
  });
  return router;
}

/**
 * A finished match's summary as kept when it ended. A match finished before summaries were kept (or whose
 * summary is damaged) is rebuilt from its log once, and that summary is kept from then on.
 */
function summaryOf(store: MatchStore, code: string): FinishedSummary | null {
  const stored = store.load(code);
  if (!stored?.finished) return null;
  if (stored.summary !== undefined) {
    const kept = readSummary(stored.summary);
    if (kept.ok) return kept.summary;
    console.error(`match ${code}: its stored summary is unreadable (${kept.why}); rebuilding it from the log`);
  }
  const { ctrl } = rebuildMatch(stored);
  if (!ctrl.world.outcome) return null;
  const summary = finishedSummary(ctrl, code);
  if (stored.summary === undefined) store.finish(code, summary);
  return summary;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Add Control's interventions to the report page, before its end. */
function withInterventions(html: string, list: Intervention[]): string {
  if (list.length === 0) return html;
  const rows = list.map((i) => `<tr><td>${esc(i.quarter)}</td><td>${esc(i.by)}</td><td>${esc(i.text)}</td><td>${esc(i.reason ?? '')}</td></tr>`).join('');
  const section = `<section><h2>Control's interventions</h2><table><thead><tr><th>Quarter</th><th>By</th><th>What</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + section : html.slice(0, at) + section + html.slice(at);
}
