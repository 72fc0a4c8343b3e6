import { EFFECT_LABEL, EVENT_BY_ID, EVENT_DECK, quarterIndex, quarterLabel, LEVERS, effectText, isModifierKey, isMultiplierKey, REGIONS, REGION_NAME, SEATS, SEAT_INFO, type Scenario, type SeatId } from '../../../../shared/index.js';
import { AdjustSchema, CUSTOM_EFFECT_KEYS, CustomEventSchema, adjustRange, effectBounds, isShareTarget, type AdjustTarget, type CustomEffect } from '../../../../shared/facilitation.js';
import { h, fill, uid } from '../../dom.js';
import { pct } from '../../format.js';
import { exerciseActions } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { scenarioOf } from '../../match-scenario.js';

type Part = { el: HTMLElement; update(s: AppState): void };

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('cf');
  control.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** How long an armed confirmation waits for its second click. */
const CONFIRM_SECONDS = 8;

/**
 * A button that asks once more before it acts: the first click arms it, the second does it. Left armed,
 * it lapses after a few seconds and says so (nothing was done).
 */
export function confirmButton(label: string, confirmLabel: string, act: () => void, cls = ''): { el: HTMLElement; button: HTMLButtonElement; setDisabled(d: boolean): void } {
  const button = h('button', { type: 'button', class: cls }, label);
  const cancel = h('button', { type: 'button', class: 'ghost small', hidden: true }, 'Cancel');
  const lapsed = h('span', { class: 'hint confirm-lapsed', role: 'status' });
  let armed = false;
  let timer: number | undefined;
  const disarm = (why = '') => {
    armed = false;
    window.clearTimeout(timer);
    button.textContent = label;
    button.classList.remove('armed');
    cancel.hidden = true;
    lapsed.textContent = why;
  };
  button.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.classList.add('armed');
      cancel.hidden = false;
      lapsed.textContent = `Click again within ${CONFIRM_SECONDS} seconds to confirm.`;
      timer = window.setTimeout(() => disarm(`Not confirmed within ${CONFIRM_SECONDS} seconds: nothing was done.`), CONFIRM_SECONDS * 1000);
      return;
    }
    disarm();
    act();
  });
  cancel.addEventListener('click', () => disarm());
  return {
    el: h('span', { class: 'confirm-pair' }, button, cancel, lapsed),
    button,
    setDisabled(d) {
      button.disabled = d;
      if (d) disarm();
    },
  };
}

/** Pause / resume, extend / cut the orders timer, advance the quarter, end the match. */
export function clockControls(): Part {
  const pause = h('button', { type: 'button', class: 'primary', onclick: () => exerciseActions.pause() }, 'Pause the clock');
  const resume = h('button', { type: 'button', class: 'primary', onclick: () => exerciseActions.resume() }, 'Resume the clock');
  const steps = [60, 300, -30, -60].map((sec) => {
    const shown = `${sec > 0 ? '+' : '−'}${Math.abs(sec) >= 60 ? `${Math.abs(sec) / 60} min` : `${Math.abs(sec)} s`}`;
    const spoken = `${sec > 0 ? 'extend' : 'cut'} the timer by ${Math.abs(sec) >= 60 ? `${Math.abs(sec) / 60} minute${Math.abs(sec) === 60 ? '' : 's'}` : `${Math.abs(sec)} seconds`}`;
    // The accessible name starts with the visible text (WCAG 2.5.3), then says what it does.
    return h('button', { type: 'button', class: 'small', onclick: () => exerciseActions.timer(sec), 'aria-label': `${shown}: ${spoken}` }, shown);
  });
  const secs = h('input', { type: 'number', min: -3600, max: 3600, step: 15, value: 120, inputmode: 'numeric' });
  const apply = h('button', { type: 'button', class: 'small' }, 'Move deadline');
  apply.addEventListener('click', () => {
    const n = Math.trunc(Number(secs.value));
    if (n && Math.abs(n) <= 3600) exerciseActions.timer(n);
  });
  const advance = confirmButton('Advance: resolve the quarter now', 'Confirm: resolve now (drafts go in; bots order for seats with none)', () => exerciseActions.advance());
  const reason = h('input', { type: 'text', maxlength: 300, placeholder: 'optional — shown to everyone' });
  const end = confirmButton('End the match', 'Confirm: end the match now', () => exerciseActions.end(reason.value.trim() || undefined), 'danger');
  const untimed = h('p', { class: 'hint', hidden: true, 'data-testid': 'control-untimed' }, 'This match has no orders timer: each quarter resolves when every seat held by people has submitted, or when you advance it.');
  const el = h(
    'section',
    { class: 'card ctl-clock', 'aria-labelledby': 'ctl-clock-h' },
    h('h2', { id: 'ctl-clock-h' }, 'Clock and quarter'),
    untimed,
    h('div', { class: 'btn-row' }, pause, resume),
    h('div', { class: 'btn-row', role: 'group', 'aria-label': 'Move the orders deadline' }, steps),
    h('div', { class: 'row inline' }, field('Seconds (+ extends, − cuts)', secs), apply),
    h('div', { class: 'btn-row' }, advance.el),
    h('details', { class: 'ctl-end' }, h('summary', {}, 'End the match early'), field('Reason for ending (optional)', reason), end.el),
  );
  return {
    el,
    update(s) {
      const m = s.match;
      const live = m?.phase === 'orders' && s.status === 'connected';
      // Without a timer there is no clock to stop or move.
      const timed = Boolean(m && (m.deadline > 0 || m.paused));
      untimed.hidden = !(m?.phase === 'orders' && !timed);
      pause.hidden = Boolean(m?.paused);
      resume.hidden = !m?.paused;
      pause.disabled = !live || !timed;
      resume.disabled = !live;
      for (const b of steps) b.disabled = !live || !timed;
      apply.disabled = !live || !timed;
      advance.setDisabled(!live);
      end.setDisabled(!(m && m.phase !== 'finished' && s.status === 'connected'));
    },
  };
}

