import { BLOCS, COMPUTE_SOURCES, REGIONS, REGION_NAME, SEAT_INFO, type Estimate } from '../../../../shared/index.js';
import { h, fill, scrollBox } from '../../dom.js';
import { compute, estimate, kindLabel, months, pct, possessive } from '../../format.js';
import type { AppState } from '../../store.js';
import { whyButton, type WhyTopic } from '../sources.js';

let scenarioId: string | undefined;
const sid = () => scenarioId;

const BLOC_NAME = { US: 'United States', CN: 'China', ALLIES: 'Allies (EU, Japan–Korea, Taiwan)', HUB: 'Compute hubs' } as const;
const SOURCE_NAME = { legal: 'Legal purchases', domestic: 'Domestic production', smuggled: 'Smuggled', offshore: 'Offshore rental' } as const;

const nb = (s: string) => s.replace(/ /g, '\u00a0');

function row(label: string, e: Estimate, f: (x: number) => string, why?: WhyTopic) {
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, label, why ? [' ', whyButton(why, sid, label)] : null),
    h('td', { class: 'num' }, f(e.value)),
    // Each end stays on one line; a narrow card breaks the band at the dash.
    h('td', { class: 'num band' }, e.exact ? '—' : `${nb(f(e.low))} – ${nb(f(e.high))}`),
    h('td', {}, h('span', { class: `badge ${e.exact ? 'exact' : 'est'}` }, kindLabel(e))),
  );
}

function head(...cols: string[]) {
  return h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', { scope: 'col', class: i === 2 ? 'num band' : i === 1 ? 'num' : '' }, c))));
}

/** A captioned table in a box that scrolls sideways when the card is narrow (named by its caption). */
function table(caption: string, thead: HTMLElement, ...rows: (HTMLElement | HTMLElement[])[]) {
  return scrollBox(caption, h('table', { class: 'table' }, h('caption', {}, caption), thead, h('tbody', {}, ...rows)));
}

/** Intelligence: what this seat believes (estimates with bands), plus the public gauges and adoption. */
export function intelPanel(): { el: HTMLElement; update(s: AppState): void } {
  const body = h('div', {});
  const el = h('section', { class: 'panel', 'aria-labelledby': 'intel-h' }, h('h2', { id: 'intel-h' }, 'Intelligence'), body);
  let key = '';
  return {
    el,
    update(s) {
      const pub = s.pub;
      const sv = s.seatView && s.you?.seat === s.seatView.seat ? s.seatView : null;
      const k = JSON.stringify([sv, pub?.turn, pub?.lead, s.you?.seat]);
      if (!pub || k === key) return;
      key = k;
      scenarioId = pub.scenarioId;
      const src = sv ?? pub;
      const whose = sv ? `${possessive(SEAT_INFO[sv.seat].short)} picture` : 'Public picture';
      fill(
        body,
        h('p', { class: 'hint' }, `${whose}. “Estimate” figures show a best guess with a low–high band; “exact” figures are known for certain.`),
        table(
          'Frontier lead and compute',
          head('Figure', 'Value', 'Band (low – high)', 'Kind'),
          row('US lead over PRC (months)', src.lead, months, { kind: 'lead' }),
          BLOCS.map((b) => row(`Compute: ${BLOC_NAME[b]} (H100e)`, src.compute[b], compute, { kind: 'compute', bloc: b })),
        ),
        sv
          ? table(
              'PRC new compute this quarter, by source',
              head('Source', 'Value', 'Band (low – high)', 'Kind'),
              COMPUTE_SOURCES.map((k2) => row(SOURCE_NAME[k2], sv.cnInflow[k2], compute, { kind: 'inflow', source: k2 })),
            )
          : null,
        table(
          'AI stack adoption by region (public)',
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Region'), h('th', { scope: 'col', class: 'num' }, 'Democratic'), h('th', { scope: 'col', class: 'num' }, 'PRC'))),
          REGIONS.map((r) => h('tr', {}, h('th', { scope: 'row' }, REGION_NAME[r], ' ', whyButton({ kind: 'adoption', region: r }, sid, `adoption in ${REGION_NAME[r]}`)), h('td', { class: 'num' }, pct(pub.adoption[r].democratic)), h('td', { class: 'num' }, pct(pub.adoption[r].prc)))),
        ),
        h(
          'dl',
          { class: 'kv' },
          h('dt', {}, 'Tension (0–100) ', whyButton({ kind: 'tension' }, sid, 'tension')),
          h('dd', {}, pub.tension.toFixed(0)),
          h('dt', {}, 'Cooperation (0–100) ', whyButton({ kind: 'cooperation' }, sid, 'cooperation')),
          h('dd', {}, pub.cooperation.toFixed(0)),
          h('dt', {}, 'Misuse risk ', whyButton({ kind: 'misuse' }, sid, 'misuse risk')),
          h('dd', {}, pct(pub.misuseRisk)),
          h('dt', {}, 'Swing markets on democratic stacks'),
          h('dd', {}, pct(pub.swingDemocratic)),
        ),
        pub.agreements.length
          ? h('div', {}, h('h3', {}, 'Agreements in force'), h('ul', { class: 'plain' }, pub.agreements.map((a) => h('li', {}, `${a.title} — ${a.parties.map((x) => SEAT_INFO[x].short).join(', ')}, until ${a.expiresQuarter}`))))
          : h('p', { class: 'hint' }, 'No agreements in force.'),
        h('p', { class: 'hint' }, `Lead estimate: ${estimate(src.lead, months)}.`),
      );
    },
  };
}
