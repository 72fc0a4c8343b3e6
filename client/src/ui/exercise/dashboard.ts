import { fixed, type GameEvent, type Notice, type PublicView } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { compute, pct, shownChange } from '../../format.js';
import type { AppState } from '../../store.js';
import { exercise } from '../../net/exercise.js';

type Tile = { key: string; label: string; value: string; unit?: string; sub: string; change: string; tone: string };

/**
 * The change since last quarter as the tiles show the figures (so the tile's numbers add up). `since`
 * names what it is measured from: an estimate is drawn afresh each quarter, so its change is not the
 * figure's own.
 */
function trend(now: number, before: number | undefined, digits: number, unit: string, scale = 1, since = 'last quarter'): string {
  if (before === undefined) return '';
  const c = shownChange(before, now, digits, scale, unit);
  if (c.diff === 0) return 'no change';
  return `${c.diff > 0 ? '▲ up' : '▼ down'} ${c.size}${c.unit} since ${since}`;
}

function tiles(pub: PublicView): Tile[] {
  const prev = pub.series.length >= 2 ? pub.series[pub.series.length - 2] : undefined;
  const last = pub.series[pub.series.length - 1];
  // The series' last point is the current quarter's figures once one has resolved.
  const before = last && last.turn === pub.turn ? prev : last;
  const lead = pub.lead;
  return [
    {
      key: 'lead',
      label: 'US lead over PRC',
      value: fixed(lead.value, 1),
      unit: 'months',
      sub: lead.exact ? 'exact' : `public estimate ${fixed(lead.low, 1)}–${fixed(lead.high, 1)}`,
      change: trend(lead.value, before?.lead.value, 1, ' mo', 1, lead.exact ? 'last quarter' : 'last quarter’s estimate'),
      tone: lead.value >= 12 ? 'dem' : lead.value <= 3 ? 'prc' : 'mid',
    },
    { key: 'tension', label: 'Tension', value: pub.tension.toFixed(0), sub: 'of 100', change: trend(pub.tension, before?.tension, 0, ''), tone: pub.tension >= 65 ? 'hot' : 'mid' },
    { key: 'cooperation', label: 'Cooperation', value: pub.cooperation.toFixed(0), sub: 'of 100', change: trend(pub.cooperation, before?.cooperation, 0, ''), tone: pub.cooperation >= 50 ? 'good' : 'mid' },
    { key: 'misuse', label: 'Misuse risk', value: pct(pub.misuseRisk), sub: 'chance scale', change: trend(pub.misuseRisk, before?.misuse, 0, ' pts', 100), tone: pub.misuseRisk >= 0.5 ? 'hot' : 'mid' },
    {
      key: 'swing',
      label: 'Swing markets on democratic stacks',
      value: pct(pub.swingDemocratic),
      sub: `compute US ${pub.compute.US.exact ? '' : '≈'}${compute(pub.compute.US.value)} · PRC ${pub.compute.CN.exact ? '' : '≈'}${compute(pub.compute.CN.value)}`,
      change: trend(pub.swingDemocratic, before?.swingDemocratic, 0, ' pts', 100),
      tone: pub.swingDemocratic >= 0.5 ? 'dem' : 'prc',
    },
  ];
}

/** The public dashboard as large figures: lead, tension, cooperation, misuse, swing markets. */
export function dashboard(opts: { big?: boolean } = {}): { el: HTMLElement; update(s: AppState): void } {
  const el = h('div', { class: `xdash${opts.big ? ' big' : ''}`, 'data-testid': 'dashboard' });
  let key = '';
  return {
    el,
    update(s) {
      const pub = s.pub;
      if (!pub) return;
      const ts = tiles(pub);
      const k = JSON.stringify(ts);
      if (k === key) return;
      key = k;
      fill(
        el,
        ts.map((t) =>
          h(
            'div',
            { class: `xtile tone-${t.tone}`, 'data-figure': t.key, role: 'group', 'aria-label': t.label },
            h('div', { class: 'xtile-label' }, t.label),
            h('div', { class: 'xtile-value' }, t.value, t.unit ? h('span', { class: 'xtile-unit' }, t.unit) : null),
            h('div', { class: 'xtile-sub' }, t.sub),
            t.change ? h('div', { class: 'xtile-change' }, t.change) : null,
          ),
        ),
      );
    },
  };
}

type Item = { id: string; when: string; text: string; tag: string; order: number };

/** What the whole table may see happening: public events of the match and Control's public notices. */
export function publicHappenings(pub: PublicView | null, notices: readonly Notice[]): Item[] {
  // Newest first; within a quarter: what happened, then the announced moves. Control's notices come
  // after the events of the quarter before them (a notice's turn counts the quarters already resolved).
  const evs: Item[] = (pub?.events ?? [])
    .filter((e: GameEvent) => e.kind !== 'order')
    .map((e, i) => ({ id: `e${e.turn}-${i}`, when: e.quarter, text: e.text, tag: e.kind === 'event-card' ? 'Event' : e.kind.includes('roll') ? 'Roll' : 'News', order: e.turn * 1e6 + 9e5 - (i % 1e5) }));
  const moves: Item[] = (pub?.events ?? [])
    .filter((e) => e.kind === 'order')
    .map((e, i) => ({ id: `o${e.turn}-${i}`, when: e.quarter, text: e.text, tag: 'Move', order: e.turn * 1e6 + 1e5 - (i % 1e5) }));
  const ns: Item[] = notices.map((n) => ({ id: `n${n.id}`, when: '', text: n.reason ? `${n.text} Reason: ${n.reason}` : n.text, tag: 'Control', order: n.turn * 1e6 + 95e4 + (n.id % 4e4) }));
  return [...evs, ...moves, ...ns].sort((a, b) => b.order - a.order);
}

/**
 * A ticker for the projector: the latest public happening in large type, changing every few seconds
 * (still when the viewer prefers reduced motion), with the recent list beside it.
 */
export function ticker(): { el: HTMLElement; update(s: AppState): void; destroy(): void } {
  const line = h('p', { class: 'ticker-line' });
  const tag = h('span', { class: 'tag' });
  // Decorative for assistive technology: the same items are in the projector's "What happened" list.
  const el = h('div', { class: 'ticker', 'data-testid': 'ticker', 'aria-hidden': 'true' }, h('span', { class: 'ticker-label' }, 'Latest'), tag, line);
  let items: Item[] = [];
  let at = 0;
  let key = '';
  const show = () => {
    const it = items[at % Math.max(1, Math.min(items.length, 6))];
    tag.textContent = it ? it.tag : '';
    line.textContent = it ? `${it.when ? `${it.when} · ` : ''}${it.text}` : 'Nothing has happened yet.';
  };
  const t = window.setInterval(() => {
    at += 1;
    show();
  }, 7000);
  return {
    el,
    update(s) {
      const next = publicHappenings(s.pub, exercise().notices);
      const k = next.map((x) => x.id).join();
      if (k === key) return;
      key = k;
      items = next;
      at = 0;
      show();
    },
    destroy() {
      window.clearInterval(t);
    },
  };
}
