import * as Phaser from 'phaser';
import { fixed } from '../../../shared/index.js';
import { compute as fmtCompute } from '../format.js';
import { OKABE, SIDE_COLOUR, hex } from '../palette.js';
import type { WorldData } from './data.js';
import { FLOW_INFO, type Flow, type FlowKind } from './flows.js';
import { worldGeometry, countryAt, type PlaceId } from './geo.js';
import { H, MAP_BOTTOM, MAP_TOP, W } from './layout.js';
import { FLOW_CSS_COLOUR } from './swatch.js';
import { REGION_INFO, type MapRegion } from './regions.js';

const BG = 0x0d1320;
const OCEAN = 0x0f1829;
const INK = '#eef2f8';
const MUTED = '#a7b2c4';
const DEM_INK = '#8fc7ef';
const PRC_INK = '#f2a77a';
const FONT = 'Inter, "Segoe UI", "DejaVu Sans", system-ui, sans-serif';

const FLOW_COLOUR: Record<FlowKind, string> = FLOW_CSS_COLOUR;

/** Where each seat's marker and label sit. Labels in crowded East Asia are called out over the Pacific. */
const SEAT_MARK: Record<string, { place: PlaceId; label: { x: number; y: number; align: 'left' | 'right' | 'center' } }> = {
  US: { place: 'US', label: { x: 236, y: 206, align: 'center' } },
  USLAB: { place: 'USLAB', label: { x: 82, y: 250, align: 'center' } },
  EU: { place: 'EU', label: { x: 395, y: 112, align: 'center' } },
  CN: { place: 'CN', label: { x: 668, y: 108, align: 'center' } },
  CNLAB: { place: 'CNLAB', label: { x: 918, y: 212, align: 'center' } },
  JK: { place: 'JK', label: { x: 918, y: 138, align: 'center' } },
  TW: { place: 'TW', label: { x: 918, y: 286, align: 'center' } },
  HUB: { place: 'HUB', label: { x: 640, y: 356, align: 'center' } },
};

/** Where each bloc's compute is drawn (a ring sized by its stock). */
const BLOC_PLACE: Record<string, PlaceId> = { US: 'US', CN: 'CN', ALLIES: 'EU', HUB: 'HUB' };
const BLOC_LABEL: Record<string, string> = { US: 'US', CN: 'PRC', ALLIES: 'Allied', HUB: 'Hub' };

type Path = { flow: Flow; pts: { x: number; y: number }[]; cum: number[]; len: number };

function mix(a: number, b: number, t: number): number {
  const ar = (a >> 16) & 255, ag = (a >> 8) & 255, ab = a & 255;
  const br = (b >> 16) & 255, bg = (b >> 8) & 255, bb = b & 255;
  return (Math.round(ar + (br - ar) * t) << 16) | (Math.round(ag + (bg - ag) * t) << 8) | Math.round(ab + (bb - ab) * t);
}

/** A region's fill: the side's colour, or a blend by its adoption share, kept dark so flows and labels stand out. */
function regionFill(d: WorldData, r: MapRegion): number {
  const info = REGION_INFO[r];
  const dem = hex(OKABE.blue);
  const prc = hex(OKABE.vermillion);
  let c: number;
  if (r === 'US') c = dem;
  else if (r === 'OTHER') return 0x1c2233;
  else if (info.adoption) c = mix(prc, dem, d.adoption[info.adoption].democratic);
  else c = hex(SIDE_COLOUR[info.side ?? 'swing']);
  return mix(BG, c, r === 'SOUTH' || r === 'ALLIED' ? 0.42 : 0.62);
}

/** Seat names on a compact map: about 9 CSS pixels on a phone's 370-pixel-wide map. */
const COMPACT_LABEL = 24;
/** The smallest text the gauges and the lead axis draw, in CSS pixels, down to a map shown at 55% (a 1024-pixel screen). */
const MIN_CSS_TEXT = 11;
/** The largest those grow to (virtual pixels): what their places hold. A phone's map is smaller still; its lists carry the figures. */
const MAX_LEGIBLE = 20;
/** No label comes closer than this to the canvas's sides (virtual pixels). */
const EDGE = 4;

