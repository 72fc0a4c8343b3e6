import { SEAT_INFO } from '../../../shared/index.js';
import { h } from '../dom.js';
import { abandonSaved, resumeSaved } from '../net/connection.js';
import { loadSession } from '../net/session.js';

/**
 * On the home page: the match this tab was last in, when the home page was opened on purpose (its address
 * typed, or a link to another match followed) rather than by leaving it. Returning resumes the seat.
 */
export function lastMatchCard(): HTMLElement | null {
  const saved = loadSession();
  if (!saved) return null;
  const j = saved.join;
  const as = j?.role === 'facilitator' ? ', as Control' : j?.role === 'spectator' ? ', watching' : j?.seat ? `, as ${SEAT_INFO[j.seat].short}` : '';
  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': 'last-match-h' },
    h('h2', { id: 'last-match-h' }, 'Your last match'),
    h('p', { class: 'hint' }, `This tab was in match ${saved.code}${as}. Return to take up where you left off, or leave it: its bot then plays your seat.`),
  );
  el.append(
    h(
      'div',
      { class: 'row inline' },
      h('button', { type: 'button', onclick: () => void resumeSaved() }, `Return to ${saved.code}`),
      h(
        'button',
        {
          type: 'button',
          class: 'ghost',
          'aria-label': `Leave match ${saved.code}`,
          onclick: async (e: Event) => {
            const btn = e.currentTarget as HTMLButtonElement;
            btn.disabled = true;
            btn.textContent = 'Leaving…';
            await abandonSaved();
            el.remove();
          },
        },
        'Leave it',
      ),
    ),
  );
  return el;
}
