import { buildReport, reportCsv, reportHtml, type MatchRecord, type Report } from '../../../../shared/analysis/index.js';
import type { BySeat, OutcomeResult, Scenario, SeatScore, TurnRecord } from '../../../../shared/index.js';
import { h } from '../../dom.js';
import { finalFromReveal, recordFromReveal, reportUrl } from './record.js';

function save(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ReportSource = {
  code: string;
  scenario: Scenario | undefined;
  turns: number;
  reveal: readonly TurnRecord[];
  outcome: OutcomeResult;
  /** The end screen's seat scores; the world rebuilt from the reveal is too thin to score. */
  scores: BySeat<SeatScore> | null;
  record: () => Promise<MatchRecord | null>;
};

/**
 * The after-action files: links to the server's routes (which add Control's interventions), and the
 * same report made in this browser from what the end screen holds, for when the server is out of reach.
 */
export function downloadsPanel(): { el: HTMLElement; set(src: ReportSource): void } {
  const links = h('ul', { class: 'plain dl-links' });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const local = h('div', { class: 'btn-row' });
  const el = h(
    'section',
    { class: 'card analysis-downloads', 'aria-labelledby': 'dl-h', 'data-testid': 'downloads' },
    h('h2', { id: 'dl-h' }, 'After-action report'),
    h('p', { class: 'hint' }, 'The report opens offline (no scripts, no outside files) and prints cleanly: timeline, charts per quarter, every seat’s orders revealed, key events and why the outcome happened, who played each seat and the public negotiation. JSON for analysis; CSV has one row per seat per quarter.'),
    links,
    h('h3', {}, 'Or make the files in this browser'),
    h('p', { class: 'hint' }, 'For when the server is out of reach. Control’s interventions, who played each seat and the public negotiation are kept by the server only, so these files leave them out.'),
    local,
    status,
  );
  let src: ReportSource | null = null;
  let report: Report | null = null;

  async function build(): Promise<Report | null> {
    if (report) return report;
    if (!src) return null;
    const record = (await src.record().catch(() => null)) ?? recordFromReveal(src.code, src.scenario, src.reveal);
    if (!record) return null;
    report = buildReport(record, finalFromReveal(src.reveal, src.outcome), src.scores);
    return report;
  }
  const make = (label: string, file: string, type: string, render: (r: Report) => string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        onclick: async () => {
          status.textContent = 'Building…';
          try {
            const r = await build();
            if (!r) throw new Error('no record of this match');
            save(`lead-time-${src!.code}-${file}`, type, render(r));
            status.textContent = `Saved ${file}.`;
          } catch (e) {
            status.textContent = `Could not build the report: ${e instanceof Error ? e.message : String(e)}`;
          }
        },
      },
      label,
    );
  local.append(
    make('Report (HTML)', 'report.html', 'text/html', reportHtml),
    make('Report (JSON)', 'report.json', 'application/json', (r) => JSON.stringify(r, null, 1)),
    make('Table (CSV)', 'report.csv', 'text/csv', reportCsv),
  );
  return {
    el,
    set(s) {
      src = s;
      report = null;
      links.replaceChildren(
        h('li', {}, h('a', { href: reportUrl(s.code, 'report.html'), target: '_blank', rel: 'noopener', 'data-testid': 'report-html' }, 'Open the report (HTML)')),
        h('li', {}, h('a', { href: reportUrl(s.code, 'report.json'), download: `lead-time-${s.code}-report.json`, 'data-testid': 'report-json' }, 'Download the report (JSON)')),
        h('li', {}, h('a', { href: reportUrl(s.code, 'report.csv'), download: `lead-time-${s.code}-report.csv`, 'data-testid': 'report-csv' }, 'Download the table (CSV)')),
        h('li', {}, h('a', { href: reportUrl(s.code, 'record.json'), download: `lead-time-${s.code}-record.json`, 'data-testid': 'record-json' }, 'Download the match record (JSON, for replays)')),
      );
    },
  };
}
