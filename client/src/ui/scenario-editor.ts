import { BLOCS, EVENT_BY_ID, EVENT_DECK, OWN_SOURCE, REGIONS, REGION_NAME, SEATS, SEAT_INFO, parseOwnScenario, scenarioFigures, type Scenario, type ScenarioResult, type SeatId } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';

/** "smuggledBasePerQuarter" → "Smuggled base per quarter". */
function words(key: string): string {
  const w = key.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const BLOC_NAME: Record<(typeof BLOCS)[number], string> = { US: 'United States', CN: 'China', ALLIES: 'Allies', HUB: 'Compute hubs' };
const START_LABEL: Record<string, string> = {
  leadMonths: 'US lead over the PRC (months)',
  globalStock: 'World AI compute (H100-equivalents)',
  tension: 'Tension (0–100)',
  cooperation: 'Cooperation (0–100)',
  misuse: 'Misuse risk',
  smeAccess: 'PRC access to chipmaking tools',
  hbmAccess: 'PRC access to high-bandwidth memory',
  domesticYield: 'PRC domestic chip yield',
};

/** A figure's name as a facilitator reads it. */
export function figureLabel(path: readonly string[]): string {
  const [part, key, sub] = path;
  if (part === 'params') return words(key);
  if (sub === undefined) return START_LABEL[key] ?? words(key);
  if (key === 'stockShare') return `Share of world compute: ${BLOC_NAME[sub as (typeof BLOCS)[number]] ?? sub}`;
  if (key === 'cnInflow') return `PRC compute gained in the past year: ${sub}`;
  if (key === 'adoptionDemocratic') return `Democratic stacks' share: ${REGION_NAME[sub as (typeof REGIONS)[number]] ?? sub}`;
  if (key === 'safety') return `Safety practice: ${SEAT_INFO[sub as SeatId]?.short ?? sub}`;
  return `${words(key)}: ${sub}`;
}

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
  /** Start again from this scenario (a built-in one, or a file just read). */
  load(s: Scenario, id?: string): void;
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
  const desc = h('textarea', { id: `${id}-desc`, rows: 2, maxlength: 600, 'data-path': 'description' });
  const quarters = h('input', { type: 'number', id: `${id}-turns`, min: 1, max: 20, step: 1, inputmode: 'numeric', 'data-path': 'turns' });
  const seats = h('fieldset', { class: 'radios sed-seats' });
  const groups = h('div', { class: 'sed-groups' });
  const events = h('div', { class: 'sed-events' });
  const addEvent = h('select', { id: `${id}-ev` }, EVENT_DECK.map((e) => h('option', { value: e.id }, e.title)));
  const addTurn = h('input', { type: 'number', id: `${id}-ev-turn`, min: 1, max: 20, step: 1, value: 1, inputmode: 'numeric', class: 'num-in' });
  const addBtn = h('button', { type: 'button', class: 'ghost small' }, 'Schedule it');
  const problems = h('div', { class: 'sed-problems', role: 'status', 'aria-live': 'polite' });
  const changed = h('p', { class: 'hint', 'aria-live': 'polite' });

  /** The problems last shown: the list is redrawn (and read out) only when they change, not on every key. */
  let shown = '';
  const check = () => {
    if (!draft) return;
    const r = parseOwnScenario(draft);
    const errors = r.ok ? [] : r.errors;
    for (const input of el.querySelectorAll<HTMLElement>('[data-path]')) {
      const path = input.dataset.path!;
      input.setAttribute('aria-invalid', String(errors.some((e) => e.startsWith(`${path}.value:`) || e.startsWith(`${path}:`) || e.startsWith(`${path}.#`))));
    }
    const now = errors.join('\n');
    if (now !== shown) {
      shown = now;
      fill(problems, errors.length === 0 ? null : [h('p', { class: 'hint bad' }, `Not playable yet: ${errors.length} problem${errors.length === 1 ? '' : 's'}.`), h('ul', { class: 'own-problems' }, errors.map((e) => h('li', {}, e)))]);
    }
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
      const input = h('input', { type: 'number', step: 'any', value: f.figure.value, id: `${id}-${path.replace(/\./g, '-')}`, 'data-path': path, class: 'num-in', 'aria-describedby': `${id}-${path.replace(/\./g, '-')}-about` });
      const source = h('span', {}, f.figure.source === OWN_SOURCE ? 'your figure' : f.figure.source);
      input.addEventListener('input', () => {
        const v = Number(input.value);
        const fig = f.figure;
        if (input.value.trim() === '' || !Number.isFinite(v)) fig.value = Number.NaN;
        else fig.value = v;
        // Back at its starting value, a figure is the source's again.
        const own = fig.value !== original.value;
        fig.source = own ? OWN_SOURCE : original.source;
        source.textContent = own ? 'your figure' : original.source;
        check();
      });
      const range = f.figure.range ? `sourced range ${f.figure.range[0]}–${f.figure.range[1]}; ` : '';
      return h(
        'tr',
        {},
        h('th', { scope: 'row', class: 'sed-label' }, h('label', { for: input.id }, figureLabel(f.path)), h('span', { class: 'hint sed-about', id: `${input.id}-about` }, `${range}${f.unit}; source: `, source)),
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
                h('button', { type: 'button', class: 'ghost small', 'aria-label': `Remove ${EVENT_BY_ID.get(e.eventId)?.title ?? e.eventId} (quarter ${e.turn})`, onclick: () => { d.events.splice(i, 1); renderEvents(); check(); } }, 'Remove'),
              ),
            ),
          ),
    );
  };
  addBtn.addEventListener('click', () => {
    if (!draft) return;
    draft.events = [...draft.events, { turn: Number(addTurn.value), eventId: addEvent.value }].sort((a, b) => a.turn - b.turn);
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
    draft.turns = Number(quarters.value);
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
    ),
    changed,
    problems,
    groups,
  );

  // Enter in a field of the editor must not submit the create form around it.
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  });

  return {
    el,
    load(s, newId) {
      base = structuredClone(s);
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