/** The world view: the real map coloured by side and adoption, this quarter's flows, the lead with its band, and the gauges. */
export class WorldScene extends Phaser.Scene {
  private world: WorldData | null = null;
  private layer!: Phaser.GameObjects.Container;
  /** The still picture (map, labels, bars), drawn once per change: only the flows' markers are drawn each frame. */
  private still!: Phaser.GameObjects.RenderTexture;
  private fx!: Phaser.GameObjects.Graphics;
  private ready = false;
  private paths: Path[] = [];
  private highlighted: { region?: MapRegion; flow?: string } = {};
  /** False when the viewer asked for reduced motion: the flows' markers then stand still. */
  motion = true;
  /** CSS pixels per virtual pixel: the share of its size the map is shown at. */
  private shownAt = 1;
  /**
   * A map shown at under 60% of its size (a phone, a 1024-pixel screen): seat names are drawn larger and
   * their second lines (status, figures) left to the lists beside the map, where they can be read.
   */
  private get compact(): boolean {
    return this.shownAt < 0.6;
  }

  constructor() {
    super('world');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(BG);
    this.still = this.add.renderTexture(0, 0, W, H).setOrigin(0, 0);
    this.layer = this.add.container(0, 0);
    this.fx = this.add.graphics();
    this.fx.setDepth(10);
    this.ready = true;
    this.redraw();
  }

  /** The map is shown at `scale` of its virtual size: text that must stay legible is drawn larger when it is small. */
  setShownScale(scale: number): void {
    if (!(scale > 0) || Math.abs(scale - this.shownAt) < 0.01) return;
    this.shownAt = scale;
    if (this.ready) this.redraw();
  }

  /** A font size (virtual pixels) that shows at least MIN_CSS_TEXT CSS pixels at the map's current scale, up to MAX_LEGIBLE. */
  private legible(size: number): number {
    return Math.max(size, Math.min(MAX_LEGIBLE, Math.ceil(MIN_CSS_TEXT / this.shownAt)));
  }

  /** Shift a text sideways so all of it lies between `lo` and `hi` (virtual pixels); one wider than that starts at `lo`. */
  private inside(t: Phaser.GameObjects.Text, lo = EDGE, hi = W - EDGE): Phaser.GameObjects.Text {
    const left = t.x - t.originX * t.displayWidth;
    const right = left + t.displayWidth;
    if (left < lo || right > hi) t.x += right > hi && t.displayWidth <= hi - lo ? hi - right : lo - left;
    return t;
  }

  setWorld(d: WorldData): void {
    this.world = d;
    if (this.ready) this.redraw();
  }

  /** Highlight a region or a flow (from hover, tap or keyboard focus on the list beside the map). */
  highlight(h: { region?: MapRegion; flow?: string }): void {
    if (h.region === this.highlighted.region && h.flow === this.highlighted.flow) return;
    this.highlighted = h;
    if (this.ready) this.redraw();
  }

  /** Whether anything on the map moves (the loop may sleep otherwise). */
  get animated(): boolean {
    return this.motion && this.paths.length > 0;
  }

  /** What is under a point of the virtual canvas: a flow (near its line) or a region. */
  hitTest(x: number, y: number): { flow?: Flow; region?: MapRegion } | null {
    if (y < MAP_TOP || y > MAP_BOTTOM) return null;
    let best: { d: number; flow: Flow } | null = null;
    for (const p of this.paths) {
      for (const q of p.pts) {
        const d = Math.hypot(q.x - x, q.y - y);
        if (d < 9 && (!best || d < best.d)) best = { d, flow: p.flow };
      }
    }
    if (best) return { flow: best.flow };
    const c = countryAt(x, y);
    return c ? { region: c.region } : null;
  }

