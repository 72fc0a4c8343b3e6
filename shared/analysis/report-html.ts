import { fixed, percent } from '../number-text.js';
import { SEATS, SEAT_INFO, type SeatId } from '../seats.js';
import { endedEarly, OUTCOME_INFO } from '../outcomes.js';
import { playedIn, type Report } from './report.js';
import { recordLength } from './replay.js';
import { utcIso } from '../utc-time.js';
import { escapeHtml as esc, svgLineChart } from './svg-chart.js';
import { figureLabel } from '../scenario-labels.js';
import { tensionMoves } from '../tension-words.js';

// Okabe–Ito colours: safe for colour-blind readers; every line is also named in its legend.
const BLUE = '#0072B2';
const VERMILLION = '#D55E00';
const ORANGE = '#E69F00';
const GREEN = '#009E73';
const PURPLE = '#CC79A7';
const GREY = '#555555';

/** A self-contained HTML after-action report: no script, no external files, prints cleanly. */
export function reportHtml(r: Report): string {
  const labels = r.quarters.map((q) => q.quarter);
  const col = (f: (q: Report['quarters'][number]) => number) => r.quarters.map(f);
  const charts = [
    svgLineChart('US lead: best democratic lab over best PRC lab', labels, [{ name: 'Lead', values: col((q) => q.leadMonths), colour: BLUE }], { unit: 'months' }),
    svgLineChart('Compute stock by bloc', labels, [
      { name: 'United States', values: col((q) => q.compute.US), colour: BLUE },
      { name: 'China', values: col((q) => q.compute.CN), colour: VERMILLION, dash: '6 3' },
      { name: 'Allies', values: col((q) => q.compute.ALLIES), colour: GREEN, dash: '2 2' },
      { name: 'Hubs', values: col((q) => q.compute.HUB), colour: ORANGE, dash: '8 2 2 2' },
    ], { unit: 'H100e' }),
    svgLineChart('PRC compute supply by source', labels, [
      { name: 'Legal', values: col((q) => q.cnInflow.legal), colour: BLUE },
      { name: 'Domestic', values: col((q) => q.cnInflow.domestic), colour: VERMILLION, dash: '6 3' },
      { name: 'Smuggled', values: col((q) => q.cnInflow.smuggled), colour: PURPLE, dash: '2 2' },
      { name: 'Offshore', values: col((q) => q.cnInflow.offshore), colour: ORANGE, dash: '8 2 2 2' },
    ], { unit: 'H100e per quarter' }),
    svgLineChart('Democratic share of AI adoption', labels, [
      { name: 'Allies', values: col((q) => q.adoption.ALLIES), colour: GREEN },
      { name: 'Hubs', values: col((q) => q.adoption.HUBS), colour: ORANGE, dash: '6 3' },
      { name: 'Global South', values: col((q) => q.adoption.SOUTH), colour: PURPLE, dash: '2 2' },
      { name: 'China', values: col((q) => q.adoption.CHINA), colour: VERMILLION, dash: '8 2 2 2' },
    ], { min: 0, max: 1, percent: true }),
    svgLineChart('Risk', labels, [
      { name: 'Misuse risk', values: col((q) => q.misuse), colour: VERMILLION },
      { name: 'Racing pressure', values: col((q) => q.racing), colour: GREY, dash: '6 3' },
    ], { min: 0, max: 1, percent: true }),
    svgLineChart('Tension and cooperation', labels, [
      { name: 'Tension', values: col((q) => q.tension), colour: VERMILLION },
      { name: 'Cooperation', values: col((q) => q.cooperation), colour: BLUE, dash: '6 3' },
    ], { min: 0, max: 100 }),
  ];
  const figures = r.outcome.figures
    .map((f) => `<tr><th scope="row">${esc(f.name)}</th><td>${esc(f.valueText)}</td><td>${esc(f.criterion)}</td></tr>`)
    .join('');
  const timeline = r.quarters
    .map((q) => {
      const orders = SEATS.map((seat) => {
        const list = q.orders[seat].map((o) => `${esc(o.name)}${o.intensity > 1 ? ` ×${o.intensity}` : ''}${o.visibility !== 'public' ? ` <em>(${esc(o.visibility)})</em>` : ''}`).join('; ');
        const by = r.seats?.[seat].byTurn ? playedIn(r.seats[seat], q.turn) : [];
        return `<tr><th scope="row">${esc(SEAT_INFO[seat].short)}${by.length ? `<span class="by">${by.map(esc).join(', ')}</span>` : ''}</th><td>${list || '<em>no orders</em>'}</td></tr>`;
      }).join('');
      const events = q.events
        .filter((e) => e.kind !== 'order')
        .map((e) => `<li>${esc(e.text)}${e.odds !== undefined ? ` <span class="roll">odds ${percent(e.odds)}, roll ${percent(e.roll ?? 0)}</span>` : ''}${e.actor && e.attributedTo && e.actor !== e.attributedTo ? ` <strong>(in truth: ${esc(SEAT_INFO[e.actor as SeatId]?.short ?? e.actor)})</strong>` : ''}</li>`)
        .join('');
      const moves = q.tensionWhy ? tensionMoves(q.tensionWhy) : [];
      const why = moves.length ? `<p class="why">What moved tension: ${moves.map((m) => `${esc(m.words)} ${esc(m.points)}`).join('; ')}.</p>` : '';
      return `<section class="quarter"><h3>${esc(q.quarter)} — lead ${fixed(q.leadMonths, 1)} months, tension ${fixed(q.tension, 0)}, cooperation ${fixed(q.cooperation, 0)}</h3><table><caption>Orders, all seats revealed</caption><tbody>${orders}</tbody></table>${why}<ul>${events}</ul></section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Lead Time — after-action report${r.code ? ` ${esc(r.code)}` : ''}</title><style>
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:1180px;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{margin-bottom:.2rem}.sub{color:#555;margin-top:0}.outcome{border-left:6px solid ${BLUE};padding:.6rem 1rem;background:#f3f7fb}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:1rem}.chart{width:100%;height:auto;background:#fff;border:1px solid #ddd;border-radius:6px}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}
.roll{color:#555;font-size:.9em}th .by{display:block;font-weight:400;color:#555;font-size:.85em}.said{white-space:pre-wrap;overflow-wrap:anywhere}.chat{padding-left:1.2rem}.chat time{color:#555;font-variant-numeric:tabular-nums}details.talk{border-top:1px solid #ccc;margin-top:.6rem;padding-top:.3rem}details.talk summary{font-weight:600;cursor:pointer}.num{text-align:right;font-variant-numeric:tabular-nums}.objectives{margin:.2rem 0;padding-left:1.1rem}.quarter{page-break-inside:avoid;border-top:1px solid #ccc;margin-top:1rem}
</style></head><body>
<h1>Lead Time — after-action report</h1>
<p class="sub">${esc(r.scenario.name)} · seed ${esc(r.seed)}${r.code ? ` · match ${esc(r.code)}` : ''} · ${r.quarters.length} quarters${r.record.model ? ` · model version ${r.record.model}` : ''}</p>
<p class="sub">Scenario: ${esc(r.scenario.description)}</p>${assumptions(r)}
<section class="outcome" aria-label="Outcome"><h2>${esc(r.outcome.title)}${r.outcome.early ? (endedEarly(r.outcome, recordLength(r.record)) ? ' (early ending)' : ' (a roll in the last quarter)') : ''}</h2><p>${esc(OUTCOME_INFO[r.outcome.id].gist)}</p><p><strong>Why:</strong> ${esc(r.outcome.reason)}</p>
<table><caption>The numbers that decided it</caption><thead><tr><th>Figure</th><th>Value</th><th>Criterion</th></tr></thead><tbody>${figures}</tbody></table></section>
${r.seats ? seatsSection(r) : ''}
${r.scores ? scoresSection(r.scores) : ''}
<h2>Charts per quarter</h2><div class="charts">${charts.join('')}</div>
<h2>Timeline</h2>${timeline}
${r.negotiation ? negotiationSection(r.negotiation) : ''}
</body></html>`;
}

type SeatScores = NonNullable<Report['scores']>;
type ObjectiveScores = SeatScores[SeatId]['objectives'];

/** Each seat's score against its own objectives, secret agendas revealed, best first (as on the end screen). */
function scoresSection(scores: SeatScores): string {
  const rows = SEATS.map((seat) => scores[seat])
    .sort((a, b) => b.total - a.total)
    .map((s) => {
      const agenda = s.agenda ? `“${esc(s.agenda.title)}”: ${fixed(s.agenda.score, 0)}${objectiveList(s.agenda.objectives)}` : '<em>none</em>';
      return `<tr><th scope="row">${esc(SEAT_INFO[s.seat].short)}</th><td class="num">${fixed(s.total, 0)}</td><td class="num">${fixed(s.public, 0)}</td><td>${objectiveList(s.objectives)}</td><td>${agenda}</td></tr>`;
    })
    .join('');
  return `<section aria-labelledby="scores-h"><h2 id="scores-h">How each seat did</h2><p>Each seat scores 0–100 against its own objectives (and its secret agenda, if it had one), so a seat can do well in a bad world or badly in a good one.</p>
<table><caption>Scores by seat</caption><thead><tr><th scope="col">Seat</th><th scope="col">Score (0–100)</th><th scope="col">Public score</th><th scope="col">Public objectives</th><th scope="col">Secret agenda</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function objectiveList(objectives: ObjectiveScores): string {
  return `<ul class="objectives">${objectives.map((o) => `<li>${esc(o.label)}: ${fixed(o.score * 100, 0)}/100</li>`).join('')}</ul>`;
}

/** The figures the facilitator set, so a reader knows which numbers are assumptions rather than sourced. */
function assumptions(r: Report): string {
  const list = r.scenario.assumptions ?? [];
  if (list.length === 0) return '';
  return `<p class="sub">Set by the facilitator as assumptions (not from a source): ${list.map((a) => `${esc(figureLabel(a.path.split('.')))} = ${esc(String(a.value))}`).join('; ')}.</p>`;
}

/** Quarter labels for turns, from the report's own quarters (a turn it lacks is named by its number). */
function quarterNames(r: Report, turns: readonly number[]): string {
  return turns.map((t) => esc(r.quarters.find((q) => q.turn === t)?.quarter ?? `quarter ${t}`)).join(', ');
}

/** Who played each seat, and the quarters its bot (or an unsubmitted draft) gave its orders. */
function seatsSection(r: Report): string {
  const seats = r.seats!;
  const played = r.quarters.length;
  const rows = SEATS.map((seat) => {
    const s = seats[seat];
    const bot = s.botTurns.length === 0 ? 'none' : s.botTurns.length === played && played > 0 ? 'every quarter' : quarterNames(r, s.botTurns);
    const drafted = s.draftedTurns.length ? quarterNames(r, s.draftedTurns) : 'none';
    const people = s.players.length ? s.players.map(esc).join(', ') : '<em>no one</em>';
    return `<tr><th scope="row">${esc(SEAT_INFO[seat].short)}</th><td>${people}</td><td>${bot}</td><td>${drafted}</td></tr>`;
  }).join('');
  return `<section aria-labelledby="seats-h"><h2 id="seats-h">Who played each seat</h2><p>The people who gave orders, drafted, proposed or talked for each seat, in the order they first did; and the quarters whose orders came from the seat’s bot.</p>
<table><caption>Players by seat</caption><thead><tr><th scope="col">Seat</th><th scope="col">Played by</th><th scope="col">Orders from its bot</th><th scope="col">Orders from an unsubmitted draft</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

type Negotiation = NonNullable<Report['negotiation']>;

const PROPOSAL_OUTCOME: Record<Negotiation['proposals'][number]['status'], string> = {
  open: 'Still open',
  agreed: 'Agreed',
  declined: 'Declined',
  signed: 'Signed',
  lapsed: 'Lapsed: not every party accepted before the quarter resolved',
  refused: 'Agreed, but not signed',
};

const seatShort = (seat: SeatId) => esc(SEAT_INFO[seat]?.short ?? seat);

/** "14:03" in UTC (the report is static, so it names no reader's time zone). */
function clockTime(at: number): string {
  const iso = utcIso(at);
  return `<time datetime="${iso}">${iso.slice(11, 16)}</time>`;
}

/**
 * The public channel and the agreements proposed, quarter by quarter (never a private or team channel). Chat text and names are people's
 * words: escaped, never markup.
 */
function negotiationSection(n: Negotiation): string {
  const groups = new Map<string, { title: string; chat: Negotiation['publicChat']; proposals: Negotiation['proposals'] }>();
  const group = (key: string, title: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { title, chat: [], proposals: [] }));
    return g;
  };
  for (const m of n.publicChat) group(m.lobby ? 'lobby' : `q${m.turn}`, m.lobby ? 'Before the match started' : m.quarter).chat.push(m);
  for (const p of n.proposals) group(`q${p.turn}`, p.quarter).proposals.push(p);
  const order = (key: string) => (key === 'lobby' ? 0 : Number(key.slice(1)));
  const sections = [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([, g]) => {
      const count = [g.chat.length ? `${g.chat.length} message${g.chat.length === 1 ? '' : 's'}` : '', g.proposals.length ? `${g.proposals.length} proposal${g.proposals.length === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
      const chat = g.chat.length
        ? `<ol class="chat">${g.chat.map((m) => `<li>${clockTime(m.at)} <strong>${esc(m.name)}</strong> (${m.seat ? seatShort(m.seat) : m.role === 'facilitator' ? 'Control' : 'no seat'}): <span class="said">${esc(m.text)}</span></li>`).join('')}</ol>`
        : '';
      const proposals = g.proposals.length
        ? `<table><caption>Agreements proposed</caption><thead><tr><th scope="col">Proposed</th><th scope="col">Agreement</th><th scope="col">By</th><th scope="col">Parties</th><th scope="col">Accepted by</th><th scope="col">Outcome</th></tr></thead><tbody>${g.proposals
            .map((p) => {
              // Every party accepted but it lapsed: the match ended before the quarter resolved.
              const ended = p.status === 'lapsed' && p.parties.every((x) => p.acceptedBy.includes(x));
              const outcome = `${ended ? 'Agreed, but the match ended before it was signed' : PROPOSAL_OUTCOME[p.status]}${p.status === 'declined' && p.declinedBy ? ` by ${seatShort(p.declinedBy)}` : ''}${p.note ? `. ${esc(p.note)}` : ''}`;
              return `<tr><td>${clockTime(p.at)}</td><td>${esc(p.title)}</td><td>${seatShort(p.proposer)}</td><td>${p.parties.map(seatShort).join(', ')}</td><td>${p.acceptedBy.map(seatShort).join(', ') || '<em>no one</em>'}</td><td>${outcome}</td></tr>`;
            })
            .join('')}</tbody></table>`
        : '';
      return `<details class="talk" open><summary>${esc(g.title)} — ${count}</summary>${chat}${proposals}</details>`;
    })
    .join('');
  return `<section aria-labelledby="talk-h"><h2 id="talk-h">The negotiation on the record</h2><p>What was said on the public channel, and every agreement proposed with its parties, quarter by quarter; times are UTC. During play a proposal was seen only by its parties and Control; the report reveals them, as it reveals every order. Agreements signed by orders alone, without a proposal, are in the timeline.</p>
<p><strong>Private and team channels are not included.</strong></p>
${sections || '<p><em>No public messages and no proposals.</em></p>'}</section>`;
}
