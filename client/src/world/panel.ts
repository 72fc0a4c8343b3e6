import { fixed, SEAT_INFO } from '../../../shared/index.js';
import { h, fill, uid } from '../dom.js';
import { compute, months, pct } from '../format.js';
import { SIDE_GLYPH, SIDE_LABEL } from '../palette.js';
import type { AppState } from '../store.js';
import { worldData, type WorldData } from './data.js';
import { FLOW_INFO, flowText, type Flow } from './flows.js';
import { loadWorldView, type WorldView } from './load.js';
import { FOCUS_REGIONS, REGION_INFO, type MapRegion } from './regions.js';
import { flowSwatch } from './swatch.js';

/** The words behind a region on the map: side, adoption, compute, seats and the flows that touch it. */
export function regionLines(d: WorldData, r: MapRegion): string[] {
  const info = REGION_INFO[r];
  const lines: string[] = [];
  if (info.side) lines.push(`${SIDE_GLYPH[info.side]} ${SIDE_LABEL[info.side]}`);
  if (info.adoption) {
    const a = d.adoption[info.adoption];
    lines.push(`AI stacks in use: ${pct(a.democratic)} democratic ●, ${pct(a.prc)} PRC ■`);
  }
  if (info.bloc) {
    const e = d.compute[info.bloc];
    const whose = info.bloc === 'ALLIES' ? 'Allied compute (EU, Japan–Korea, Taiwan)' : info.bloc === 'HUB' ? 'Hub compute' : `${info.name} compute`;
    lines.push(e.exact ? `${whose}: ${compute(e.value)} H100e (exact)` : `${whose}: ≈${compute(e.value)} H100e (estimate ${compute(Math.max(0, e.low))}–${compute(e.high)})`);
  }
  for (const s of info.seats) {
    const n = d.seats.find((x) => x.seat === s);
    if (n) lines.push(`Seat: ${SEAT_INFO[s].name} — ${n.status}${d.playing && n.human ? (n.submitted ? ', orders in' : ', deciding') : ''}`);
  }
  if (r === 'TW' || r === 'CN') lines.push(`Strait tension ${d.tension.toFixed(0)}/100 (crisis at ${d.thresholds.strait})`);
  const ends: Record<MapRegion, string[]> = { US: ['US', 'USLAB'], CN: ['CN', 'CNLAB'], EU: ['EU'], JK: ['JK'], TW: ['TW'], HUB: ['HUB', 'GULF', 'SINGAPORE'], ALLIED: [], SOUTH: ['AFRICA', 'LATAM', 'INDIA'], OTHER: [] };
  for (const f of d.flows) if (ends[r].includes(f.from) || ends[r].includes(f.to)) lines.push(flowText(f));
  return lines;
}

/**
 * The world view as a page section: the Phaser map (decorative to screen readers), a tooltip for hover,
 * tap and keyboard focus, the regions as buttons, the list of this quarter's flows (the map's text
 * equivalent, and what the tests read), and a one-paragraph summary for screen readers.
 */