/** Every seat: who holds it, connected, orders in, and handing it to its bot or back. */
export function seatTable(): Part {
  const body = h('tbody', {});
  const el = h(
    'section',
    { class: 'card ctl-seats', 'aria-labelledby': 'ctl-seats-h' },
    h('h2', { id: 'ctl-seats-h' }, 'Seats'),
    h('p', { class: 'hint' }, 'Whether each seat’s orders are in. What a seat ordered is not shown here, to Control either, beyond the moves it announces; the after-action report reveals every seat’s orders when the match ends.'),
    h(
      'table',
      { class: 'table compact', 'data-testid': 'control-seats' },
      h('caption', { class: 'sr-only' }, 'Seats, their players, and whether their orders are in'),
      h('thead', {}, h('tr', {}, ['Seat and players', 'Status', 'Hand over'].map((c) => h('th', { scope: 'col' }, c)))),
      body,
    ),
  );
  let key = '';
  return {
    el,
    update(s) {
      const m = s.match;
      if (!m) return;
      const k = JSON.stringify([m.seats, m.phase, s.status]);
      if (k === key) return;
      key = k;
      const live = m.phase !== 'finished' && s.status === 'connected';
      fill(
        body,
        SEATS.filter((x) => m.seats[x]).map((seat) => {
          const slot = m.seats[seat]!;
          const info = SEAT_INFO[seat];
          // A team member whose connection dropped is named as away, though the seat is still held by the others.
          const away = !slot.connected ? ' — away' : slot.away ? ` — ${slot.away} away` : '';
          const people = slot.occupied ? `${slot.name}${slot.members > 1 ? ` (team of ${slot.members})` : ''}${away}` : 'no one';
          const playedBy = slot.handedToBot ? 'bot (handed over)' : slot.bot ? 'bot' : 'people';
          const orders = m.phase !== 'orders' ? '' : slot.submitted ? ' · ✓ submitted' : slot.bot ? ' · bot orders' : ' · … deciding';
          // A seat no one holds is already the bot's: there is nothing to hand over.
          const handBtn = slot.handedToBot
            ? h('button', { type: 'button', class: 'small', disabled: !live, onclick: () => exerciseActions.seat(seat, 'human'), 'aria-label': `Back to people: hand ${info.short} back to its players` }, 'Back to people')
            : slot.occupied && !slot.bot
              ? h('button', { type: 'button', class: 'small ghost', disabled: !live, onclick: () => exerciseActions.seat(seat, 'bot'), 'aria-label': `To bot: hand ${info.short} to its bot` }, 'To bot')
              : h('span', { class: 'hint' }, h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'sr-only' }, 'Nothing to hand over: its bot plays it'));
          return h(
            'tr',
            { 'data-seat': seat, class: slot.submitted ? 'done' : '' },
            h('th', { scope: 'row' }, h('span', { class: 'tag' }, seat), ' ', info.short, h('span', { class: 'seat-people' }, people)),
            h('td', {}, h('span', { class: 'played-by' }, playedBy), orders),
            h('td', {}, handBtn),
          );
        }),
      );
    },
  };
}

