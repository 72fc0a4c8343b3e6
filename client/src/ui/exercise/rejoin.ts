import { h } from '../../dom.js';
import { joinMatch } from '../../net/connection.js';
import { controlKeyFor, controlledMatches, forgetControlKey } from '../../net/controlKey.js';
import { savedName } from '../../prefs.js';

/** On the home page: exercises this browser runs as Control (keys kept on this machine only). */
export function controlRejoin(): HTMLElement | null {
  const list = controlledMatches().slice(0, 5);
  if (list.length === 0) return null;
  const ul = h('ul', { class: 'plain control-rejoin' });
  const el = h('section', { class: 'card', 'aria-labelledby': 'ctl-rejoin-h' }, h('h2', { id: 'ctl-rejoin-h' }, 'Your exercises as Control'), h('p', { class: 'hint' }, 'Control keys are kept in this browser only.'), ul);
  for (const m of list) {
    const li = h(
      'li',
      { class: 'row inline' },
      h('span', { class: 'mono' }, m.code),
      h('span', { class: 'hint' }, new Date(m.at).toLocaleString()),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          onclick: () => {
            const key = controlKeyFor(m.code);
            if (key) void joinMatch(m.code, { role: 'facilitator', key, name: savedName() || 'Control' });
          },
        },
        'Rejoin as Control',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'small ghost',
          'aria-label': `Forget ${m.code}`,
          onclick: () => {
            forgetControlKey(m.code);
            li.remove();
            if (!ul.childElementCount) el.remove();
          },
        },
        'Forget',
      ),
    );
    ul.append(li);
  }
  return el;
}
