import { BUILTIN_SCENARIOS, OWN_SCENARIO_MAX_CHARS, parseOwnScenarioText, type Scenario } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';

/** The problems shown of a file that does not parse; the rest are counted. */
const SHOWN = 12;

export type OwnScenarioField = {
  el: HTMLElement;
  /** The file's scenario once it has been read and checked; null before, or while it has problems. */
  scenario(): Scenario | null;
  /** Ask for a file: focus the picker and say why. */
  demand(): void;
};

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
  const hintText = 'A JSON file in the scenario format (docs/MODEL.md §6: start from a built-in scenario, give it an id of its own). Everyone in the match sees its figures.';
  fill(status, h('p', { class: 'hint' }, hintText));

  const set = (s: Scenario | null) => {
    current = s;
    onChange(s);
  };

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) {
      set(null);
      fill(status, h('p', { class: 'hint' }, hintText));
      return;
    }
    // A file many times a scenario's size is not one; do not read it all.
    if (file.size > 4 * OWN_SCENARIO_MAX_CHARS) {
      set(null);
      fill(status, h('p', { class: 'hint bad', role: 'alert' }, `${file.name} is ${Math.ceil(file.size / 1024)} kB: a scenario file is at most ${OWN_SCENARIO_MAX_CHARS / 1024} kB.`));
      return;
    }
    const r = parseOwnScenarioText(await file.text());
    if (input.files?.[0] !== file) return;
    if (!r.ok) {
      set(null);
      fill(
        status,
        h('div', { role: 'alert' }, h('p', { class: 'hint bad' }, `${file.name} cannot be played: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}.`), h('ul', { class: 'own-problems' }, r.errors.slice(0, SHOWN).map((e) => h('li', {}, e))), r.errors.length > SHOWN ? h('p', { class: 'hint' }, `…and ${r.errors.length - SHOWN} more.`) : null),
      );
      return;
    }
    set(r.scenario);
    fill(status, h('p', { class: 'hint' }, h('strong', {}, r.scenario.name), ` (${r.scenario.id}, ${r.scenario.turns} quarters from ${r.scenario.startYear} Q${r.scenario.startQuarter}). ${r.scenario.description}`));
  });

  // A built-in scenario as a file to start from.
  const template = h('a', { href: '#', download: 'my-scenario.json', class: 'own-template' }, `Download ${BUILTIN_SCENARIOS[0].name} as a file to start from`);
  template.addEventListener('click', () => {
    if (template.getAttribute('href') !== '#') return;
    const start = { ...BUILTIN_SCENARIOS[0], id: 'my-scenario', name: `My scenario (from ${BUILTIN_SCENARIOS[0].name})` };
    template.setAttribute('href', URL.createObjectURL(new Blob([JSON.stringify(start, null, 2)], { type: 'application/json' })));
  });
  const el = h('div', { class: 'field own-scenario' }, h('label', { for: id }, 'Scenario file'), input, status, h('p', { class: 'hint' }, template));
  return {
    el,
    scenario: () => current,
    demand() {
      fill(status, h('p', { class: 'hint bad', role: 'alert' }, 'Choose a scenario file first, or pick a built-in scenario.'));
      input.focus();
    },
  };
}
