import { BUILTIN_SCENARIOS, EVENT_DECK, OWN_SCENARIO_MAX_CHARS, OWN_SOURCE, SOURCES, parseOwnScenarioText, type Scenario } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';
import { scenarioEditor } from './scenario-editor.js';

/** The problems shown of a file that does not parse; the rest are counted. */
const SHOWN = 12;

export type OwnScenarioField = {
  el: HTMLElement;
  /** The scenario as edited (from a built-in or a file), once it checks; null while it has problems. */
  scenario(): Scenario | null;
  /** Creating was asked for without a playable scenario: say what is wrong and focus where to fix it. */
  demand(): void;
};

/** What a facilitator needs to write a file: the figure format, and the ids sources and events go by. */
function formatHelp(): HTMLElement {
  return h(
    'details',
    { class: 'own-help' },
    h('summary', {}, 'The file format: figures, sources and event ids'),
    h(
      'p',
      { class: 'hint' },
      'A file is the JSON this form downloads. Every figure is written {"value": 0.45, "source": "…"} with the id of its source, or "',
      OWN_SOURCE,
      '" for an assumption of your own. Growth factors are per quarter (1.45 a quarter is about 4.4× a year). Scheduled events (at most 50) go in "events" as {"turn": 2, "eventId": "…"}, turn 1 being the first quarter played. An id takes at most 64 characters, a name 80, a description 600.',
    ),
    h('h4', {}, 'Source ids'),
    h('ul', { class: 'own-ids' }, SOURCES.map((s) => h('li', {}, h('code', {}, s.id), ` — ${s.label}`))),
    h('h4', {}, 'Event ids'),
    h('ul', { class: 'own-ids' }, EVENT_DECK.map((e) => h('li', {}, h('code', {}, e.id), ` — ${e.title}`))),
  );
}

/**
 * A scenario of the facilitator's own for a new match: a built-in one with figures changed in the form,
 * or a file (docs/MODEL.md §6), itself shown in the form to adjust. Everything is checked here, in the
 * browser, and problems listed by field before anything is sent; the server checks it again.
 */
