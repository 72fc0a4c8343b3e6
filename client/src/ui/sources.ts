import { ACTION_BY_ID, LEVER_BY_ID, OWN_SOURCE, SOURCE_BY_ID, type Source, type ActionDef, type BlocId, type ComputeSource, type Figure, type ParamKey, type RegionId, type Scenario } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';
import { scenarioById } from '../match-scenario.js';

/** The record that explains a quarterly rate derived from a yearly figure. */
const DERIVED_QUARTERLY = 'derived-quarterly';

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

/** A figure behind a topic: `path` is where it sits in the scenario's `start`; `quarterly` marks a rate per quarter. */
type Entry = { figure?: { name: string; f: Figure; unit?: string; path?: string; quarterly?: boolean }; ids: string[] };

function param(sc: Scenario, k: ParamKey, name: string, unit = '', quarterly = false): Entry {
  const f = sc.params[k];
  return { figure: { name, f, unit, quarterly }, ids: [f.source] };
}

/** A starting value, by its path in `start` ("stockShare.US"). */
function start(name: string, f: Figure, path: string, unit?: string, quarterly = false): Entry {
  return { figure: { name, f, unit, path, quarterly }, ids: [f.source] };
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
          start('Opening lead', st.leadMonths, 'leadMonths', ' months'),
          param(sc, 'frontierComputeGrowth', 'Frontier training compute growth', '× a quarter', true),
          param(sc, 'efficiencyGrowth', 'Algorithmic efficiency growth', '× a quarter', true),
          param(sc, 'distillationRate', 'Distillation rate'),
        ],
      };
    case 'compute': {
      const bloc = topic.bloc === 'HUB' ? 'HUB: the hubs and the rest of the world' : topic.bloc;
      return {
        title: 'Why this compute?',
        entries: [
          start('Global AI compute at the start', st.globalStock, 'globalStock', ' H100e'),
          start(`Share held by this bloc (${bloc})`, st.stockShare[topic.bloc], `stockShare.${topic.bloc}`),
          param(sc, 'globalComputeGrowth', 'Global compute growth', '× a quarter', true),
        ],
      };
    }
    case 'inflow': {
      const f = st.cnInflow[topic.source];
      const base: Record<ComputeSource, ParamKey> = { legal: 'legalCapPerQuarter', domestic: 'domesticBasePerQuarter', smuggled: 'smuggledBasePerQuarter', offshore: 'offshoreBasePerQuarter' };
      return {
        title: `Why this ${topic.source} supply?`,
        entries: [start(`PRC ${topic.source} supply at the start`, f, `cnInflow.${topic.source}`, ' H100e a quarter', true), param(sc, base[topic.source], 'Base per quarter in the model', ' H100e', true)],
      };
    }
    case 'adoption': {
      const f = st.adoptionDemocratic[topic.region];
      return { title: 'Why this adoption share?', entries: [start(`Democratic share at the start (${topic.region})`, f, `adoptionDemocratic.${topic.region}`)] };
    }
    case 'tension':
      return { title: 'Why this tension?', entries: [start('Opening tension', st.tension, 'tension'), param(sc, 'straitCrisisThreshold', 'Strait crisis threshold')] };
    case 'cooperation':
      return { title: 'Why this cooperation?', entries: [start('Opening cooperation', st.cooperation, 'cooperation')] };
    case 'misuse':
      return { title: 'Why this misuse risk?', entries: [start('Opening misuse risk', st.misuse, 'misuse'), param(sc, 'misuseCatastropheThreshold', 'Catastrophe threshold')] };
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toLocaleString('en') : String(Math.round(v * 1000) / 1000);
}

/**
 * How a quarterly rate follows from the yearly record it cites ("Per quarter: 4.5× a year = ×1.46 a quarter
 * (yearly^(1/4))…"), or null when the record is no yearly figure. Given the model's own growth factor
 * (`figure`), it also says what that is a year when it differs from the record's at two decimals.
 */
