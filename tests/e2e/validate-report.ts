/**
 * Validate an after-action report (JSON on stdin) against the shared ReportSchema; prints
 * `{ ok, issues, report }` as JSON. Run with `node --import tsx`: Playwright's loader cannot import the
 * model's JSON data files, so the spec calls this in a child process.
 */
import { ReportSchema } from '../../shared/analysis/report.js';

const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', () => {
  const r = ReportSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  process.stdout.write(JSON.stringify(r.success ? { ok: true, issues: [], report: r.data } : { ok: false, issues: r.error.issues.slice(0, 5), report: null }));
});
