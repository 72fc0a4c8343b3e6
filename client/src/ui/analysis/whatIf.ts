import { newlyDropped, quarterStart, whatIf, type DroppedOrder, type MatchRecord } from '../../../../shared/analysis/index.js';
import { fixed, AGREEMENT_MENU, OUTCOME_INFO, endedEarly, SEATS, SEAT_INFO, SIGN_ACTION, actionsFor, orderKey, validateOrders, type Order, type SeatId, type WorldState } from '../../../../shared/index.js';
import { h, fill, uid } from '../../dom.js';
import { OKABE } from '../../palette.js';
import { orderText } from '../ordersText.js';
import { lineChart } from './charts.js';
import { forecastRunner } from './forecastPanel.js';
import { whatIfVerdict } from './whatif-verdict.js';

type Editor = { el: HTMLElement; orders(): Order[] };

/** The orders the what-if's branch refused that the match as played did not (none: nothing is shown). */
function droppedList(dropped: readonly DroppedOrder[]): HTMLElement | null {
  if (dropped.length === 0) return null;
  return h(
    'div',
    { class: 'wi-dropped', 'data-testid': 'whatif-dropped' },
    h('p', {}, `The model dropped ${dropped.length === 1 ? 'one order' : `${dropped.length} orders`} in the what-if that ${dropped.length === 1 ? 'was' : 'were'} not dropped as played:`),
    h('ul', {}, dropped.map((d) => h('li', {}, `${d.quarter}, ${SEAT_INFO[d.seat].short}: ${d.why}`))),
  );
}

/**
 * The seat's order catalogue as a form, filled in with `initial`. Its orders keep the order they were
 * given in (new ones after them, in catalogue order): the model spends a seat's purse in that order, so
 * reordering alone could change which orders are affordable.
 */
function orderEditor(seat: SeatId, initial: readonly Order[], onChange: () => void): Editor {
  type Row = { key: string; order(): Order | null };
  const rows: Row[] = [];
  const list = h('ul', { class: 'plain wi-actions' });
  for (const a of actionsFor(seat)) {
    const was = initial.find((o) => o.action === a.id);
    const id = uid('wi-a');
    const check = h('input', { type: 'checkbox', id, checked: Boolean(was), 'data-action': a.id });
    const intensity = h(
      'select',
      { 'aria-label': `Intensity of ${a.name}`, disabled: a.maxIntensity === 1 },
      Array.from({ length: a.maxIntensity }, (_, i) => h('option', { value: i + 1, selected: (was?.intensity ?? 1) === i + 1 }, `×${i + 1}`)),
    );
    const target =
      a.target === 'seat'
        ? h('select', { 'aria-label': `Target of ${a.name}` }, SEATS.filter((x) => x !== seat).map((x) => h('option', { value: x, selected: was?.target === x }, SEAT_INFO[x].short)))
        : null;
    for (const c of [check, intensity, target]) c?.addEventListener('change', onChange);
    list.append(h('li', { class: 'wi-action' }, check, h('label', { for: id }, a.name), h('span', { class: 'cost' }, `cost ${a.cost}`), intensity, target));
    rows.push({ key: a.id, order: () => (check.checked ? { action: a.id, intensity: Number(intensity.value) || 1, ...(target ? { target: target.value as SeatId } : {}) } : null) });
  }
  // Agreement signatures the seat gave that quarter (not in the catalogue): keep or drop them.
  for (const o of initial.filter((x) => x.action === SIGN_ACTION && x.agreement)) {
    const id = uid('wi-s');
    const check = h('input', { type: 'checkbox', id, checked: true });
    check.addEventListener('change', onChange);
    list.append(h('li', { class: 'wi-action' }, check, h('label', { for: id }, `Sign: ${AGREEMENT_MENU[o.agreement!]?.title ?? o.agreement}`)));
    rows.push({ key: orderKey(o), order: () => (check.checked ? { ...o } : null) });
  }
  const given = initial.map(orderKey);
  const rank = (r: Row) => (given.includes(r.key) ? given.indexOf(r.key) : given.length + rows.indexOf(r));
  const ordered = [...rows].sort((a, b) => rank(a) - rank(b));
  return { el: list, orders: () => ordered.map((r) => r.order()).filter((o): o is Order => o !== null) };
}

function outcomeLine(states: WorldState[], turns: number): string {
  const last = states[states.length - 1];
  const o = last.outcome;
  if (o) return `${OUTCOME_INFO[o.id].title}${o.early ? (endedEarly(o, turns) ? ` (early ending after quarter ${o.turn})` : ' (a roll in the last quarter)') : ''}`;
  return `undecided after ${last.turn} of ${turns} quarters`;
}