/** Schedule a card of the event deck for the coming resolution. */
export function injectForm(): Part {
  const id = uid('inj');
  const select = h(
    'select',
    { id, name: 'event' },
    EVENT_DECK.map((e) => h('option', { value: e.id }, e.title)),
  );
  // Each card's place in this match's scenario, from the scenario itself (a facilitator's own may differ from the built-ins).
  let marked: { scenario: Scenario; turns: number } | null = null;
  const markScheduled = (events: readonly { turn: number; eventId: string }[], first: number) => {
    for (const option of select.options) {
      const title = EVENT_BY_ID.get(option.value)?.title ?? option.value;
      const quarters = events.filter((e) => e.eventId === option.value).map((e) => quarterLabel(first + e.turn - 1));
      option.textContent = quarters.length ? `${title} (scheduled: ${quarters.join(', ')})` : title;
    }
  };
  const about = h('p', { class: 'hint inj-about' });
  const btn = h('button', { type: 'submit', class: 'primary small' }, 'Schedule for the coming resolution');
  const form = h(
    'form',
    { class: 'card ctl-inject', 'aria-labelledby': `${id}-h`, novalidate: true },
    h('h2', { id: `${id}-h` }, 'Inject an event from the deck'),
    field('Event card', select),
    about,
    h('p', { class: 'hint' }, 'Only Control is told now; everyone sees the card when it fires at the coming resolution.'),
    btn,
  );
  const sync = () => {
    const e = EVENT_DECK.find((x) => x.id === select.value);
    about.textContent = e ? `${e.text} Effects: ${e.effects.map(effectText).join(', ') || 'none'}.` : '';
  };
  select.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!btn.disabled) exerciseActions.inject(select.value);
  });
  return {
    el: form,
    update(s) {
      btn.disabled = !(s.match && s.match.phase !== 'finished' && s.status === 'connected');
      const scenario = scenarioOf(s.match);
      const turns = s.match?.turns ?? 0;
      // scenarioOf hands back the same object until the match's copy changes.
      if (scenario && (marked?.scenario !== scenario || marked.turns !== turns)) {
        marked = { scenario, turns };
        // A match shorter than its scenario never plays the events after its end.
        markScheduled(scenario.events.filter((e) => e.turn <= turns), quarterIndex(scenario.startYear, scenario.startQuarter));
      }
    },
  };
}

const EFFECT_HELP: Partial<Record<string, string>> = {
  tension: 'US–China tension, points (−50 to 50)',
  cooperation: 'cooperation, points (−50 to 50)',
  misuse: 'misuse risk, share (−1 to 1)',
};