  /** Where a region or flow sits on the virtual canvas (for the tooltip). */
  anchorOf(h: { region?: MapRegion; flow?: string }): { x: number; y: number } | null {
    const geo = worldGeometry();
    if (h.flow) {
      const p = this.paths.find((x) => x.flow.id === h.flow);
      return p ? p.pts[Math.floor(p.pts.length / 2)] : null;
    }
    if (h.region) {
      const place: Record<MapRegion, PlaceId> = { US: 'US', CN: 'CN', EU: 'EU', JK: 'JK', TW: 'TW', HUB: 'HUB', ALLIED: 'ALLIED', SOUTH: 'AFRICA', OTHER: 'CN' };
      return geo.places[place[h.region]];
    }
    return null;
  }

  private text(x: number, y: number, s: string, size: number, colour = INK, bold = false, origin: [number, number] = [0, 0]) {
    const t = this.add.text(x, y, s, { fontFamily: FONT, fontSize: `${size}px`, color: colour, fontStyle: bold ? 'bold' : 'normal', resolution: Math.max(2, window.devicePixelRatio || 1) });
    t.setOrigin(origin[0], origin[1]);
    this.layer.add(t);
    return t;
  }

  private redraw(): void {
    this.layer.removeAll(true);
    const d = this.world;
    const g = this.add.graphics();
    this.layer.add(g);
    this.drawMap(g, d);
    if (!d) {
      this.paths = [];
      this.text(W / 2, (MAP_TOP + MAP_BOTTOM) / 2, 'Waiting for the world…', 24, MUTED, false, [0.5, 0.5]);
    } else {
      this.drawLead(g, d);
      this.drawCompute(g, d);
      this.drawStrait(g, d);
      this.drawFlows(g, d);
      this.drawSeats(g, d);
      this.drawGauges(g, d);
    }
    // Bake the still picture into one texture: a Graphics object would re-triangulate every country each frame.
    this.still.clear();
    this.still.draw(this.layer, 0, 0);
    this.still.render();
    this.layer.removeAll(true);
    this.drawParticles(this.time.now);
  }

  override update(time: number): void {
    if (this.motion) this.drawParticles(time);
  }

  private drawMap(g: Phaser.GameObjects.Graphics, d: WorldData | null): void {
    g.fillStyle(OCEAN, 1);
    g.fillRect(0, MAP_TOP, W, MAP_BOTTOM - MAP_TOP);
    // Graticule every 30°, faint, for orientation.
    const geo = worldGeometry();
    g.lineStyle(1, 0x18233a, 1);
    for (let lon = -150; lon <= 180; lon += 30) {
      const pts: Phaser.Math.Vector2[] = [];
      for (let lat = -50; lat <= 75; lat += 5) {
        const p = geo.projection([lon, lat]);
        if (p) pts.push(new Phaser.Math.Vector2(p[0], p[1]));
      }
      if (pts.length > 1) g.strokePoints(pts, false);
    }
    for (let lat = -30; lat <= 60; lat += 30) {
      const pts: Phaser.Math.Vector2[] = [];
      for (let lon = -130; lon <= 158; lon += 4) {
        const p = geo.projection([lon, lat]);
        if (p) pts.push(new Phaser.Math.Vector2(p[0], p[1]));
      }
      g.strokePoints(pts, false);
    }
    const hi = this.highlighted.region;
    for (const s of geo.shapes) {
      const fill = d ? regionFill(d, s.region) : 0x1c2638;
      const lit = hi !== undefined && s.region === hi;
      g.fillStyle(lit ? mix(fill, 0xffffff, 0.18) : fill, 1);
      for (const ring of s.rings) {
        const pts: Phaser.Math.Vector2[] = [];
        for (let i = 0; i < ring.length; i += 2) pts.push(new Phaser.Math.Vector2(ring[i], ring[i + 1]));
        g.fillPoints(pts, true);
      }
    }
    // Borders after fills, so neighbours never paint over them.
    for (const s of geo.shapes) {
      const lit = hi !== undefined && s.region === hi;
      g.lineStyle(lit ? 1.6 : 0.6, lit ? 0xffffff : 0x0b101b, lit ? 0.95 : 0.9);
      for (const ring of s.rings) {
        const pts: Phaser.Math.Vector2[] = [];
        for (let i = 0; i < ring.length; i += 2) pts.push(new Phaser.Math.Vector2(ring[i], ring[i + 1]));
        g.strokePoints(pts, true);
      }
    }
    // Singapore is too small for the 1:110m outlines: mark it.
    const sg = geo.places.SINGAPORE;
    g.fillStyle(d ? regionFill(d, 'HUB') : 0x1c2638, 1);
    g.fillCircle(sg.x, sg.y, 2.5);
  }