/**
 * What-if: pick a past quarter and a seat, change its orders, replay forward with every other order as
 * it was (shared `whatIf`), and compare the lead path, the ending and the odds from that point.
 */
export function whatIfPanel(): { el: HTMLElement; set(record: MatchRecord, states: WorldState[], note?: string): void } {
  const id = uid('wi');
  const quarter = h('select', { id: `${id}-q`, name: 'quarter' });
  const seat = h('select', { id: `${id}-s`, name: 'seat' }, SEATS.map((x) => h('option', { value: x }, SEAT_INFO[x].short)));
  const played = h('p', { class: 'wi-played', 'data-testid': 'whatif-played' });
  const editorHost = h('div', { class: 'wi-editor' });
  const problems = h('p', { class: 'hint bad', 'aria-live': 'polite' });
  const runBtn = h('button', { type: 'button', class: 'primary small' }, 'Replay with these orders');
  const note = h('p', { class: 'hint' });
  const result = h('div', { class: 'wi-result', 'aria-live': 'polite', 'data-testid': 'whatif-result' });
  const oddsA = forecastRunner({ testid: 'whatif-played-odds', caption: 'As played' });
  const oddsB = forecastRunner({ testid: 'whatif-changed-odds', caption: 'What if' });
  const oddsBox = h('div', { class: 'wi-odds', hidden: true }, h('h3', {}, 'Odds from the quarter after the change'), h('div', { class: 'side-by-side' }, oddsA.el, oddsB.el));
  // When the match as played ended early and the what-if line did not, the record has no orders past that
  // quarter: the line stops there, still open, and these odds say how it would likely have ended.
  const oddsOpen = forecastRunner({ testid: 'whatif-open-odds', caption: 'The what-if line from where the record ends' });
  const openTitle = h('h3', {});
  const openBox = h('div', { class: 'wi-odds', hidden: true, 'data-testid': 'whatif-open' }, openTitle, oddsOpen.el);
  const el = h(
    'section',
    { class: 'card analysis-whatif', 'aria-labelledby': `${id}-h`, 'data-testid': 'whatif' },
    h('h2', { id: `${id}-h` }, 'What if…?'),
    h('p', { class: 'hint' }, 'Change one seat’s orders in one past quarter; everything else is replayed as it was, with the same dice. Bots do not react to the change, so the difference is that decision and its consequences.'),
    note,
    h('div', { class: 'row inline' }, h('div', { class: 'field' }, h('label', { for: quarter.id }, 'Quarter'), quarter), h('div', { class: 'field' }, h('label', { for: seat.id }, 'Seat'), seat)),
    played,
    h('h3', {}, 'Its orders in the what-if'),
    editorHost,
    problems,
    runBtn,
    result,
    oddsBox,
    openBox,
  );

  let record: MatchRecord | null = null;
  let states: WorldState[] = [];
  let editor: Editor | null = null;

  const turnNo = () => Number(quarter.value);
  const seatId = () => seat.value as SeatId;
  const originalOrders = () => (record?.turns[turnNo() - 1]?.orders[seatId()] ?? []) as Order[];

  function check() {
    if (!editor) return;
    // Checked against the position the quarter's orders met: Control's changes that quarter (a purse
    // topped up, say) were made before it resolved.
    const before = record && states[turnNo() - 1] ? quarterStart(record, states[turnNo() - 1], turnNo()) : undefined;
    const os = editor.orders();
    const v = before ? validateOrders(before, seatId(), os) : { errors: [] as string[] };
    const msgs = [...v.errors];
    const same = JSON.stringify(os) === JSON.stringify(originalOrders());
    // The purse is spent in the orders' own order (as played first), which the catalogue's order above does not show.
    const paid = v.errors.some((e) => / costs \d/.test(e)) && os.length > 1 ? ` Paid for in this order: ${os.map(orderText).join(', ')}.` : '';
    problems.textContent = msgs.length ? `${msgs.join(' ')} The model drops what the seat cannot afford.${paid}` : same ? 'These are the orders as played: change something.' : '';
    runBtn.disabled = same;
  }

  function rebuild() {
    if (!record) return;
    const os = originalOrders();
    played.textContent = `As played: ${os.length ? os.map(orderText).join(' · ') : 'no orders'}.`;
    editor = orderEditor(seatId(), os, check);
    fill(editorHost, editor.el);
    check();
  }

  quarter.addEventListener('change', rebuild);
  seat.addEventListener('change', rebuild);
  runBtn.addEventListener('click', () => {
    if (!record || !editor) return;
    const change = { turn: turnNo(), seat: seatId(), orders: editor.orders() };
    const t0 = performance.now();
    const { original, altered } = whatIf(record, change);
    const ms = performance.now() - t0;
    const labels = original.slice(1).map((s) => s.history[s.history.length - 1]?.quarter ?? `Q${s.turn}`);
    const lead = (xs: WorldState[]) => labels.map((_, i) => (xs[i + 1] ? xs[i + 1].leadMonths : null));
    const a = original[original.length - 1];
    const b = altered[altered.length - 1];
    // The match's own length (a match may be set longer or shorter than its scenario's default).
    const turns = a.turns;
    const verdict = whatIfVerdict(original, altered);
    const rows = labels.map((q, i) => {
      const x = original[i + 1];
      const y = altered[i + 1];
      const d = (f: (s: WorldState) => number, digits: number) => (x && y ? `${fixed(f(x), digits)} → ${fixed(f(y), digits)}` : x ? `${fixed(f(x), digits)} → ended` : y ? `ended → ${fixed(f(y), digits)}` : '—');
      return h(
        'tr',
        { class: i + 1 === change.turn ? 'changed-q' : '' },
        h('th', { scope: 'row' }, q, i + 1 === change.turn ? ' (changed)' : ''),
        h('td', { class: 'num' }, d((s) => s.leadMonths, 1)),
        h('td', { class: 'num' }, d((s) => s.tension, 1)),
        h('td', { class: 'num' }, d((s) => s.cooperation, 1)),
        h('td', { class: 'num' }, d((s) => s.risk.misuse * 100, 1)),
      );
    });
    fill(
      result,
      h(
        'div',
        { class: 'side-by-side wi-summary' },
        h('div', { class: 'wi-col', 'data-testid': 'whatif-original' }, h('h3', {}, 'As played'), h('p', { class: 'wi-outcome' }, outcomeLine(original, turns)), h('p', {}, `Final lead ${fixed(a.leadMonths, 1)} months`)),
        h('div', { class: 'wi-col', 'data-testid': 'whatif-altered' }, h('h3', {}, 'What if'), h('p', { class: 'wi-outcome' }, outcomeLine(altered, turns)), h('p', {}, `Final lead ${fixed(b.leadMonths, 1)} months`)),
      ),
      h(
        'p',
        { class: 'wi-verdict', 'data-testid': 'whatif-verdict' },
        verdict.text,
        ` (replayed in ${ms.toFixed(0)} ms)`,
      ),
      droppedList(newlyDropped(original, altered)),
      lineChart('Lead path: as played vs what if', labels, [
        { name: 'As played', values: lead(original), colour: OKABE.sky },
        { name: 'What if', values: lead(altered), colour: OKABE.orange, dash: '7 4' },
      ], { unit: 'months', mark: change.turn - 1 }),
      h(
        'table',
        { class: 'table compact' },
        h('caption', {}, 'Quarter by quarter: as played → what if'),
        h('thead', {}, h('tr', {}, ['Quarter', 'Lead (mo)', 'Tension', 'Cooperation', 'Misuse (%)'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, c)))),
        h('tbody', {}, rows),
      ),
    );
    // The odds from the quarter after the change, for both branches (one after the other: each uses every
    // worker), then, for a what-if line the record leaves open, from where it stops.
    const from = change.turn;
    const open = verdict.openFrom;
    oddsBox.hidden = !(original[from] && altered[from]);
    openBox.hidden = !open;
    openTitle.textContent = open ? `How the what-if line would likely end, with bots in every seat from ${open.history[open.history.length - 1]?.quarter ?? `quarter ${open.turn}`}` : '';
    void (async () => {
      const seed = `whatif|${record!.seed}|${from}`;
      if (original[from] && altered[from]) {
        await oddsA.run({ state: original[from] }, 1000, seed, record!.botDoctrine);
        await oddsB.run({ state: altered[from] }, 1000, seed, record!.botDoctrine);
      }
      if (open) await oddsOpen.run({ state: open }, 1000, `${seed}|open`, record!.botDoctrine);
    })();
  });

  return {
    el,
    set(r, st, n) {
      record = r;
      states = st;
      note.textContent = n ?? '';
      const resolved = Math.min(r.turns.length, st.length - 1);
      fill(
        quarter,
        Array.from({ length: resolved }, (_, i) => h('option', { value: i + 1 }, st[i + 1]?.history[i]?.quarter ?? `Quarter ${i + 1}`)),
      );
      rebuild();
    },
  };
}
