import { ACTION_BY_ID, LEVER_BY_ID, OWN_SOURCE, SOURCES, type ActionDef, type BlocId, type ComputeSource, type Figure, type ParamKey, type RegionId, type Scenario } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';
import { scenarioById } from '../match-scenario.js';

type Source = (typeof SOURCES)[number];
const BY_ID = new Map<string, Source>((SOURCES as Source[]).map((x) => [x.id, x]));

/** What a "why this number?" link explains. */
export type WhyTopic =
  | { kind: 'lead' }
  | { kind: 'compute'; bloc: BlocId }
  | { kind: 'inflow'; source: ComputeSource }
  | { kind: 'adoption'; region: RegionId }
  | { kind: 'tension' }
  | { kind: 'cooperation' }
  | { kind: 'misuse' }
  | { kind: 'action'; action: string };

type Entry = { figure?: { name: string; f: Figure; unit?: string }; ids: string[] };

function param(sc: Scenario, k: ParamKey, name: string, unit = ''): Entry {
  const f = sc.params[k];
  return { figure: { name, f, unit }, ids: [f.source] };
}

const STAT_NAME: Record<string, string> = { tension: 'tension', cooperation: 'cooperation', resources: 'resources' };

/** What an action does, per step of intensity, in words: "Chip export controls +25 points; tension +1." */
function actionEffects(a: ActionDef): string {
  const sign = (x: number) => (x > 0 ? `+${fmt(x)}` : `−${fmt(-x)}`);
  const parts = a.effects.map((e) =>
    'lever' in e ? `${LEVER_BY_ID[e.lever]?.label ?? e.lever} ${sign(e.delta * 100)} points` : `${STAT_NAME[e.stat] ?? e.stat} ${sign(e.delta)}`,
  );
  return `${a.summary} Per step of intensity: ${parts.join('; ')}.`;
}

