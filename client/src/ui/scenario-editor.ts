import { EVENT_BY_ID, EVENT_DECK, OWN_SOURCE, SEATS, SEAT_INFO, figureLabel, parseOwnScenario, problemInWords, scenarioFigures, type Scenario, type ScenarioResult } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';

/** 25000000 → "25,000,000": the about line reads large figures at a glance. */
const grouped = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** A figure's source as the form shows it. */
const sourceText = (source: string) => (source === OWN_SOURCE ? 'your figure' : source);

/** An id from a name: lower-case letters, digits and dashes. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'my-scenario'
  );
}

export type ScenarioEditor = {
  el: HTMLElement;
  /**
   * Start again from this scenario (a built-in one, or a file just read) under `id`; `base` is what its
   * figures are compared with to tell the facilitator's own (the scenario itself unless given).
   */
  load(s: Scenario, id?: string, base?: Scenario): void;
  /** The edited scenario, checked. */
  result(): ScenarioResult;
  /** The edited scenario as it stands, for a file. */
  draft(): Scenario;
};

/**
 * A form over a scenario: its name, length, seats and every figure. A figure changed from the one it
 * started as becomes the facilitator's own (source "facilitator"); changed back, it gets its source
 * again. Problems show as the facilitator types, by field.
 */
export function scenarioEditor(onChange: () => void): ScenarioEditor {
  const id = uid('sed');
  let base: Scenario | null = null;
  let draft: Scenario | null = null;
  let idTouched = false;

  const name = h('input', { type: 'text', id: `${id}-name`, maxlength: 80, 'data-path': 'name' });
  const scnId = h('input', { type: 'text', id: `${id}-id`, maxlength: 64, spellcheck: 'false', 'aria-describedby': `${id}-id-hint`, 'data-path': 'id' });
  const desc = h('textarea', { id: `${id}-desc`, rows: 3, maxlength: 600, 'data-path': 'description' });
  const quarters = h('input', { type: 'number', id: `${id}-turns`, min: 1, max: 20, step: 1, inputmode: 'numeric', 'data-path': 'turns' });
  const seats = h('fieldset', { class: 'radios sed-seats' });
  const groups = h('div', { class: 'sed-groups' });
  const events = h('div', { class: 'sed-events' });
  const addEvent = h('select', { id: `${id}-ev` }, EVENT_DECK.map((e) => h('option', { value: e.id }, e.title)));
  const addTurn = h('input', { type: 'number', id: `${id}-ev-turn`, min: 1, max: 20, step: 1, value: 1, inputmode: 'numeric', class: 'num-in' });
  const addBtn = h('button', { type: 'button', class: 'ghost small' }, 'Schedule it');
  const problems = h('div', { class: 'sed-problems', role: 'status', 'aria-live': 'polite' });
  const warnings = h('div', { class: 'sed-warnings' });
  const changed = h('p', { class: 'hint', 'aria-live': 'polite' });

  /** The problems last shown: the list is redrawn (and read out) only when they change, not on every key. */
  let shown = '';
  const check = () => {
    if (!draft) return;
    const r = parseOwnScenario(draft);
    const errors = r.ok ? [] : r.errors;
    const d = draft;
    const words = (e: string) => problemInWords(e, (n) => EVENT_BY_ID.get(d.events[n - 1]?.eventId ?? '')?.title);
    for (const input of el.querySelectorAll<HTMLElement>('[data-path]')) {
      const path = input.dataset.path!;
      // A problem of this field (its value, range or source), or of a group it belongs to (shares that must sum to 1).
      const mine = errors.filter((e) => {
        const where = e.slice(0, e.indexOf(': '));
        return where === path || where.startsWith(`${path}.`) || path.startsWith(`${where}.`);
      });
      input.setAttribute('aria-invalid', String(mine.length > 0));
      const note = el.querySelector<HTMLElement>(`#${input.id}-err`);
      if (note) note.textContent = mine.map((e) => e.slice(e.indexOf(': ') + 2)).join(' ');
    }
    const now = errors.join('\n');
    if (now !== shown) {
      shown = now;
      fill(problems, errors.length === 0 ? null : [h('p', { class: 'hint bad' }, `Not playable yet: ${errors.length} problem${errors.length === 1 ? '' : 's'}.`), h('ul', { class: 'own-problems' }, errors.map((e) => h('li', {}, words(e))))]);
    }
    fill(warnings, ...thresholdWarnings(d).map((w) => h('p', { class: 'hint' }, w)));
    const own = base ? scenarioFigures(draft).filter((f) => f.figure.source === OWN_SOURCE).length : 0;
    changed.textContent = own ? `${own} figure${own === 1 ? '' : 's'} of your own (source “${OWN_SOURCE}”).` : 'No figure changed yet: every figure has its source.';
    onChange();
  };

  const renderFigures = () => {
    if (!draft || !base) return;
    const baseFigures = new Map(scenarioFigures(base).map((f) => [f.path.join('.'), f.figure]));
    const rows = scenarioFigures(draft).map((f) => {
      const path = f.path.join('.');
      const original = baseFigures.get(path) ?? f.figure;
      const inputId = `${id}-${path.replace(/\./g, '-')}`;
      const input = h('input', { type: 'number', step: 'any', value: f.figure.value, id: inputId, 'data-path': path, class: 'num-in sed-num', 'aria-describedby': `${inputId}-err ${inputId}-about` });
      const source = h('span', {}, sourceText(f.figure.source));
      input.addEventListener('input', () => {
        const v = Number(input.value);
        const fig = f.figure;
        if (input.value.trim() === '' || !Number.isFinite(v)) fig.value = Number.NaN;
        else fig.value = v;
        // Back at its starting value, a figure is the source's again.
        const own = fig.value !== original.value;
        fig.source = own ? OWN_SOURCE : original.source;
        source.textContent = sourceText(fig.source);
        check();
      });
      const range = f.figure.range ? `sourced range ${grouped(f.figure.range[0])}–${grouped(f.figure.range[1])}; ` : '';
      return h(
        'tr',
        {},
        h('th', { scope: 'row', class: 'sed-label' }, h('label', { for: input.id }, figureLabel(f.path)), h('span', { class: 'sed-row-problem', id: `${input.id}-err` }), h('span', { class: 'hint sed-about', id: `${input.id}-about` }, `${range}${f.unit}; source: `, source)),
        h('td', {}, input),
      );
    });
    const table = (caption: string, filter: (p: string) => boolean) =>
      h('table', { class: 'table compact sed-table' }, h('caption', {}, caption), h('tbody', {}, rows.filter((r) => filter((r.querySelector('input') as HTMLInputElement).dataset.path ?? ''))));
    fill(groups, table('Starting position', (p) => p.startsWith('start.')), table('Parameters (rates and thresholds for the whole match)', (p) => p.startsWith('params.')));
  };

  const renderEvents = () => {
    if (!draft) return;
    const d = draft;
    fill(
      events,
      d.events.length === 0
        ? h('p', { class: 'hint' }, 'No scheduled events (random ones may still be drawn, and Control can inject any card).')
        : h(
            'ul',
            { class: 'sed-event-list' },
            d.events.map((e, i) =>
              h(
                'li',
                {},
                `Quarter ${e.turn}: ${EVENT_BY_ID.get(e.eventId)?.title ?? e.eventId} `,
                h('button', { type: 'button', class: 'ghost small', id: `${id}-ev-${i}`, 'data-path': `events.#${i + 1}`, 'aria-label': `Remove ${EVENT_BY_ID.get(e.eventId)?.title ?? e.eventId} (quarter ${e.turn})`, onclick: () => { d.events.splice(i, 1); renderEvents(); check(); } }, 'Remove'),
              ),
            ),
          ),
    );
  };
  const addNote = h('p', { class: 'hint bad', role: 'status' });
  addBtn.addEventListener('click', () => {
    if (!draft) return;
    const turn = Number(addTurn.value);
    const last = Number.isInteger(draft.turns) ? draft.turns : 20;
    if (!Number.isInteger(turn) || turn < 1 || turn > last) {
      addNote.textContent = `Choose a quarter from 1 to ${last}, the scenario's last.`;
      addTurn.focus();
      return;
    }
    if (draft.events.some((e) => e.turn === turn && e.eventId === addEvent.value)) {
      addNote.textContent = `${EVENT_BY_ID.get(addEvent.value)?.title ?? addEvent.value} is already scheduled in quarter ${turn}.`;
      return;
    }
    addNote.textContent = '';
    draft.events = [...draft.events, { turn, eventId: addEvent.value }].sort((a, b) => a.turn - b.turn);
    renderEvents();
    check();
  });

  const renderSeats = () => {
    if (!draft) return;
    const d = draft;
    fill(
      seats,
      h('legend', {}, 'Seats in play (bots play the rest as the scenario’s posture says; the US and China are always in play)'),
      SEATS.map((seat) => {
        const box = h('input', { type: 'checkbox', id: `${id}-seat-${seat}`, checked: d.seatsInPlay.includes(seat), disabled: seat === 'US' || seat === 'CN' });
        box.addEventListener('change', () => {
          d.seatsInPlay = SEATS.filter((x) => (x === seat ? box.checked : d.seatsInPlay.includes(x)));
          check();
        });
        return h('div', { class: 'check' }, box, h('label', { for: box.id }, SEAT_INFO[seat].name));
      }),
    );
  };

  name.addEventListener('input', () => {
    if (!draft) return;
    draft.name = name.value.trim();
    if (!idTouched) scnId.value = draft.id = slug(draft.name);
    check();
  });
  scnId.addEventListener('input', () => {
    if (!draft) return;
    idTouched = true;
    draft.id = scnId.value.trim();
    check();
  });
  desc.addEventListener('input', () => {
    if (!draft) return;
    draft.description = desc.value.trim();
    check();
  });
  quarters.addEventListener('input', () => {
    if (!draft) return;
    draft.turns = quarters.value.trim() === '' ? Number.NaN : Number(quarters.value);
    check();
  });

  const field = (label: string, control: HTMLElement, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null);
  const el: HTMLElement = h(
    'div',
    { class: 'sed' },
    field('Name', name),
    field('Id', scnId, 'Lower-case letters, digits and dashes; made from the name unless you change it.'),
    field('Description (players read it in the lobby)', desc),
    field('Quarters the scenario plays', quarters),
    seats,
    h(
      'fieldset',
      { class: 'sed-scheduled' },
      h('legend', {}, 'Scheduled events'),
      events,
      h('div', { class: 'row inline' }, h('div', { class: 'field' }, h('label', { for: addEvent.id }, 'Event'), addEvent), h('div', { class: 'field narrow' }, h('label', { for: addTurn.id }, 'In quarter'), addTurn), addBtn),
      addNote,
    ),
    changed,
    warnings,
    problems,
    groups,
  );

  // Enter in a field of the editor must not submit the create form around it.
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  });

  return {
    el,
    load(s, newId, from = s) {
      base = structuredClone(from);
      draft = structuredClone(s);
      idTouched = newId === undefined;
      if (newId !== undefined) draft.id = newId;
      name.value = draft.name;
      scnId.value = draft.id;
      desc.value = draft.description;
      quarters.value = String(draft.turns);
      renderSeats();
      renderEvents();
      renderFigures();
      check();
    },
    result: () => (draft ? parseOwnScenario(draft) : { ok: false, errors: ['(root): choose a scenario to start from'] }),
    draft: () => structuredClone(draft!),
  };
}

/** Figures a facilitator may set on purpose but should know the meaning of: a start already past a threshold. */
function thresholdWarnings(s: Scenario): string[] {
  const out: string[] = [];
  const t = s.start.tension.value;
  const crisis = s.params.straitCrisisThreshold.value;
  if (t >= crisis) out.push(`Tension starts at ${t}, at or above the Strait crisis threshold (${crisis}): a crisis can be rolled from the first quarter.`);
  const m = s.start.misuse.value;
  const catastrophe = s.params.misuseCatastropheThreshold.value;
  if (m >= catastrophe) out.push(`Misuse risk starts at ${m}, at or above the catastrophe threshold (${catastrophe}): a catastrophe can be rolled from the first quarter.`);
  return out;
}
