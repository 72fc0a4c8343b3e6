import { h } from '../../dom.js';
import type { AppState } from '../../store.js';
import { agreementsPanel } from './agreements.js';
import { chatPanel } from './chat.js';

/** A seat's negotiation: chat channels (public, bilateral, team) and formal agreement proposals. */
export function negotiationPanel(): { el: HTMLElement; update(s: AppState): void } {
  const chat = chatPanel({ heading: 'Chat', headingLevel: 'h3' });
  const agreements = agreementsPanel({ headingLevel: 'h3' });
  const el = h('section', { class: 'panel negotiation', 'aria-labelledby': 'neg-h', 'data-testid': 'negotiation' }, h('h2', { id: 'neg-h' }, 'Negotiation'), chat.el, agreements.el);
  return {
    el,
    update(s) {
      chat.update(s);
      agreements.update(s);
    },
  };
}