/** A custom event written by Control: applied at once and announced to everyone. */
export function customEventForm(): Part {
  const id = uid('cev');
  const title = h('input', { type: 'text', maxlength: 80, name: 'title', placeholder: 'e.g. Emergency summit in Geneva' });
  const text = h('textarea', { maxlength: 500, rows: 2, name: 'text', placeholder: 'What happened, as the table will read it' });
  const rows = h('ul', { class: 'plain effects' });
  const add = h('button', { type: 'button', class: 'small ghost' }, '+ Add an effect');
  const problems = h('p', { class: 'hint bad', 'aria-live': 'polite' });
  const btn = h('button', { type: 'submit', class: 'primary small' }, 'Announce and apply now');
  const form = h(
    'form',
    { class: 'card ctl-custom', 'aria-labelledby': `${id}-h`, novalidate: true },
    h('h2', { id: `${id}-h` }, 'Custom event'),
    field('Title', title),
    field('Text', text),
    h('h3', {}, 'Effects (up to 5)'),
    rows,
    add,
    problems,
    btn,
  );
  type Row = { key: HTMLSelectElement; value: HTMLInputElement; quarters: HTMLInputElement; li: HTMLElement };
  const list: Row[] = [];
  let live = false;
  let touched = false;
  const effects = (): CustomEffect[] =>
    list.map((r) => {
      const modifier = isModifierKey(r.key.value);
      const q = Math.trunc(Number(r.quarters.value));
      return { key: r.key.value as CustomEffect['key'], value: Number(r.value.value), ...(modifier && q > 0 ? { quarters: q } : {}) };
    });
  const payload = () => ({ title: title.value.trim(), text: text.value.trim(), effects: effects() });
  const sync = () => {
    for (const r of list) {
      const [lo, hi] = effectBounds(r.key.value);
      r.value.min = String(lo);
      r.value.max = String(hi);
      r.value.title = EFFECT_HELP[r.key.value] ?? `${r.key.value}: ${lo} to ${hi}`;
      r.quarters.parentElement!.hidden = !isModifierKey(r.key.value);
    }
    add.disabled = list.length >= 5;
    const p = payload();
    const check = CustomEventSchema.safeParse(p);
    const msgs = check.success
      ? []
      : [...new Set(check.error.issues.map((i) => (i.path[0] === 'title' && !p.title ? 'Write a title.' : i.path[0] === 'text' && !p.text ? 'Write what happened.' : i.path[0] === 'effects' ? `Effect ${Number(i.path[1]) + 1}: ${i.message}` : i.message)))];
    problems.textContent = touched ? msgs.join(' ') : '';
    btn.disabled = !live || !check.success;
  };
  const addRow = () => {
    if (list.length >= 5) return;
    const kid = uid('cek');
    const key = h('select', { id: kid, 'aria-label': 'Effect' }, CUSTOM_EFFECT_KEYS.map((k) => h('option', { value: k }, EFFECT_LABEL[k] + (isMultiplierKey(k) ? ' (×)' : ''))));
    const value = h('input', { type: 'number', step: 'any', value: 5, 'aria-label': 'Value', class: 'num-in' });
    const quarters = h('input', { type: 'number', min: 1, max: 8, step: 1, value: 1, 'aria-label': 'Quarters', class: 'num-in' });
    const li = h('li', { class: 'effect-row' });
    const remove = h('button', { type: 'button', class: 'small ghost', 'aria-label': 'Remove this effect' }, '✕');
    fill(li, key, value, h('span', { class: 'q' }, 'for ', quarters, ' quarters'), remove);
    const row = { key, value, quarters, li };
    remove.addEventListener('click', () => {
      list.splice(list.indexOf(row), 1);
      li.remove();
      sync();
    });
    for (const c of [key, value, quarters]) c.addEventListener('input', sync);
    key.addEventListener('change', () => {
      const [lo, hi] = effectBounds(key.value);
      if (Number(value.value) < lo || Number(value.value) > hi) value.value = String(isMultiplierKey(key.value) ? 1 : 0);
      sync();
    });
    list.push(row);
    rows.append(li);
    sync();
  };
  add.addEventListener('click', addRow);
  for (const c of [title, text]) c.addEventListener('input', () => {
    touched = true;
    sync();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = payload();
    if (btn.disabled || !CustomEventSchema.safeParse(p).success) return;
    if (exerciseActions.customEvent(p.title, p.text, p.effects)) {
      title.value = '';
      text.value = '';
      touched = false;
      for (const r of list.splice(0)) r.li.remove();
      sync();
    }
  });
  sync();
  return {
    el: form,
    update(s) {
      const now = Boolean(s.match && s.match.phase !== 'finished' && s.status === 'connected');
      if (now !== live) {
        live = now;
        sync();
      }
    },
  };
}

type TargetKind = AdjustTarget['kind'];