/** The scenario's figures behind a topic, each with its source ids (and, for an action, what it does). */
function entriesFor(topic: WhyTopic, sc: Scenario | undefined): { title: string; entries: Entry[]; about?: string } {
  if (topic.kind === 'action') {
    const a = ACTION_BY_ID.get(topic.action);
    return { title: a ? `About “${a.name}”` : 'Sources', entries: [{ ids: a?.sources ?? [] }], ...(a ? { about: actionEffects(a) } : {}) };
  }
  if (!sc) return { title: 'Sources', entries: [] };
  const st = sc.start;
  switch (topic.kind) {
    case 'lead':
      return {
        title: 'Why this lead?',
        entries: [
          { figure: { name: 'Opening lead', f: st.leadMonths, unit: ' months' }, ids: [st.leadMonths.source] },
          param(sc, 'frontierComputeGrowth', 'Frontier training compute growth', '× a quarter'),
          param(sc, 'efficiencyGrowth', 'Algorithmic efficiency growth', '× a quarter'),
          param(sc, 'distillationRate', 'Distillation rate'),
        ],
      };
    case 'compute':
      return {
        title: 'Why this compute?',
        entries: [
          { figure: { name: 'Global AI compute at the start', f: st.globalStock, unit: ' H100e' }, ids: [st.globalStock.source] },
          { figure: { name: `Share held by this bloc (${topic.bloc})`, f: st.stockShare[topic.bloc] }, ids: [st.stockShare[topic.bloc].source] },
          param(sc, 'globalComputeGrowth', 'Global compute growth', '× a quarter'),
        ],
      };
    case 'inflow': {
      const f = st.cnInflow[topic.source];
      const base: Record<ComputeSource, ParamKey> = { legal: 'legalCapPerQuarter', domestic: 'domesticBasePerQuarter', smuggled: 'smuggledBasePerQuarter', offshore: 'offshoreBasePerQuarter' };
      return { title: `Why this ${topic.source} supply?`, entries: [{ figure: { name: `PRC ${topic.source} supply at the start`, f, unit: ' H100e a quarter' }, ids: [f.source] }, param(sc, base[topic.source], 'Base per quarter in the model', ' H100e')] };
    }
    case 'adoption': {
      const f = st.adoptionDemocratic[topic.region];
      return { title: 'Why this adoption share?', entries: [{ figure: { name: `Democratic share at the start (${topic.region})`, f }, ids: [f.source] }] };
    }
    case 'tension':
      return { title: 'Why this tension?', entries: [{ figure: { name: 'Opening tension', f: st.tension }, ids: [st.tension.source] }, param(sc, 'straitCrisisThreshold', 'Strait crisis threshold')] };
    case 'cooperation':
      return { title: 'Why this cooperation?', entries: [{ figure: { name: 'Opening cooperation', f: st.cooperation }, ids: [st.cooperation.source] }] };
    case 'misuse':
      return { title: 'Why this misuse risk?', entries: [{ figure: { name: 'Opening misuse risk', f: st.misuse }, ids: [st.misuse.source] }, param(sc, 'misuseCatastropheThreshold', 'Catastrophe threshold')] };
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toLocaleString('en') : String(Math.round(v * 1000) / 1000);
}

let pop: HTMLElement | null = null;
let popTitle: HTMLElement;
let popBody: HTMLElement;
let opener: HTMLElement | null = null;

function popover(): HTMLElement {
  if (pop && pop.isConnected) return pop;
  const titleId = uid('why-h');
  popTitle = h('h2', { id: titleId });
  popBody = h('div', { class: 'why-body' });
  const close = h('button', { type: 'button', class: 'ghost small why-close', 'aria-label': 'Close sources' }, '✕');
  pop = h('div', { class: 'why-pop', role: 'dialog', 'aria-labelledby': titleId, popover: 'auto', 'data-testid': 'why-popover' }, h('div', { class: 'why-head' }, popTitle, close), popBody);
  close.addEventListener('click', () => pop?.hidePopover());
  pop.addEventListener('toggle', (e) => {
    if ((e as ToggleEvent).newState === 'closed') opener?.focus();
  });
  document.body.append(pop);
  return pop;
}

/** Open the sources behind a figure next to the button that asked. */
export function showWhy(topic: WhyTopic, scenarioId: string | undefined, from: HTMLElement): void {
  const p = popover();
  opener = from;
  const { title, entries, about } = entriesFor(topic, scenarioId ? scenarioById(scenarioId) : undefined);
  popTitle.textContent = title;
  const seen = new Set<string>();
  fill(
    popBody,
    about ? h('p', { class: 'why-about' }, about) : null,
    entries.length === 0 ? h('p', { class: 'hint' }, 'No source recorded.') : null,
    entries.map((e) =>
      h(
        'div',
        { class: 'why-entry' },
        e.figure
          ? h('p', { class: 'why-fig' }, h('strong', {}, `${e.figure.name}: ${fmt(e.figure.f.value)}${e.figure.unit ?? ''}`), e.figure.f.range ? ` (range ${fmt(e.figure.f.range[0])}–${fmt(e.figure.f.range[1])})` : '')
          : null,
        h(
          'ul',
          { class: 'plain why-sources' },
          e.ids
            .filter((id) => !seen.has(id) && seen.add(id))
            .map((id) => {
              const src = BY_ID.get(id);
              if (id === OWN_SOURCE) return h('li', {}, h('span', { class: 'badge est' }, 'facilitator'), ' Set by the facilitator for this scenario: an assumption of theirs, not a sourced figure.');
              if (!src) return h('li', { class: 'hint' }, `Source “${id}” (not in the source list).`);
              const value = src.value !== null && src.value !== undefined ? `${fmt(src.value)}${src.unit ? ` ${src.unit}` : ''}${src.range ? ` (range ${src.range.map(fmt).join('–')})` : ''}` : null;
              return h(
                'li',
                {},
                h('span', { class: `badge ${src.kind === 'sourced' ? 'exact' : 'est'}` }, src.kind === 'sourced' ? 'sourced' : 'designer choice'),
                ' ',
                src.label,
                value ? h('span', { class: 'why-value' }, ` — ${value}`) : null,
                src.date ? h('span', { class: 'hint' }, ` (${src.date})`) : null,
                h('br', {}),
                src.url ? h('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer' }, src.source) : h('span', { class: 'hint' }, src.source),
              );
            }),
        ),
      ),
    ),
    h('p', { class: 'hint' }, 'Every figure in the model names its source; figures no study measures are marked as designer choices.'),
  );
  p.showPopover();
  const r = from.getBoundingClientRect();
  const w = Math.min(420, window.innerWidth - 16);
  p.style.width = `${w}px`;
  p.style.left = `${Math.max(8, Math.min(window.innerWidth - w - 8, r.left))}px`;
  const below = r.bottom + 6;
  p.style.top = `${Math.max(8, below + p.offsetHeight > window.innerHeight ? r.top - p.offsetHeight - 6 : below)}px`;
  (p.querySelector('a, button') as HTMLElement | null)?.focus();
}

/** A small "?" button beside a figure that opens its sources. */
export function whyButton(topic: WhyTopic, scenarioId: () => string | undefined, what: string | { describedBy: string }): HTMLButtonElement {
  // For an action the name comes from its label by reference, so the action's own label stays unique.
  const label = typeof what === 'string' ? `Why this number? Sources for ${what}` : 'Sources behind this action';
  const b = h('button', { type: 'button', class: 'why', 'aria-label': label, 'aria-describedby': typeof what === 'string' ? null : what.describedBy, title: 'Why this number?' }, '?');
  b.addEventListener('click', () => showWhy(topic, scenarioId(), b));
  return b;
}
