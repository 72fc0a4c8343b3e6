import { describe, expect, it } from 'vitest';
import { builtinScenario, playBotMatch, SEATS } from '../../shared/index.js';
import { buildReport, recordOf, reportCsv, reportHtml, ReportSchema } from '../../shared/analysis/index.js';

const baseline = builtinScenario('baseline')!;

describe('after-action report', () => {
  const final = playBotMatch(baseline, 'report-1');
  const report = buildReport(recordOf(baseline, final), final);

  it('validates against its zod schema after a JSON round trip', () => {
    const parsed = ReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success).toBe(true);
  });

  it('reveals every seat’s orders for every quarter', () => {
    expect(report.quarters).toHaveLength(final.history.length);
    for (const q of report.quarters) for (const seat of SEATS) expect(Array.isArray(q.orders[seat])).toBe(true);
    expect(report.quarters.some((q) => SEATS.some((seat) => q.orders[seat].length > 0))).toBe(true);
  });

  it('writes one CSV row per seat per quarter, with a header', () => {
    const lines = reportCsv(report).trimEnd().split('\n');
    expect(lines[0].split(',')[0]).toBe('turn');
    expect(lines).toHaveLength(1 + SEATS.length * report.quarters.length);
    const columns = lines[0].split(',').length;
    // Quoted cells may hold commas; every row still parses to the header's width.
    for (const line of lines.slice(1)) expect(parseCsvLine(line)).toHaveLength(columns);
  });

  it('renders self-contained HTML with charts and the outcome', () => {
    const html = reportHtml(report);
    expect(html).toContain('<!doctype html>');
    expect(html).not.toMatch(/<script|src=|href="http/);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(html).toContain(report.outcome.title);
  });

  it('escapes text so a scenario cannot inject markup', () => {
    const evil = { ...baseline, name: '<img onerror=x>' };
    const html = reportHtml(buildReport(recordOf(evil, final), final));
    expect(html).not.toContain('<img onerror');
  });
});

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  out.push(cur);
  return out;
}