function quarterlyDerivation(src: Source, figure?: number): string | null {
  if (src.value === null || !src.perQuarter) return null;
  if (src.perQuarter === 'total') {
    const q = (x: number) => fmt(Math.round(x / 4));
    const range = src.range ? `; range ${q(src.range[0])}–${q(src.range[1])} a quarter` : '';
    return `Per quarter: ${fmt(src.value)} over a year = ${q(src.value)} a quarter (÷ 4)${range}.`;
  }
  const factor = src.perQuarter === 'factor';
  const per = (x: number) => (factor ? Math.pow(x, 1 / 4) : Math.pow(2, 3 / x));
  const from = factor ? `${fmt(src.value)}× a year` : `halving every ${fmt(src.value)} months`;
  const ends = src.range ? src.range.map(per).sort((x, y) => x - y) : null;
  const range = ends ? `; range ×${ends[0].toFixed(2)}–${ends[1].toFixed(2)} a quarter` : '';
  const own = figure !== undefined && Math.abs(per(src.value) - figure) >= 0.005 ? ` The model's ×${fmt(figure)} a quarter is ${Math.pow(figure, 4).toFixed(1)}× a year.` : '';
  return `Per quarter: ${from} = ×${per(src.value).toFixed(2)} a quarter (${factor ? 'yearly^(1/4)' : '2^(3 / months)'})${range}.${own}`;
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
  // Each record is listed once: under the first figure that cites it, and never as another's basis or
  // other estimate when a figure of this topic cites it itself.
  const seen = new Set<string>();
  const cited = new Set(entries.flatMap((e) => e.ids));
  const line = (text: string) => h('p', { class: 'hint why-line' }, text);
  const nested = (lead: string, ids: readonly string[] | undefined, e: Entry) => {
    const list = (ids ?? []).filter((id) => !cited.has(id) && !seen.has(id) && seen.add(id));
    if (list.length === 0) return null;
    return [h('span', { class: 'hint' }, lead), h('ul', { class: 'plain why-sources why-nested' }, list.map((id) => item(id, e, false)))];
  };
  const item = (id: string, e: Entry, top: boolean): HTMLLIElement => {
    const src = SOURCE_BY_ID.get(id);
    if (id === OWN_SOURCE) return h('li', {}, h('span', { class: 'badge est' }, 'facilitator'), ' Set by the facilitator for this scenario: an assumption of theirs, not a sourced figure.');
    if (!src) return h('li', { class: 'hint' }, `Source “${id}” (not in the source list).`);
    const value = src.value !== null && src.value !== undefined ? `${fmt(src.value)}${src.unit ? ` ${src.unit}` : ''}${src.range ? ` (range ${src.range.map(fmt).join('–')})` : ''}` : null;
    const badge = src.kind === 'sourced' ? 'sourced' : src.kind === 'derived' ? 'derived' : 'designer choice';
    const fig = e.figure;
    const derivation = fig?.quarterly ? quarterlyDerivation(src, top ? fig.f.value : undefined) : null;
    const own = top && fig?.path ? src.byFigure?.[fig.path] : undefined;
    return h(
      'li',
      {},
      h('span', { class: `badge ${src.kind === 'sourced' ? 'exact' : 'est'}` }, badge),
      ' ',
      src.label,
      value ? h('span', { class: 'why-value' }, ` — ${value}`) : null,
      src.date ? h('span', { class: 'hint' }, ` (${src.date})`) : null,
      h('br', {}),
      src.url ? h('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer' }, src.source) : h('span', { class: 'hint' }, src.source),
      derivation ? line(derivation) : null,
      own ? line(own.note) : null,
      src.note ? line(src.note) : null,
      top ? nested(src.kind === 'designer' ? 'Chosen against:' : 'Worked from:', [...(own?.basis ?? []), ...(src.basis ?? [])], e) : null,
      top ? nested('Other estimates:', src.seeAlso, e) : null,
      top && derivation ? nested('How it is derived:', [DERIVED_QUARTERLY], e) : null,
    );
  };
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
          e.ids.filter((id) => !seen.has(id) && seen.add(id)).map((id) => item(id, e, true)),
        ),
      ),
    ),
    h('p', { class: 'hint' }, 'Every figure in the model names its source; figures no study measures are marked as designer choices, and figures worked out from sourced ones as derived.'),
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
