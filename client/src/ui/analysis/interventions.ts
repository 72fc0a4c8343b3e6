import { z } from 'zod';
import { InterventionSchema, interventionTakesReason } from '../../../../shared/index.js';
import { h, fill, scrollBox } from '../../dom.js';

export type Intervention = z.infer<typeof InterventionSchema>;

/** The one part of the server's report.json this card reads. */
const ReportInterventionsSchema = z.object({ interventions: z.array(InterventionSchema) });

/** Control's interventions from a report.json, in the order they happened; null when it does not validate. */
export function readInterventions(json: unknown): Intervention[] | null {
  const r = ReportInterventionsSchema.safeParse(json);
  return r.success ? [...r.data.interventions].sort((a, b) => a.seq - b.seq) : null;
}

export async function fetchInterventions(url: string): Promise<Intervention[]> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  const list = readInterventions(await res.json());
  if (!list) throw new Error('the report did not validate');
  return list;
}

/** Who acted, in words: timer advances and old entries carry no name. */
export function interventionBy(i: Intervention): string {
  return i.by.trim() || 'Control';
}

/** Control's interventions on the end screen: hidden until loaded, and when there were none. */
export function interventionsCard(): { el: HTMLElement; show(list: readonly Intervention[]): void; unavailable(): void } {
  const body = h('div');
  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': 'interventions-h', 'data-testid': 'interventions', hidden: true },
    h('h2', { id: 'interventions-h' }, 'Control’s interventions'),
    body,
  );
  return {
    el,
    show(list) {
      el.hidden = list.length === 0;
      fill(
        body,
        h('p', { class: 'hint' }, 'Everything Control changed during the match — adjustments, injected and custom events, seats handed to bots, advances and an early end — in the order it happened, each under the quarter whose orders were being given.'),
        scrollBox('Control’s interventions by quarter', interventionsTable(list)),
      );
    },
    unavailable() {
      el.hidden = false;
      fill(body, h('p', { class: 'hint' }, 'Control’s interventions could not be loaded from the server.'));
    },
  };
}

function interventionsTable(list: readonly Intervention[]): HTMLTableElement {
  return h(
    'table',
    { class: 'table compact' },
    h('caption', { class: 'sr-only' }, 'Control’s interventions by quarter'),
    h('thead', {}, h('tr', {}, ['Quarter', 'What', 'Reason', 'By'].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      list.map((i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, i.quarter),
          h('td', {}, i.text),
          h('td', {}, i.reason || (interventionTakesReason(i.kind) ? h('span', { class: 'hint' }, 'none given') : '')),
          h('td', {}, interventionBy(i)),
        ),
      ),
    ),
  );
}