/** Set one figure by hand, with a written reason that everyone reads and the record keeps. */
export function adjustForm(): Part {
  const id = uid('adj');
  const kind = h(
    'select',
    { name: 'target' },
    ([
      ['tension', 'Tension (0–100)'],
      ['cooperation', 'Cooperation (0–100)'],
      ['misuse', 'Misuse risk (0–100%)'],
      ['adoption', 'Democratic share of a region (0–100%)'],
      ['resources', 'A seat’s resources (0–99)'],
      ['lever', 'A seat’s policy lever (0–100%)'],
    ] as [TargetKind, string][]).map(([v, l]) => h('option', { value: v }, l)),
  );
  const seat = h('select', { name: 'seat' }, SEATS.map((x) => h('option', { value: x }, SEAT_INFO[x].short)));
  const region = h('select', { name: 'region' }, REGIONS.map((r) => h('option', { value: r }, REGION_NAME[r])));
  const lever = h('select', { name: 'lever' });
  const value = h('input', { type: 'number', step: 'any', name: 'value', class: 'num-in' });
  const current = h('p', { class: 'hint' });
  const reason = h('textarea', { rows: 2, maxlength: 300, name: 'reason', required: true, placeholder: 'Why — shown to the table and kept in the after-action report' });
  const problems = h('p', { class: 'hint bad', 'aria-live': 'polite' });
  const btn = h('button', { type: 'submit', class: 'primary small' }, 'Set the figure');
  const seatField = field('Seat', seat);
  const regionField = field('Region', region);
  const leverField = field('Lever', lever);
  const form = h(
    'form',
    { class: 'card ctl-adjust', 'aria-labelledby': `${id}-h`, novalidate: true },
    h('h2', { id: `${id}-h` }, 'Adjust a figure'),
    field('Figure', kind),
    h('div', { class: 'row' }, seatField, regionField, leverField),
    field('New value', value),
    current,
    field('Reason (required)', reason),
    problems,
    btn,
  );
  let st: AppState | null = null;
  let touched = false;
  const target = (): AdjustTarget => {
    switch (kind.value as TargetKind) {
      case 'resources':
        return { kind: 'resources', seat: seat.value as SeatId };
      case 'adoption':
        return { kind: 'adoption', region: region.value as (typeof REGIONS)[number] };
      case 'lever':
        return { kind: 'lever', seat: seat.value as SeatId, lever: lever.value };
      default:
        return { kind: kind.value as 'tension' | 'cooperation' | 'misuse' };
    }
  };
  /** The value as the server takes it: a fraction for shares, as typed otherwise. */
  const sent = (): number => (isShareTarget(target()) ? Number(value.value) / 100 : Number(value.value));
  const syncLevers = () => {
    const prev = lever.value;
    fill(lever, LEVERS.filter((l) => l.seat === seat.value).map((l) => h('option', { value: l.id }, l.label)));
    if ([...lever.options].some((o) => o.value === prev)) lever.value = prev;
  };
  const sync = () => {
    const k = kind.value as TargetKind;
    seatField.hidden = k !== 'resources' && k !== 'lever';
    regionField.hidden = k !== 'adoption';
    leverField.hidden = k !== 'lever';
    const t = target();
    // Shares are typed as percentages and sent as fractions.
    const share = isShareTarget(t);
    const [lo, hi] = adjustRange(t).map((x) => (share ? x * 100 : x));
    const unit = share ? '%' : '';
    value.min = String(lo);
    value.max = String(hi);
    value.step = share ? '0.1' : '1';
    const pub = st?.pub;
    const now =
      !pub ? null : k === 'tension' ? pub.tension.toFixed(0) : k === 'cooperation' ? pub.cooperation.toFixed(0) : k === 'misuse' ? pct(pub.misuseRisk) : k === 'adoption' ? pct(pub.adoption[region.value as (typeof REGIONS)[number]].democratic) : null;
    current.textContent = `Range ${lo}–${hi}${unit}.${now !== null ? ` Now ${now}.` : ' Control sees only the public figures; the seat sees its own.'}`;
    const r = AdjustSchema.safeParse({ target: t, value: value.value === '' ? NaN : sent(), reason: reason.value });
    const v = Number(value.value);
    const msgs: string[] = [];
    if (value.value === '' || !Number.isFinite(v)) msgs.push('Enter a value.');
    else if (v < lo || v > hi) msgs.push(`The value must be from ${lo} to ${hi}${unit}.`);
    else if (k === 'resources' && !Number.isInteger(v)) msgs.push('Resources are whole numbers.');
    if (reason.value.trim().length < 3) msgs.push('Write a reason (at least 3 characters).');
    problems.textContent = touched ? msgs.join(' ') : '';
    btn.disabled = !r.success || msgs.length > 0 || !(st?.match && st.match.phase !== 'finished' && st.status === 'connected');
  };
  seat.addEventListener('change', () => {
    syncLevers();
    sync();
  });
  for (const c of [kind, region, lever]) c.addEventListener('change', sync);
  for (const c of [value, reason]) c.addEventListener('input', () => {
    touched = true;
    sync();
  });
  syncLevers();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    sync();
    if (btn.disabled) return;
    if (exerciseActions.adjust(target(), sent(), reason.value.trim())) {
      reason.value = '';
      touched = false;
      sync();
    }
  });
  return {
    el: form,
    update(s) {
      st = s;
      sync();
    },
  };
}