  /** Lead in months on an axis, with the estimate's band and the outcome thresholds marked. */
  private drawLead(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    g.fillStyle(BG, 1);
    g.fillRect(0, 0, W, MAP_TOP);
    const x0 = 330;
    const x1 = W - 24;
    const min = -6;
    const max = 30;
    const X = (v: number) => x0 + ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * (x1 - x0);
    const y = 52;
    this.text(20, 12, d.quarter, 30, INK, true);
    this.text(20, 52, d.viewer, this.legible(16), MUTED);
    const lead = d.lead;
    const label = lead.exact
      ? `US lead: ${fixed(lead.value, 1)} months (exact)`
      : `US lead ≈ ${fixed(lead.value, 1)} months  (estimate ${fixed(lead.low, 1)} to ${fixed(lead.high, 1)})`;
    this.text(x0, 10, label, 19, INK, true);
    g.fillStyle(0x26324a, 1);
    g.fillRect(x0, y - 6, x1 - x0, 12);
    g.fillStyle(hex(OKABE.vermillion), 0.55);
    g.fillRect(X(min), y - 6, X(d.thresholds.parity) - X(min), 12);
    g.fillStyle(hex(OKABE.blue), 0.7);
    g.fillRect(X(d.thresholds.democraticLead), y - 6, X(max) - X(d.thresholds.democraticLead), 12);
    if (!lead.exact) {
      const bx = X(lead.low);
      const bw = Math.max(3, X(lead.high) - bx);
      g.fillStyle(0xffffff, 0.22);
      g.fillRect(bx, y - 11, bw, 22);
      g.lineStyle(2, 0xffffff, 0.8);
      g.strokeRect(bx, y - 11, bw, 22);
    }
    const mx = X(lead.value);
    g.fillStyle(0xffffff, 1);
    g.fillTriangle(mx - 8, y - 20, mx + 8, y - 20, mx, y - 8);
    g.fillRect(mx - 2, y - 10, 4, 21);
    const size = this.legible(14);
    const ticks = [0, d.thresholds.parity, d.thresholds.democraticLead, 24].map((v) => {
      g.fillStyle(0xcfd8e6, 1);
      g.fillRect(X(v) - 1, y + 8, 2, 7);
      return this.text(X(v), y + 15, `${v}`, size, MUTED, false, [0.5, 0]);
    });
    // Larger type on a small map: the zone names shorten rather than run into the axis's figures.
    const prc = this.text(X(min), y + 15, '◀ PRC ahead', size, PRC_INK);
    if (prc.x + prc.displayWidth > ticks[0].x - ticks[0].displayWidth / 2 - 6) prc.setText('◀ PRC');
    const dem = this.text(X(d.thresholds.democraticLead) + 22, y + 15, 'democratic-lead zone ▶', size, DEM_INK);
    if (dem.x + dem.displayWidth > ticks[3].x - ticks[3].displayWidth / 2 - 6) dem.setText('dem. lead ▶');
  }

