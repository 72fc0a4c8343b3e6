import { describe, expect, it } from 'vitest';
import { builtinScenario, drawAgendas, orderName, playBotMatch, scoreSeats, SEATS, SEAT_INFO, signOrder, type WorldState } from '../../shared/index.js';
import { buildReport, figureCriterion, figureValueText, recordOf, reportCsv, reportHtml, ReportSchema, type ReportPeople, type ReportSeats } from '../../shared/analysis/index.js';
import { svgLineChart } from '../../shared/analysis/svg-chart.js';

const baseline = builtinScenario('baseline')!;

describe('after-action report', () => {
  const final = playBotMatch(baseline, 'report-1');
  const report = buildReport(recordOf(baseline, final), final);

  it('validates against its zod schema after a JSON round trip', () => {
    const parsed = ReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success).toBe(true);
  });

  it('says per quarter what moved tension, causes summing to the change', () => {
    let before = baseline.start.tension.value;
    for (const q of report.quarters) {
      const sum = Object.values(q.tensionWhy ?? {}).reduce((t, x) => t + x, 0);
      expect(sum, q.quarter).toBeCloseTo(q.tension - before, 9);
      before = q.tension;
    }
    expect(reportHtml(report)).toMatch(/<p class="why">What moved tension: [^<]+ [+−]\d+\.\d/);
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
    // Rolls read as the game shows them: percentages.
    expect(html).toMatch(/odds \d+\.\d%, roll \d+\.\d%/);
    expect(html).not.toMatch(/odds 0\.\d+,/);
  });

  it('writes numbers one way: whole H100e for compute, at most four decimals elsewhere, no padding', () => {
    const lines = reportCsv(report).trimEnd().split('\n');
    const header = lines[0].split(',');
    const numeric = header.map((c, i) => [c, i] as const).filter(([c]) => !['quarter', 'seat', 'seat_name', 'orders', 'orders_from', 'played_by'].includes(c));
    for (const line of lines.slice(1)) {
      const cells = parseCsvLine(line);
      for (const [column, i] of numeric) {
        const cell = cells[i];
        if (/^(compute_|cn_(legal|domestic|smuggled|offshore)$)/.test(column)) expect(cell, column).toMatch(/^-?\d+$/);
        else expect(cell, column).toMatch(/^-?\d+(\.\d{0,3}[1-9])?$/);
      }
    }
    const q = report.quarters[0];
    const first = parseCsvLine(lines[1]);
    expect(first[header.indexOf('compute_us')]).toBe(String(Math.round(q.compute.US)));
    expect(Number(first[header.indexOf('adoption_hubs_dem')])).toBeCloseTo(q.adoption.HUBS, 4);
    expect(Number(first[header.indexOf('tension')])).toBeCloseTo(q.tension, 4);
  });

  describe('seat scores', () => {
    it('carry every seat’s score on the final world in the JSON report', () => {
      const parsed = ReportSchema.parse(JSON.parse(JSON.stringify(report)));
      expect(parsed.scores).toEqual(scoreSeats(final));
    });

    it('are optional, so reports stored before scores were kept still validate', () => {
      const { scores: _scores, ...old } = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
      expect(ReportSchema.safeParse(old).success).toBe(true);
      expect(reportHtml(ReportSchema.parse(old))).not.toContain('How each seat did');
    });

    it('are left out when the report is built without them', () => {
      expect(buildReport(recordOf(baseline, final), final, null).scores).toBeUndefined();
    });

    it('show in the HTML: every seat, its score, public score, objectives and secret agenda', () => {
      const withAgendas: WorldState = { ...final, agendas: drawAgendas('report-agendas', 'draw') };
      const r = buildReport(recordOf(baseline, withAgendas), withAgendas);
      const html = reportHtml(r);
      const section = /<section aria-labelledby="scores-h">[\s\S]*?<\/section>/.exec(html)![0];
      expect(section).toContain('<h2 id="scores-h">How each seat did</h2>');
      for (const seat of SEATS) {
        const s = r.scores![seat];
        expect(section).toContain(`<th scope="row">${SEAT_INFO[seat].short.replace(/&/g, '&amp;')}</th><td class="num">${s.total.toFixed(0)}</td><td class="num">${s.public.toFixed(0)}</td>`);
        expect(section).toContain(`“${s.agenda!.title}”: ${s.agenda!.score.toFixed(0)}`);
        for (const o of s.objectives) expect(section).toContain(`${o.label.replace(/&/g, '&amp;')}: ${(o.score * 100).toFixed(0)}/100`);
      }
      // Before the charts, right after the outcome.
      expect(html.indexOf('How each seat did')).toBeLessThan(html.indexOf('Charts per quarter'));
    });
  });

  it('describes the scenario at the top, under the title', () => {
    const html = reportHtml(report);
    const scenario = html.indexOf('Scenario: ');
    expect(scenario).toBeGreaterThan(html.indexOf('<h1>'));
    expect(scenario).toBeLessThan(html.indexOf('class="outcome"'));
  });

  it('escapes text so a scenario cannot inject markup', () => {
    const evil = { ...baseline, name: '<img onerror=x>' };
    const html = reportHtml(buildReport(recordOf(evil, final), final));
    expect(html).not.toContain('<img onerror');
  });

  describe('agreement signatures', () => {
    // The first quarter with the US also signing the chip-tracking pact.
    const [first, ...rest] = final.history;
    const signed: WorldState = { ...final, history: [{ ...first, orders: { ...first.orders, US: [...first.orders.US, signOrder('chip-tracking-pact')] } }, ...rest] };
    const r = buildReport(recordOf(baseline, signed), signed);

    it('are named by the agreement, not the action id', () => {
      expect(orderName(signOrder('chip-tracking-pact'))).toBe('Offer to sign the Chip-tracking pact');
      expect(orderName({ action: 'sign-agreement' })).toBe('Offer to sign the agreement');
      const order = r.quarters[0].orders.US.at(-1)!;
      expect(order).toMatchObject({ action: 'sign-agreement', agreement: 'chip-tracking-pact', name: 'Offer to sign the Chip-tracking pact' });
      expect(ReportSchema.parse(JSON.parse(JSON.stringify(r))).quarters[0].orders.US.at(-1)).toEqual(order);
      const html = reportHtml(r);
      expect(html).toContain('Offer to sign the Chip-tracking pact');
      expect(html).not.toMatch(/>[^<]*sign-agreement/);
    });

    it('name the agreement in the CSV', () => {
      const row = reportCsv(r).split('\n').find((l) => l.startsWith(`${r.quarters[0].turn},${r.quarters[0].quarter},US,`))!;
      expect(parseCsvLine(row)[4].split(' ')).toContain('sign-agreement:chip-tracking-pact:1');
    });
  });

  describe('the numbers that decided it', () => {
    const contested: WorldState = { ...final, outcome: { id: 'contested-frontier', turn: final.turn, early: false, reason: 'Neither side clears the bar.', figures: [{ name: 'Lead (months)', value: 4.666 }, { name: 'Democratic share of swing markets', value: 0.5213 }] } };
    const lead: WorldState = { ...final, outcome: { id: 'democratic-lead', turn: final.turn, early: false, reason: 'Lead.', figures: [{ name: 'Lead (months)', value: 14.2, threshold: 12, comparison: '>=' }, { name: 'Democratic share of swing markets', value: 0.61, threshold: 0.5, comparison: '>' }] } };

    it('are formatted and given their criterion as on the end screen', () => {
      const [l, s] = contested.outcome!.figures;
      expect([figureValueText(l), figureCriterion(l)]).toEqual(['4.7', 'lead ≥ 12 · parity ≤ 3']);
      expect([figureValueText(s), figureCriterion(s)]).toEqual(['52.1%', 'majority 50%']);
      const [l2, s2] = lead.outcome!.figures;
      expect([figureValueText(l2), figureCriterion(l2)]).toEqual(['14.2', '≥ 12.0']);
      expect([figureValueText(s2), figureCriterion(s2)]).toEqual(['61.0%', '> 50.0%']);
      expect(figureValueText({ name: 'Joint governance in force', value: 1 })).toBe('yes');
      expect(figureValueText({ name: 'Joint safety work', value: 1 })).toBe('yes');
      expect(figureCriterion({ name: 'Roll', value: 0.2 })).toBe('—');
    });

    it('never read as the bar they missed', () => {
      expect(figureValueText({ name: 'Democratic share of swing markets', value: 0.49996 })).toBe('49.996%');
      expect(figureValueText({ name: 'Democratic share of swing markets', value: 0.5004, threshold: 0.5, comparison: '>' })).toBe('50.04%');
      expect(figureValueText({ name: 'Lead (months)', value: 11.97 })).toBe('11.97');
      expect(figureValueText({ name: 'Lead (months)', value: 3.04, threshold: 3, comparison: '<=' })).toBe('3.04');
      // A roll and the odds it fell under, told apart.
      const early = [{ name: 'Tension', value: 81 }, { name: 'Odds this quarter', value: 0.1234 }, { name: 'Roll', value: 0.1231 }];
      expect(early.map((f) => figureValueText(f, early))).toEqual(['81.0', '12.34%', '12.31%']);
    });

    it('carry both in the JSON report and show them in the HTML', () => {
      const r = ReportSchema.parse(JSON.parse(JSON.stringify(buildReport(recordOf(baseline, contested), contested))));
      expect(r.outcome.figures).toEqual([
        { name: 'Lead (months)', value: 4.666, valueText: '4.7', criterion: 'lead ≥ 12 · parity ≤ 3' },
        { name: 'Democratic share of swing markets', value: 0.5213, valueText: '52.1%', criterion: 'majority 50%' },
      ]);
      const html = reportHtml(r);
      expect(html).toContain('<td>4.7</td><td>lead ≥ 12 · parity ≤ 3</td>');
      expect(html).toContain('<td>52.1%</td><td>majority 50%</td>');
      expect(reportHtml(buildReport(recordOf(baseline, lead), lead))).toContain('<td>61.0%</td><td>&gt; 50.0%</td>');
    });
  });

  describe('players and the public negotiation', () => {
    const q1 = final.history[0];
    const q2 = final.history[1];
    const noOne: ReportSeats['EU'] = { players: [], botTurns: final.history.map((h) => h.turn), draftedTurns: [] };
    const seats = Object.fromEntries(SEATS.map((s) => [s, noOne])) as ReportSeats;
    seats.US = { players: ['Ada Lovelace', 'Grace <b>Hopper</b>'], botTurns: [], draftedTurns: [q2.turn] };
    seats.CN = { players: ['=HYPERLINK("x")'], botTurns: [q2.turn], draftedTurns: [] };
    const people: ReportPeople = {
      seats,
      negotiation: {
        publicChat: [
          { at: Date.UTC(2026, 0, 5, 9, 2), turn: 1, quarter: q1.quarter, lobby: true, name: 'Ada Lovelace', role: 'player', seat: 'US', text: 'Good morning, all.' },
          { at: Date.UTC(2026, 0, 5, 9, 14), turn: 1, quarter: q1.quarter, name: 'Bo', role: 'player', seat: 'CN', text: '<script>alert(1)</script> and <img src=x onerror=alert(2)> & "quotes"' },
          { at: Date.UTC(2026, 0, 5, 9, 31), turn: 2, quarter: q2.quarter, name: 'White cell', role: 'facilitator', seat: null, text: 'Two minutes left.\nSubmit now.' },
        ],
        proposals: [
          { id: 'p1', at: Date.UTC(2026, 0, 5, 9, 20), turn: 1, quarter: q1.quarter, kind: 'incident-hotline', title: 'Incident hotline', proposer: 'US', parties: ['US', 'CN'], acceptedBy: ['US'], declinedBy: 'CN', status: 'declined' },
          { id: 'p2', at: Date.UTC(2026, 0, 5, 9, 33), turn: 2, quarter: q2.quarter, kind: 'chip-tracking-pact', title: 'Chip-tracking pact', proposer: 'EU', parties: ['EU', 'US'], acceptedBy: ['EU', 'US'], status: 'signed', note: 'In force until 2027 Q4.' },
        ],
      },
    };
    const r = buildReport(recordOf(baseline, final), final, undefined, people);
    const html = reportHtml(r);

    it('carry each seat’s players and the public record in the JSON, valid against the schema', () => {
      const parsed = ReportSchema.parse(JSON.parse(JSON.stringify(r)));
      expect(parsed.seats).toEqual(seats);
      expect(parsed.negotiation).toEqual(people.negotiation);
      expect(report.seats).toBeUndefined();
      expect(report.negotiation).toBeUndefined();
    });

    it('are optional, so reports stored before they were kept still validate and render without them', () => {
      const { seats: _s, negotiation: _n, ...old } = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
      const parsed = ReportSchema.safeParse(old);
      expect(parsed.success).toBe(true);
      const oldHtml = reportHtml(parsed.data!);
      expect(oldHtml).not.toContain('Who played each seat');
      expect(oldHtml).not.toContain('The negotiation on the record');
      // A damaged one does not.
      expect(ReportSchema.safeParse({ ...old, seats: { US: { players: 'Ada' } } }).success).toBe(false);
      expect(ReportSchema.safeParse({ ...old, negotiation: { publicChat: [{ text: 'hi' }], proposals: [] } }).success).toBe(false);
    });

    it('show who played each seat, and the quarters its bot or a draft gave its orders', () => {
      const section = /<section aria-labelledby="seats-h">[\s\S]*?<\/section>/.exec(html)![0];
      expect(section).toContain(`<th scope="row">United States</th><td>Ada Lovelace, Grace &lt;b&gt;Hopper&lt;/b&gt;</td><td>none</td><td>${q2.quarter}</td>`);
      expect(section).toContain(`<td>=HYPERLINK(&quot;x&quot;)</td><td>${q2.quarter}</td><td>none</td>`);
      expect(section).toContain('<td><em>no one</em></td><td>every quarter</td>');
      expect(html.indexOf('Who played each seat')).toBeLessThan(html.indexOf('How each seat did'));
    });

    it('show the public channel and the proposals per quarter, as plain text', () => {
      const section = /<section aria-labelledby="talk-h">[\s\S]*?<\/section>/.exec(html)![0];
      expect(section).toContain('Private and team channels are not included.');
      expect(section).toContain('<summary>Before the match started — 1 message</summary>');
      expect(section).toContain(`<summary>${q1.quarter} — 1 message, 1 proposal</summary>`);
      expect(section).toContain(`<summary>${q2.quarter} — 1 message, 1 proposal</summary>`);
      expect(section).toContain('<time datetime="2026-01-05T09:02:00.000Z">09:02</time> <strong>Ada Lovelace</strong> (United States): <span class="said">Good morning, all.</span>');
      expect(section).toContain('<strong>White cell</strong> (Control): <span class="said">Two minutes left.\nSubmit now.</span>');
      expect(section).toContain('<td>Incident hotline</td><td>United States</td><td>United States, China</td><td>United States</td><td>Declined by China</td>');
      expect(section).toContain('<td>Chip-tracking pact</td><td>EU</td><td>EU, United States</td><td>EU, United States</td><td>Signed. In force until 2027 Q4.</td>');
      // Chat is user input: it never becomes markup.
      expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
      expect(html).not.toMatch(/<script|<img|<b>/i);
      expect(html.indexOf('The negotiation on the record')).toBeGreaterThan(html.indexOf('<h2>Timeline</h2>'));
    });

    it('say why a proposal lapsed: not every party accepted, or the match ended first', () => {
      const lapsed = (acceptedBy: ('US' | 'CN')[]) => ({ ...people.negotiation!.proposals[0], acceptedBy, declinedBy: undefined, status: 'lapsed' as const });
      const page = reportHtml(buildReport(recordOf(baseline, final), final, undefined, { negotiation: { publicChat: [], proposals: [lapsed(['US']), lapsed(['US', 'CN'])] } }));
      expect(page).toContain('<td>United States</td><td>Lapsed: not every party accepted before the quarter resolved</td>');
      expect(page).toContain('<td>United States, China</td><td>Agreed, but the match ended before it was signed</td>');
    });

    it('name, per quarter, who acted for each seat: in the timeline and in the CSV row of that quarter', () => {
      const handedOver = { ...seats, US: { ...seats.US, byTurn: [{ turn: q1.turn, players: ['Ada Lovelace'] }, { turn: q2.turn, players: ['Grace <b>Hopper</b>'] }] }, EU: { ...noOne, byTurn: [] } };
      const byQuarter = buildReport(recordOf(baseline, final), final, undefined, { ...people, seats: handedOver });
      expect(ReportSchema.parse(JSON.parse(JSON.stringify(byQuarter))).seats?.US.byTurn).toEqual(handedOver.US.byTurn);
      const lines = reportCsv(byQuarter).trimEnd().split('\n');
      const header = lines[0].split(',');
      const playedBy = (turn: number, seat: string) => parseCsvLine(lines.find((l) => l.startsWith(`${turn},`) && l.split(',')[2] === seat)!)[header.indexOf('played_by')];
      expect([playedBy(q1.turn, 'US'), playedBy(q2.turn, 'US'), playedBy(q1.turn, 'EU')]).toEqual(['Ada Lovelace', 'Grace <b>Hopper</b>', '']);
      // Without quarters (an older report), a row names the seat's players over the match.
      expect(playedBy(q1.turn, 'CN')).toBe(`'=HYPERLINK("x")`);
      const page = reportHtml(byQuarter);
      const quarter = (label: string) => new RegExp(`<section class="quarter"><h3>${label} —[\\s\\S]*?</section>`).exec(page)![0];
      expect(quarter(q1.quarter)).toContain('<th scope="row">United States<span class="by">Ada Lovelace</span></th>');
      expect(quarter(q2.quarter)).toContain('<th scope="row">United States<span class="by">Grace &lt;b&gt;Hopper&lt;/b&gt;</span></th>');
      expect(quarter(q1.quarter)).toContain('<th scope="row">EU</th>');
    });

    it('says so when nothing was said in public or proposed', () => {
      const quiet = reportHtml(buildReport(recordOf(baseline, final), final, undefined, { negotiation: { publicChat: [], proposals: [] } }));
      expect(quiet).toContain('No public messages and no proposals.');
      expect(quiet).toContain('Private and team channels are not included.');
    });

    it('add to the CSV a column for where each row’s orders came from and one for the seat’s players, still one row per seat per quarter', () => {
      const lines = reportCsv(r).trimEnd().split('\n');
      expect(lines).toHaveLength(1 + SEATS.length * r.quarters.length);
      const header = lines[0].split(',');
      expect(header.slice(-2)).toEqual(['orders_from', 'played_by']);
      const row = (turn: number, seat: string) => parseCsvLine(lines.find((l) => l.startsWith(`${turn},`) && l.split(',')[2] === seat)!);
      const cell = (cells: string[], c: string) => cells[header.indexOf(c)];
      expect(cell(row(q1.turn, 'US'), 'orders_from')).toBe('players');
      expect(cell(row(q2.turn, 'US'), 'orders_from')).toBe('draft');
      expect(cell(row(q1.turn, 'US'), 'played_by')).toBe('Ada Lovelace; Grace <b>Hopper</b>');
      expect(cell(row(q2.turn, 'CN'), 'orders_from')).toBe('bot');
      // A name that reads like a formula stays text in a spreadsheet.
      expect(cell(row(q1.turn, 'CN'), 'played_by')).toBe(`'=HYPERLINK("x")`);
      expect(cell(row(q1.turn, 'EU'), 'played_by')).toBe('');
      expect(cell(row(q1.turn, 'EU'), 'orders_from')).toBe('bot');
      // Without `seats` the columns are there, empty.
      const plain = parseCsvLine(reportCsv(report).split('\n')[1]);
      expect([cell(plain, 'orders_from'), cell(plain, 'played_by')]).toEqual(['', '']);
    });
  });

  it('fits the first and last x-axis labels inside every chart', () => {
    const labels = report.quarters.map((q) => q.quarter);
    const charts = [svgLineChart('Lead', labels, [{ name: 'Lead', values: labels.map((_, i) => i), colour: '#000' }]), ...(reportHtml(report).match(/<svg[\s\S]*?<\/svg>/g) ?? [])];
    expect(charts.length).toBeGreaterThanOrEqual(7);
    for (const svg of charts) {
      const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
      // The x-axis labels are the quarters; a character of 10px text is at most about 6.5px wide.
      const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)" font-size="10">([^<]*)<\/text>/g)];
      expect(ticks.map((t) => t[3].replace('\u00a0', ' '))).toEqual(labels);
      for (const [, x, anchor, text] of [ticks[0], ticks.at(-1)!]) {
        const w = text.length * 6.5;
        const left = Number(x) - (anchor === 'middle' ? w / 2 : anchor === 'end' ? w : 0);
        expect(left, text).toBeGreaterThanOrEqual(0);
        expect(left + w, text).toBeLessThanOrEqual(width);
      }
    }
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