export function worldPanel(opts: { extraClass?: string } = {}): { el: HTMLElement; update(s: AppState): void; destroy(): void } {
  const canvasHost = h('div', { class: `world-canvas${opts.extraClass ? ` ${opts.extraClass}` : ''}`, 'aria-hidden': 'true' });
  const tipId = uid('world-tip');
  const tipTitle = h('strong', {});
  const tipList = h('ul', { class: 'plain' });
  const tip = h('div', { class: 'world-tip', id: tipId, role: 'tooltip', hidden: true }, tipTitle, tipList);
  const stage = h('div', { class: 'world-stage' }, canvasHost, tip);
  const summary = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const regions = h('ul', { class: 'map-regions', 'aria-label': 'Regions on the map (focus one for its figures)' });
  const flowsH = uid('flows-h');
  const flowList = h('ul', { class: 'flow-list', 'data-testid': 'flow-list', 'aria-labelledby': flowsH });
  const legend = h(
    'p',
    { class: 'hint map-legend' },
    'Map shading: share of AI stacks in use — blue ● democratic, vermillion ■ PRC, mixed shades a split market. Rings: compute (two rings = an estimate’s low and high). Hover, tap or focus a region or flow for its figures.',
  );
  const el = h(
    'section',
    { class: 'world', 'aria-label': 'World view' },
    stage,
    summary,
    h('div', { class: 'world-foot' }, h('div', { class: 'world-flows' }, h('h2', { id: flowsH }, 'Flows this quarter'), flowList), h('div', { class: 'world-regions' }, regions, legend)),
  );

  let view: WorldView | null = null;
  let loading = false;
  let destroyed = false;
  let latest: WorldData | null = null;
  let key = '';
  let pinned: { region?: MapRegion; flow?: string } | null = null;

  function showTip(target: { region?: MapRegion; flow?: Flow }, at: { x: number; y: number } | null) {
    if (!latest || (!target.region && !target.flow)) {
      tip.hidden = true;
      return;
    }
    if (target.flow) {
      const f = target.flow;
      tipTitle.textContent = FLOW_INFO[f.kind].title;
      fill(tipList, h('li', {}, flowText(f)), h('li', { class: 'hint' }, `Drawn as a ${FLOW_INFO[f.kind].legend}.`));
    } else if (target.region) {
      tipTitle.textContent = REGION_INFO[target.region].name;
      fill(tipList, regionLines(latest, target.region).map((l) => h('li', {}, l)));
    }
    tip.hidden = false;
    const pos = at ?? view?.anchor({ region: target.region, flow: target.flow?.id }) ?? { x: 20, y: 20 };
    const sw = stage.clientWidth;
    const tw = Math.min(320, sw - 16);
    tip.style.maxWidth = `${tw}px`;
    const left = Math.max(8, Math.min(sw - tw - 8, pos.x + 14));
    const top = Math.max(8, Math.min(stage.clientHeight - 40, pos.y + 14));
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function hideTip() {
    if (pinned) return;
    tip.hidden = true;
    view?.highlight({});
  }

  function focusOn(t: { region?: MapRegion; flow?: Flow }) {
    view?.highlight({ region: t.region, flow: t.flow?.id });
    showTip(t, null);
  }

  function build(d: WorldData) {
    fill(
      regions,
      FOCUS_REGIONS.map((r) => {
        const info = REGION_INFO[r];
        const share = info.adoption ? ` · ${pct(d.adoption[info.adoption].democratic)} dem.` : '';
        const b = h('button', { type: 'button', class: `region-btn side-${info.side ?? 'none'}`, 'aria-describedby': tipId, 'data-region': r }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, info.side ? SIDE_GLYPH[info.side] : '·'), ` ${r === 'HUB' ? 'Hubs' : r === 'SOUTH' ? 'Global South' : info.name}${share}`);
        b.addEventListener('focus', () => focusOn({ region: r }));
        b.addEventListener('mouseenter', () => focusOn({ region: r }));
        b.addEventListener('blur', hideTip);
        b.addEventListener('mouseleave', hideTip);
        b.addEventListener('click', () => {
          pinned = pinned?.region === r ? null : { region: r };
          focusOn({ region: r });
        });
        return h('li', {}, b);
      }),
    );
    fill(
      flowList,
      d.flows.length
        ? d.flows.map((f) => {
            const b = h('button', { type: 'button', class: 'flow-btn', 'aria-describedby': tipId }, flowSwatch(f.kind), h('span', { class: 'flow-text' }, flowText(f)));
            b.addEventListener('focus', () => focusOn({ flow: f }));
            b.addEventListener('mouseenter', () => focusOn({ flow: f }));
            b.addEventListener('blur', hideTip);
            b.addEventListener('mouseleave', hideTip);
            b.addEventListener('click', () => {
              pinned = pinned?.flow === f.id ? null : { flow: f.id };
              focusOn({ flow: f });
            });
            return h('li', { 'data-flow': f.kind, 'data-basis': f.basis }, b);
          })
        : [h('li', { class: 'hint' }, d.viewer === 'Public dashboard' ? 'No public movements this quarter: covert flows appear only when detected.' : 'No movements known to you this quarter: covert flows appear only when detected (or when they are your own).')],
    );
  }

  return {
    el,
    update(s) {
      if (!view && !loading && el.isConnected) {
        loading = true;
        void loadWorldView().then((mount) => {
          if (destroyed) return;
          view = mount(canvasHost, {
            onPoint(hit, at, how) {
              if (how === 'tap') pinned = hit ? { region: hit.region, flow: hit.flow?.id } : null;
              if (!hit) {
                if (!pinned) tip.hidden = true;
                return;
              }
              showTip({ region: hit.region, flow: hit.flow }, at);
            },
          });
          el.dataset.ready = 'true';
          if (latest) view.set(latest);
        });
      }
      const d = worldData(s);
      if (!d) return;
      const k = JSON.stringify(d);
      if (k === key) return;
      key = k;
      latest = d;
      view?.set(d);
      build(d);
      pinned = null;
      tip.hidden = true;
      summary.textContent = `${d.quarter}. ${d.viewer}: US lead ${months(d.lead.value)}${d.lead.exact ? '' : ` (estimate ${months(d.lead.low)} to ${months(d.lead.high)})`}; US compute ${compute(d.compute.US.value)}, PRC compute ${compute(d.compute.CN.value)} H100e; tension ${fixed(d.tension, 0)}, cooperation ${fixed(d.cooperation, 0)}, misuse risk ${pct(d.misuse)}; swing markets ${pct(d.swingDemocratic)} democratic. ${d.flows.length} flow${d.flows.length === 1 ? '' : 's'} this quarter.`;
    },
    destroy() {
      destroyed = true;
      view?.destroy();
    },
  };
}