  private drawCompute(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const geo = worldGeometry();
    const blocs = Object.keys(BLOC_PLACE) as (keyof WorldData['compute'])[];
    const maxStock = Math.max(...blocs.map((b) => d.compute[b].high || d.compute[b].value), 1);
    const colour: Record<string, number> = { US: hex(OKABE.sky), CN: hex(OKABE.vermillion), ALLIES: hex(OKABE.sky), HUB: hex(OKABE.orange) };
    for (const b of blocs) {
      const e = d.compute[b];
      const p = geo.places[BLOC_PLACE[b]];
      const r = (v: number) => 8 + 30 * Math.sqrt(Math.max(0, v) / maxStock);
      g.fillStyle(colour[b], 0.14);
      g.fillCircle(p.x, p.y, r(e.value));
      if (!e.exact) {
        // The band as two rings: the low and the high estimate.
        g.lineStyle(1.2, colour[b], 0.75);
        g.strokeCircle(p.x, p.y, r(e.high));
        g.strokeCircle(p.x, p.y, r(Math.max(0, e.low)));
      } else {
        g.lineStyle(2, colour[b], 0.9);
        g.strokeCircle(p.x, p.y, r(e.value));
      }
    }
  }

  /** Tension as a link from China to Taiwan: thicker and hotter as it nears the crisis threshold. */
  private drawStrait(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const geo = worldGeometry();
    const a = geo.places.CN;
    const b = geo.places.TW;
    const t = d.tension / 100;
    const hot = d.tension >= d.thresholds.strait;
    g.lineStyle(2 + 6 * t, hot ? hex(OKABE.vermillion) : hex(OKABE.yellow), 0.35 + 0.55 * t);
    const segs = 7;
    for (let i = 0; i < segs; i += 2) {
      const f0 = i / segs;
      const f1 = (i + 1) / segs;
      g.lineBetween(a.x + (b.x - a.x) * f0, a.y + (b.y - a.y) * f0, a.x + (b.x - a.x) * f1, a.y + (b.y - a.y) * f1);
    }
  }

  /** Each flow as a curved path with its own dash pattern, an arrowhead, and (when it has one) its figure. */
  private drawFlows(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const geo = worldGeometry();
    const bulge: Record<FlowKind, number> = { legal: -0.28, exports: 0.22, smuggled: 0.35, offshore: -0.45, distillation: -0.22, 'open-weights': 0.2 };
    this.paths = d.flows.map((flow) => {
      const a = geo.places[flow.from];
      const b = geo.places[flow.to];
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const k = bulge[flow.kind];
      const cx = mx - dy * k;
      const cy = my + dx * k * (Math.abs(dx) > 300 ? -1 : 1);
      const pts: { x: number; y: number }[] = [];
      const n = 48;
      for (let i = 0; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        pts.push({ x: u * u * a.x + 2 * u * t * cx + t * t * b.x, y: Math.max(MAP_TOP + 4, u * u * a.y + 2 * u * t * cy + t * t * b.y) });
      }
      const cum = [0];
      for (let i = 1; i < pts.length; i++) cum.push(cum[i - 1] + Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
      return { flow, pts, cum, len: cum[cum.length - 1] };
    });
    for (const p of this.paths) {
      const c = hex(FLOW_COLOUR[p.flow.kind]);
      const lit = this.highlighted.flow === p.flow.id;
      const width = (lit ? 2 : 0) + 1.5 + 2.5 * p.flow.weight;
      const style = FLOW_INFO[p.flow.kind].line;
      // Dash pattern in path length: [on, off, on, off].
      const pattern = style === 'solid' ? null : style === 'dashed' ? [10, 6] : style === 'dotted' ? [2.5, 5] : [12, 4, 2.5, 4];
      g.lineStyle(width + 3, BG, 0.55);
      this.strokePath(g, p, null);
      g.lineStyle(width, c, lit ? 1 : 0.85);
      this.strokePath(g, p, pattern);
      // Arrowhead at the end.
      const e = p.pts[p.pts.length - 1];
      const f = p.pts[p.pts.length - 4];
      const ang = Math.atan2(e.y - f.y, e.x - f.x);
      const s = 7 + 3 * p.flow.weight;
      g.fillStyle(c, 1);
      g.fillTriangle(e.x, e.y, e.x - s * Math.cos(ang - 0.45), e.y - s * Math.sin(ang - 0.45), e.x - s * Math.cos(ang + 0.45), e.y - s * Math.sin(ang + 0.45));
      if (/H100e/.test(p.flow.figure) && !this.compact) {
        const m = p.pts[Math.floor(p.pts.length * 0.45)];
        const v = p.flow.figure.replace(/ H100e.*$/, '');
        this.inside(this.text(m.x, m.y - 6, v, 12, FLOW_COLOUR[p.flow.kind], true, [0.5, 1]).setShadow(0, 1, '#000000', 3, false, true));
      }
    }
  }

  private strokePath(g: Phaser.GameObjects.Graphics, p: Path, pattern: number[] | null): void {
    if (!pattern) {
      g.strokePoints(p.pts.map((q) => new Phaser.Math.Vector2(q.x, q.y)), false);
      return;
    }
    let i = 0;
    let at = 0;
    let on = true;
    while (at < p.len) {
      const seg = pattern[i % pattern.length];
      const end = Math.min(p.len, at + seg);
      if (on) {
        const a = this.pointAt(p, at);
        const b = this.pointAt(p, end);
        g.lineBetween(a.x, a.y, b.x, b.y);
      }
      at = end;
      on = !on;
      i++;
    }
  }

  private pointAt(p: Path, dist: number): { x: number; y: number } {
    const d = Math.max(0, Math.min(p.len, dist));
    let lo = 0;
    let hi = p.cum.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (p.cum[mid] < d) lo = mid;
      else hi = mid;
    }
    const seg = p.cum[hi] - p.cum[lo] || 1;
    const t = (d - p.cum[lo]) / seg;
    return { x: p.pts[lo].x + (p.pts[hi].x - p.pts[lo].x) * t, y: p.pts[lo].y + (p.pts[hi].y - p.pts[lo].y) * t };
  }

