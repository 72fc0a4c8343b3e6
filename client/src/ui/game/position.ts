import { INTEL_INPUTS, K, LEVER_BY_ID, LEVERS, SEAT_INFO, type LeverDef, type LeverId, type SeatId, type SeatView } from '../../../../shared/index.js';
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
          h('dt', {}, 'Intelligence level', h('span', { class: 'lever-kind' }, intelNote(seat))),
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
            levers.map((l) => leverRow(l, sv)),
          ),
        ),
        levers.some((l) => l.kind === 'campaign') ? h('p', { class: 'hint' }, campaignNote(sv.turn)) : null,
        objectivesBlock(sv),
      );
    },
  };
}

/** Said once under the table: a campaign's level shown is not in effect now. */
function campaignNote(turn: number): string {
  const shown = turn === 0 ? 'the scenario’s opening level' : 'last quarter’s';
  return `A campaign lasts one quarter: the level shown is ${shown}, not in effect now. This quarter’s orders set it again from 0%.`;
}

/**
 * One lever's row. A campaign's level is the one it ran at last quarter (the model keeps it for the bots
 * to read); the resolution resets it to 0% before this quarter's orders set it, so it is labelled as past.
 */
function leverRow(l: LeverDef, sv: SeatView): HTMLElement {
  const v = sv.levers[l.id as LeverId] ?? 0;
  const past = l.kind === 'campaign';
  const when = sv.turn === 0 ? 'opening' : 'last quarter';
  return h(
    'tr',
    { class: past ? 'lever-past' : null },
    h('th', { scope: 'row' }, l.label, h('span', { class: 'lever-kind' }, past ? 'campaign — set by this quarter’s orders only' : 'policy — persists')),
    h('td', { class: 'num' }, h('span', { class: 'minibar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(v * 100)}%` })), pct(v), past ? h('span', { class: 'lever-when' }, when) : null),
  );
}


/**
 * What the intelligence level is, so it does not read as the "Intelligence collection" lever: how sharp
 * the seat's estimates of others are, set at each resolution from a base and the levers that feed it.
 */
function intelNote(seat: SeatId): string {
  const whose = (lever: LeverId) => (LEVER_BY_ID[lever].seat === seat ? 'your' : `${SEAT_INFO[LEVER_BY_ID[lever].seat].short}’s`);
  const from = (INTEL_INPUTS[seat] ?? []).map((x) => `up to ${pct(x.adds)} from ${whose(x.lever)} “${LEVER_BY_ID[x.lever].label}”`);
  return `How sharp your estimates of others are${from.length ? `: ${pct(K.intelBase)} base, plus ${from.join(' and ')}, as they ran last quarter` : ''}.`;
}