export function ownScenarioField(onChange: (s: Scenario | null) => void): OwnScenarioField {
  const id = uid('own');
  const editor = scenarioEditor(() => {
    // Using the form again: what it holds is what plays, not the refused file; an offer to bring back
    // set-aside changes lapses (taking it would replace what is typed now).
    if (fileProblem || offering) {
      fill(status);
      input.value = '';
    }
    fileProblem = null;
    offering = false;
    onChange(current());
  });
  // "" while the form holds a file, so that choosing any built-in (the first too) starts from it again.
  const startFrom = h('select', { id: `${id}-from` }, h('option', { value: '', disabled: true, hidden: true }, 'Your file'), BUILTIN_SCENARIOS.map((s) => h('option', { value: s.id }, s.name)));
  const input = h('input', { type: 'file', id, accept: '.json,application/json', 'aria-describedby': `${id}-status` });
  const status = h('div', { id: `${id}-status`, class: 'own-status', 'aria-live': 'polite' });
  /** The name of a file just refused: until the form is used again, nothing is played. */
  let fileProblem: string | null = null;
  const current = (): Scenario | null => {
    if (fileProblem) return null;
    const r = editor.result();
    return r.ok ? r.scenario : null;
  };

  /** What the form was loaded with (a built-in, adjusted, or a file): changes are told from it. */
  let origin: { base: Scenario; json: string } | null = null;
  const loaded = () => {
    const d = editor.draft();
    origin = { base: d, json: JSON.stringify(d) };
  };
  /** The status shows the offer to bring changes back: using the form again withdraws it. */
  let offering = false;
  const fromBuiltin = () => {
    const s = BUILTIN_SCENARIOS.find((x) => x.id === startFrom.value) ?? BUILTIN_SCENARIOS[0];
    const draft = origin ? editor.draft() : null;
    const setAside = draft && origin && JSON.stringify(draft) !== origin.json ? { draft, origin } : null;
    startFrom.value = s.id;
    const adjusted = { ...s, name: `${s.name} (adjusted)` };
    editor.load(adjusted, `${s.id}-adjusted`);
    loaded();
    input.value = '';
    fileProblem = null;
    // Changes are not lost to a mistaken choice: until the form is used again, they can be brought back.
    if (setAside) {
      const back = h('button', { type: 'button', class: 'ghost small' }, 'Bring them back');
      back.addEventListener('click', () => {
        editor.load(setAside.draft, undefined, setAside.origin.base);
        origin = setAside.origin;
        startFrom.value = '';
        offering = false;
        fill(status, h('p', { class: 'hint' }, `Your changes to ${setAside.draft.name || 'the scenario'} are back.`));
        onChange(current());
      });
      fill(status, h('p', { class: 'hint' }, `Started again from ${s.name}; your changes to ${setAside.draft.name || 'the scenario'} were set aside. `, back));
      offering = true;
    } else fill(status);
    onChange(current());
  };
  startFrom.addEventListener('change', fromBuiltin);

  // Emptied as the picker opens, so that choosing the same file again after editing it reads it again.
  input.addEventListener('click', () => (input.value = ''));
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const refuse = (...body: HTMLElement[]) => {
      fileProblem = file.name;
      fill(status, h('div', { role: 'alert' }, ...body));
      onChange(null);
    };
    // A file many times a scenario's size is not one; do not read it all.
    if (file.size > 4 * OWN_SCENARIO_MAX_CHARS) {
      refuse(h('p', { class: 'hint bad' }, `${file.name} is ${Math.ceil(file.size / 1024)} kB: too large to be a scenario (at most ${OWN_SCENARIO_MAX_CHARS / 1024} kB without its spacing).`));
      return;
    }
    const r = parseOwnScenarioText(await file.text());
    if (!r.ok) {
      refuse(
        h('p', { class: 'hint bad' }, `${file.name} cannot be played: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}. Fix ${r.errors.length === 1 ? 'it' : 'them'} in the file, then choose it again.`),
        h('ul', { class: 'own-problems' }, r.errors.slice(0, SHOWN).map((e) => h('li', {}, e))),
        r.errors.length > SHOWN ? h('p', { class: 'hint' }, `…and ${r.errors.length - SHOWN} more.`) : h('span', {}),
      );
      return;
    }
    // Cleared first: loading the form counts as using it, which would empty the picker of this file.
    fileProblem = null;
    offering = false;
    editor.load(r.scenario);
    loaded();
    startFrom.value = '';
    fill(status, h('p', { class: 'hint' }, `${file.name}: `, h('strong', {}, r.scenario.name), ` (${r.scenario.id}, ${r.scenario.turns} quarters from ${r.scenario.startYear} Q${r.scenario.startQuarter}), loaded below.`));
    onChange(current());
  });

  const download = h('button', { type: 'button', class: 'ghost small' }, 'Download as a file');
  download.addEventListener('click', () => {
    const s = editor.draft();
    const a = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(s, null, 2)], { type: 'application/json' })), download: `${s.id || 'my-scenario'}.json` });
    document.body.append(a);
    a.click();
    a.remove();
  });

  const el = h(
    'div',
    { class: 'own-scenario' },
    h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: startFrom.id }, 'Start from'), startFrom), h('div', { class: 'field' }, h('label', { for: id }, 'Or load a scenario file'), input)),
    status,
    h('details', { class: 'own-edit', open: true }, h('summary', {}, 'Your scenario: name, length, seats and figures'), editor.el, h('div', { class: 'btn-row' }, download)),
    formatHelp(),
  );
  fromBuiltin();
  return {
    el,
    scenario: current,
    demand() {
      if (fileProblem) {
        const note = status.querySelector('.hint.bad');
        if (note) note.textContent = `${fileProblem} cannot be played yet: fix the problems below in the file and choose it again, start from a built-in scenario, or pick one above.`;
        input.focus();
        return;
      }
      const details = el.querySelector<HTMLDetailsElement>('details.own-edit');
      if (details) details.open = true;
      el.querySelector<HTMLElement>('.sed-problems')?.scrollIntoView({ block: 'nearest' });
      el.querySelector<HTMLElement>('[data-path][aria-invalid="true"]')?.focus();
    },
  };
}