  /** The moving markers on each flow: their count and speed follow the flow's weight; their shape its kind. */
  private drawParticles(time: number): void {
    const g = this.fx;
    if (!g) return;
    g.clear();
    for (const p of this.paths) {
      const c = hex(FLOW_COLOUR[p.flow.kind]);
      const n = 2 + Math.round(p.flow.weight * 4);
      const speed = 40 + 40 * p.flow.weight; // virtual px per second
      for (let i = 0; i < n; i++) {
        const phase = this.motion ? ((time / 1000) * speed) / p.len : 0.5 / n;
        const t = (phase + i / n) % 1;
        const q = this.pointAt(p, t * p.len);
        this.marker(g, p.flow.kind, q.x, q.y, 4 + 1.5 * p.flow.weight, c);
      }
    }
  }

  private marker(g: Phaser.GameObjects.Graphics, kind: FlowKind, x: number, y: number, r: number, c: number): void {
    g.fillStyle(c, 1);
    g.lineStyle(1.5, 0x0b101b, 1);
    switch (kind) {
      case 'legal':
        g.fillCircle(x, y, r);
        g.strokeCircle(x, y, r);
        break;
      case 'exports':
        g.fillTriangle(x, y - r - 1, x + r + 1, y + r, x - r - 1, y + r);
        break;
      case 'smuggled':
        g.fillRect(x - r, y - r, 2 * r, 2 * r);
        g.strokeRect(x - r, y - r, 2 * r, 2 * r);
        break;
      case 'offshore':
        g.fillTriangle(x, y - r - 1, x + r + 1, y, x, y + r + 1);
        g.fillTriangle(x, y - r - 1, x - r - 1, y, x, y + r + 1);
        break;
      case 'distillation':
        g.lineStyle(3, c, 1);
        g.lineBetween(x - r, y - r, x + r, y + r);
        g.lineBetween(x - r, y + r, x + r, y - r);
        break;
      case 'open-weights':
        g.lineStyle(2.5, c, 1);
        g.strokeCircle(x, y, r);
        break;
    }
  }

