import { OBJECTIVES, type SeatView } from '../../../../shared/index.js';
import { h } from '../../dom.js';

type ObjectiveList = SeatView['objectives'];

/** The objectives with each one's share of the whole score (`part`: the list's share). */
function list(objectives: ObjectiveList, part: number): HTMLElement {
  return h(
    'ul',
    { class: 'plain objectives' },
    objectives.map((o) => h('li', {}, o.label, h('span', { class: 'hint' }, ` · ${Math.round(o.weight * part * 100)}% of your score`))),
  );
}

/**
 * How the seat is scored at the end (0–100): its public objectives and, if it drew one, its secret
 * agenda, which only this seat sees until the match is over.
 */
export function objectivesBlock(sv: SeatView): HTMLElement {
  const agendaPart = sv.agenda ? OBJECTIVES.agendaWeight : 0;
  return h(
    'section',
    { class: 'objectives-block', 'aria-labelledby': 'obj-h', 'data-testid': 'objectives' },
    h('h3', { id: 'obj-h' }, 'How you are scored'),
    h('p', { class: 'hint' }, 'At the end your seat scores 0–100 against these, so it can do well in a bad world or badly in a good one.'),
    list(sv.objectives, 1 - agendaPart),
    sv.agenda
      ? h(
          'div',
          { class: 'agenda' },
          h('p', {}, h('strong', {}, `Secret agenda: ${sv.agenda.title}`), ' ', h('span', { class: 'badge vis-covert' }, 'only you see this')),
          h('p', { class: 'hint' }, sv.agenda.text),
          list(sv.agenda.objectives, agendaPart),
        )
      : null,
  );
}
