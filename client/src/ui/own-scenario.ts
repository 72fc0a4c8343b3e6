import { BUILTIN_SCENARIOS, EVENT_DECK, OWN_SCENARIO_MAX_CHARS, OWN_SOURCE, SOURCES, parseOwnScenarioText, type Scenario } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';

/** The problems shown of a file that does not parse; the rest are counted. */
const SHOWN = 12;

export type OwnScenarioField = {
  el: HTMLElement;
  /** The file's scenario once it has been read and checked; null before, or while it has problems. */
  scenario(): Scenario | null;
  /** Creating was asked for without a playable file: say what is missing and focus the picker. */
  demand(): void;
};

/** The baseline as a file to start from, under an id and a description of the facilitator's own. */
function template(): string {
  const base = BUILTIN_SCENARIOS[0];
  const start = { ...base, id: 'my-scenario', name: `My scenario (from ${base.name})`, description: `Say here what differs from ${base.name}; players read this in the lobby.` };
  return JSON.stringify(start, null, 2);
}

/** What a facilitator needs to write a file: the figure format, and the ids sources and events go by. */
function formatHelp(): HTMLElement {
  return h(
    'details',
    { class: 'own-help' },
    h('summary', {}, 'The scenario format: figures, sources and event ids'),
    h(
      'p',
      { class: 'hint' },
      'Every figure is written {"value": 0.45, "source": "…"} with the id of its source, or "',
      OWN_SOURCE,
      '" for an assumption of your own. Growth factors are per quarter (1.45 a quarter is about 4.4× a year). Scheduled events go in "events" as {"turn": 2, "eventId": "…"}, turn 1 being the first quarter played.',
    ),
    h('h4', {}, 'Source ids'),
    h('ul', { class: 'own-ids' }, (SOURCES as { id: string; label: string }[]).map((s) => h('li', {}, h('code', {}, s.id), ` — ${s.label}`))),
    h('h4', {}, 'Event ids'),
    h('ul', { class: 'own-ids' }, EVENT_DECK.map((e) => h('li', {}, h('code', {}, e.id), ` — ${e.title}`))),
  );
}

/**
 * A facilitator's own scenario file for a new match (the format of docs/MODEL.md §6). It is read and
 * checked here, in the browser, so problems are listed by field before anything is sent; the server
 * checks it again.
 */
export function ownScenarioField(onChange: (s: Scenario | null) => void): OwnScenarioField {
  const id = uid('own');
  const input = h('input', { type: 'file', id, accept: '.json,application/json', 'aria-describedby': `${id}-status` });
  const status = h('div', { id: `${id}-status`, class: 'own-status', 'aria-live': 'polite' });
  let current: Scenario | null = null;
  /** The last file read, playable or not (its name is kept: the picker is emptied when it opens again). */
  let read: { name: string; ok: boolean } | null = null;
  const hintText = 'A JSON file in the scenario format: start from the file below and give it an id of its own. Everyone in the match sees its figures.';
  fill(status, h('p', { class: 'hint' }, hintText));

  const set = (s: Scenario | null) => {
    current = s;
    onChange(s);
  };
  const refuse = (name: string, ...body: HTMLElement[]) => {
    set(null);
    read = { name, ok: false };
    fill(status, h('div', { role: 'alert' }, ...body));
  };

  // Emptied as the picker opens, so that choosing the same file again after editing it reads it again.
  input.addEventListener('click', () => (input.value = ''));
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    // A file many times a scenario's size is not one; do not read it all.
    if (file.size > 4 * OWN_SCENARIO_MAX_CHARS) {
      refuse(file.name, h('p', { class: 'hint bad' }, `${file.name} is ${Math.ceil(file.size / 1024)} kB: too large to be a scenario (at most ${OWN_SCENARIO_MAX_CHARS / 1024} kB without its spacing).`));
      return;
    }
    const r = parseOwnScenarioText(await file.text());
    if (!r.ok) {
      refuse(
        file.name,
        h('p', { class: 'hint bad' }, `${file.name} cannot be played: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}. Fix ${r.errors.length === 1 ? 'it' : 'them'} in the file, then choose it again.`),
        h('ul', { class: 'own-problems' }, r.errors.slice(0, SHOWN).map((e) => h('li', {}, e))),
        r.errors.length > SHOWN ? h('p', { class: 'hint' }, `…and ${r.errors.length - SHOWN} more.`) : h('span', {}),
      );
      return;
    }
    set(r.scenario);
    read = { name: file.name, ok: true };
    fill(status, h('p', { class: 'hint' }, `${file.name}: `, h('strong', {}, r.scenario.name), ` (${r.scenario.id}, ${r.scenario.turns} quarters from ${r.scenario.startYear} Q${r.scenario.startQuarter}). ${r.scenario.description}`));
  });

  const download = h('a', { href: '#', download: 'my-scenario.json', class: 'own-template' }, `Download ${BUILTIN_SCENARIOS[0].name} as a file to start from`);
  download.addEventListener('click', () => {
    if (download.getAttribute('href') === '#') download.setAttribute('href', URL.createObjectURL(new Blob([template()], { type: 'application/json' })));
  });
  const el = h('div', { class: 'field own-scenario' }, h('label', { for: id }, 'Scenario file'), input, status, h('p', { class: 'hint' }, download), formatHelp());
  return {
    el,
    scenario: () => current,
    demand() {
      // A file with problems keeps its list: the facilitator needs it to fix the file.
      if (read && !read.ok) {
        const note = status.querySelector('.hint.bad');
        if (note) note.textContent = `${read.name} cannot be played yet: fix the problems below in the file and choose it again, or pick a built-in scenario.`;
      } else {
        fill(status, h('p', { class: 'hint bad', role: 'alert' }, 'Choose a scenario file first, or pick a built-in scenario.'));
      }
      input.focus();
    },
  };
}