  private drawSeats(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const geo = worldGeometry();
    for (const n of d.seats) {
      const spec = SEAT_MARK[n.seat];
      const p = geo.places[spec.place];
      const c = hex(SIDE_COLOUR[n.side]);
      const r = n.kind === 'lab' ? 6 : 8;
      g.lineStyle(n.mine ? 3 : 1.5, n.mine ? 0xffffff : 0x0b101b, 1);
      g.fillStyle(c, 1);
      if (n.side === 'democratic') {
        g.fillCircle(p.x, p.y, r);
        g.strokeCircle(p.x, p.y, r);
      } else if (n.side === 'prc') {
        g.fillRect(p.x - r, p.y - r, 2 * r, 2 * r);
        g.strokeRect(p.x - r, p.y - r, 2 * r, 2 * r);
      } else {
        const k = r + 3;
        const pts = [new Phaser.Math.Vector2(p.x, p.y - k), new Phaser.Math.Vector2(p.x + k, p.y), new Phaser.Math.Vector2(p.x, p.y + k), new Phaser.Math.Vector2(p.x - k, p.y)];
        g.fillPoints(pts, true);
        g.strokePoints(pts, true);
      }
      const L = spec.label;
      // A leader line from a called-out label to its marker.
      if (Math.hypot(L.x - p.x, L.y - p.y) > 30) {
        g.lineStyle(1, 0xcfd8e6, 0.55);
        g.lineBetween(p.x, p.y, L.x, L.y + 8);
      }
      const bloc = n.seat === 'US' ? 'US' : n.seat === 'CN' ? 'CN' : n.seat === 'EU' ? 'ALLIES' : n.seat === 'HUB' ? 'HUB' : null;
      const e = bloc ? d.compute[bloc] : null;
      const fig = e ? (e.exact ? `${BLOC_LABEL[bloc!]} compute ${fmtCompute(e.value)} · exact` : `${BLOC_LABEL[bloc!]} compute ≈${fmtCompute(e.value)}`) : null;
      const state = d.playing && n.human ? (n.submitted ? ' · ✓ orders in' : n.away ? '' : ' · deciding…') : '';
      const lines = [`${n.kind === 'lab' ? 'LAB · ' : ''}${n.short}`, `${n.status}${state}`, fig].filter(Boolean) as string[];
      // Labels near the edges would run off the map: each is kept whole on it.
      if (this.compact) {
        this.inside(this.text(L.x, L.y, n.mine ? `${lines[0]} (you)` : lines[0], COMPACT_LABEL, n.mine ? '#ffffff' : INK, true, [0.5, 0]).setShadow(0, 1, '#000000', 4, false, true));
        continue;
      }
      this.inside(this.text(L.x, L.y, lines[0], 15, INK, true, [0.5, 0]).setShadow(0, 1, '#000000', 4, false, true));
      this.inside(this.text(L.x, L.y + 18, lines[1], 12, n.mine ? '#ffffff' : MUTED, n.mine, [0.5, 0]).setShadow(0, 1, '#000000', 4, false, true));
      if (lines[2]) this.inside(this.text(L.x, L.y + 33, lines[2], 12, MUTED, false, [0.5, 0]).setShadow(0, 1, '#000000', 4, false, true));
    }
    // Strait tension and the Global South's share are in the gauges and lists on a compact map.
    if (this.compact) return;
    // Strait tension, by Taiwan's label.
    const hot = d.tension >= d.thresholds.strait;
    const tw = SEAT_MARK.TW.label;
    this.inside(this.text(tw.x, tw.y + 33, `Strait tension ${d.tension.toFixed(0)}/100${hot ? ' — DANGER' : ''}`, 12, hot ? PRC_INK : '#f0e442', true, [0.5, 0]).setShadow(0, 1, '#000000', 4, false, true));
    // The Global South's share, on Africa.
    const af = geo.places.AFRICA;
    const s = d.adoption.SOUTH.democratic;
    this.inside(this.text(af.x, af.y + 24, `Global South\n● ${(s * 100).toFixed(0)}% dem. · ■ ${((1 - s) * 100).toFixed(0)}% PRC`, 12, INK, true, [0.5, 0]).setAlign('center').setShadow(0, 1, '#000000', 4, false, true));
  }

