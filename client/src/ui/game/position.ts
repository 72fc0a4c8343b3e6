import { LEVERS, SEAT_INFO, type LeverId } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { pct } from '../../format.js';
import type { AppState } from '../../store.js';
import { objectivesBlock } from './objectives.js';

/** The seat's own, exact position: resources, income, policy levers, for labs capability and safety, and how the seat is scored. */
export function positionPanel(): { el: HTMLElement; update(s: AppState): void } {
  const body = h('div', {});
  const el = h('section', { class: 'panel panel-position', 'aria-labelledby': 'pos-h' }, h('h2', { id: 'pos-h' }, 'Your position'), body);
  let key = '';
  return {
    el,
    update(s) {
      const sv = s.seatView;
      const seat = s.you?.seat;
      const k = JSON.stringify([sv, seat, s.you?.role]);
      if (k === key) return;
      key = k;
      if (!seat || !sv) {
        const why = s.you?.role === 'spectator' ? 'You are watching: no seat, no private figures.' : !seat ? 'You hold no seat yet: take a free one, or join a held one as a teammate, from the orders panel.' : 'Waiting for your seat’s briefing…';
        fill(body, h('p', { class: 'hint' }, why));
        return;
      }
      const info = SEAT_INFO[seat];
      const levers = LEVERS.filter((l) => l.seat === seat);
      fill(
        body,
        h('p', { class: 'seat-line' }, h('strong', {}, info.name), ' ', h('span', { class: 'badge exact' }, 'exact')),
        h(
          'dl',
          { class: 'kv' },
          h('dt', {}, `Resources (${info.currency})`),
          h('dd', { 'data-testid': 'resources' }, String(sv.resources)),
          h('dt', {}, 'Income per quarter'),
          h('dd', {}, `+${sv.income}`),
          h('dt', {}, 'Intelligence effort'),
          h('dd', {}, pct(sv.intel)),
          sv.ownCapability !== null ? [h('dt', {}, 'Frontier capability'), h('dd', {}, `${sv.ownCapability.toFixed(2)} doublings`)] : null,
          sv.ownSafety !== null ? [h('dt', {}, 'Safety practice'), h('dd', {}, pct(sv.ownSafety))] : null,
        ),
        h(
          'table',
          { class: 'table levers' },
          h('caption', {}, 'Your policy levers (0–100%)'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Lever'), h('th', { scope: 'col', class: 'num' }, 'Level'))),
          h(
            'tbody',
            {},
            levers.map((l) => {
              const v = sv.levers[l.id as LeverId] ?? 0;
              return h(
                'tr',
                {},
                h('th', { scope: 'row' }, l.label, h('span', { class: 'lever-kind' }, l.kind === 'policy' ? 'policy — persists' : 'campaign — this quarter only')),
                h('td', { class: 'num' }, h('span', { class: 'minibar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(v * 100)}%` })), pct(v)),
              );
            }),
          ),
        ),
        objectivesBlock(sv),
      );
    },
  };
}
