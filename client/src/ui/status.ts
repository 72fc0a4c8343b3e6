import { h } from '../dom.js';
import type { ConnStatus } from '../store.js';
import { retryReconnect } from '../net/connection.js';

const LABEL: Record<ConnStatus, string> = {
  offline: 'Offline',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  lost: 'Connection lost',
  archived: 'Match over · from the record',
};

/** The connection indicator: a dot plus words, and a retry button once reconnection gives up. */
export function connectionBadge(): { el: HTMLElement; update(status: ConnStatus): void } {
  const dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
  const label = h('span', {});
  const retry = h('button', { type: 'button', class: 'small', hidden: true, onclick: () => retryReconnect() }, 'Retry');
  const el = h('div', { class: 'conn', role: 'status', 'aria-live': 'polite' }, dot, label, retry);
  return {
    el,
    update(status) {
      el.dataset.status = status;
      label.textContent = LABEL[status];
      retry.hidden = status !== 'lost';
    },
  };
}