  /**
   * A gauge in its slot (`lo`–`hi`, the bar and half the gaps beside it). Its threshold's caption is
   * centred on the threshold, in its short form when the long one does not fit the slot, and kept in it.
   */
  private gauge(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, slot: [number, number], title: string, value: number, max: number, valueText: string, threshold: number | null, caption: [long: string, short: string], colour: number) {
    this.text(x, y, title, this.legible(15), MUTED);
    this.text(x + w, y - 2, valueText, this.legible(18), INK, true, [1, 0]);
    const by = y + 26;
    g.fillStyle(0x26324a, 1);
    g.fillRect(x, by, w, 14);
    g.fillStyle(colour, 1);
    g.fillRect(x, by, Math.max(4, (w * Math.min(max, Math.max(0, value))) / max), 14);
    if (threshold !== null) {
      const tx = x + (w * threshold) / max;
      g.fillStyle(0xffffff, 1);
      g.fillRect(tx - 1.5, by - 5, 3, 24);
      const t = this.text(tx, by + 21, caption[0], this.legible(13), MUTED, false, [0.5, 0]);
      if (t.displayWidth > slot[1] - slot[0]) t.setText(caption[1]);
      this.inside(t, ...slot);
    }
  }

  private drawGauges(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    g.fillStyle(0x0a0f1a, 1);
    g.fillRect(0, MAP_BOTTOM + 6, W, H - MAP_BOTTOM - 6);
    const y = MAP_BOTTOM + 22;
    const w = 210;
    const gap = (W - 40 - 4 * w) / 3;
    // Half the gap between two bars, less a margin, so neighbouring captions never run together.
    const slot = (x: number): [number, number] => [Math.max(EDGE, x - gap / 2 + 10), Math.min(W - EDGE, x + w + gap / 2 - 10)];
    let x = 20;
    const misuse = `${(d.thresholds.misuse * 100).toFixed(0)}%`;
    this.gauge(g, x, y, w, slot(x), 'Tension', d.tension, 100, `${d.tension.toFixed(0)}/100`, d.thresholds.strait, [`crisis odds from ${d.thresholds.strait}`, `crisis from ${d.thresholds.strait}`], hex(OKABE.vermillion));
    x += w + gap;
    this.gauge(g, x, y, w, slot(x), 'Cooperation', d.cooperation, 100, `${d.cooperation.toFixed(0)}/100`, d.thresholds.stewardship, [`stewardship ≥ ${d.thresholds.stewardship}`, `stewardship ≥ ${d.thresholds.stewardship}`], hex(OKABE.green));
    x += w + gap;
    this.gauge(g, x, y, w, slot(x), 'Misuse risk', d.misuse, 1, `${(d.misuse * 100).toFixed(0)}%`, d.thresholds.misuse, [`catastrophe odds above ${misuse}`, `catastrophe > ${misuse}`], hex(OKABE.purple));
    x += w + gap;
    this.text(x, y, 'Swing markets', this.legible(15), MUTED);
    const by = y + 26;
    const dw = w * d.swingDemocratic;
    g.fillStyle(hex(OKABE.blue), 1);
    g.fillRect(x, by, dw, 14);
    g.fillStyle(hex(OKABE.vermillion), 1);
    g.fillRect(x + dw, by, w - dw, 14);
    g.fillStyle(0xffffff, 1);
    g.fillRect(x + w / 2 - 1.5, by - 5, 3, 24);
    const dem = `${(d.swingDemocratic * 100).toFixed(0)}%`;
    const prc = `${((1 - d.swingDemocratic) * 100).toFixed(0)}%`;
    const left = this.text(x, by + 21, `● dem. ${dem}`, this.legible(14), DEM_INK, true);
    const right = this.text(x + w, by + 21, `PRC ${prc} ■`, this.legible(14), PRC_INK, true, [1, 0]);
    // In larger type the two shares keep their glyphs and colours, and drop the words, rather than overlap.
    if (left.displayWidth + right.displayWidth + 8 > w) {
      left.setText(`● ${dem}`);
      right.setText(`${prc} ■`);
    }
  }
}
