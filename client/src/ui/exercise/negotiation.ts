import { h, fill } from '../../dom.js';
import { exercise } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { agreementsPanel } from './agreements.js';
import { chatPanel } from './chat.js';
import { noticeList } from './widgets.js';

/** A seat's negotiation: chat channels (public, bilateral, team) and formal agreement proposals. */
export function negotiationPanel(): { el: HTMLElement; update(s: AppState): void } {
  const chat = chatPanel({ heading: 'Chat', headingLevel: 'h3' });
  const agreements = agreementsPanel({ headingLevel: 'h3' });
  // Notices from the table: Control's actions (with their reasons) and agreements reached.
  const notices = h('div', { class: 'table-notices', 'data-testid': 'table-notices' });
  const el = h(
    'section',
    { class: 'panel negotiation', 'aria-labelledby': 'neg-h', 'data-testid': 'negotiation' },
    h('h2', { id: 'neg-h' }, 'Negotiation'),
    h('h3', {}, 'From the table'),
    notices,
    chat.el,
    agreements.el,
  );
  let key = '';
  return {
    el,
    update(s) {
      chat.update(s);
      agreements.update(s);
      const ns = exercise().notices;
      const k = `${ns.length}:${ns.at(-1)?.id}`;
      if (k !== key) {
        key = k;
        fill(notices, noticeList(ns, 4));
      }
    },
  };
}
