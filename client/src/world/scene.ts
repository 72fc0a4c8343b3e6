import * as Phaser from 'phaser';
import { BLOCS } from '../../../shared/index.js';
import { compute as fmtCompute } from '../format.js';
import { OKABE, SIDE_COLOUR, hex } from '../palette.js';
import type { WorldData } from './data.js';
import { BLOC_POS, H, LAND, MAP_BOTTOM, MAP_TOP, SEAT_POS, W } from './layout.js';

const BG = 0x0d1320;
const INK = '#eef2f8';
const MUTED = '#a7b2c4';
const DEM_INK = '#8fc7ef';
const PRC_INK = '#f2a77a';
const FONT = 'Inter, "Segoe UI", "DejaVu Sans", system-ui, sans-serif';

/** The world view: blocs and seats on a stylised map, the lead with its band, and the risk gauges. */
export class WorldScene extends Phaser.Scene {
  private world: WorldData | null = null;
  private layer!: Phaser.GameObjects.Container;
  private ready = false;

  constructor() {
    super('world');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(BG);
    this.layer = this.add.container(0, 0);
    this.ready = true;
    this.redraw();
  }

  setWorld(d: WorldData): void {
    this.world = d;
    if (this.ready) this.redraw();
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
    this.drawMap(g);
    if (!d) {
      this.text(W / 2, H / 2, 'Waiting for the world…', 24, MUTED, false, [0.5, 0.5]);
      return;
    }
    this.drawLead(g, d);
    this.drawCompute(g, d);
    this.drawStrait(g, d);
    this.drawSeats(g, d);
    this.drawGauges(g, d);
  }

  private drawMap(g: Phaser.GameObjects.Graphics): void {
    g.lineStyle(1, 0x1a2338, 1);
    for (let x = 40; x < W; x += 60) g.lineBetween(x, MAP_TOP, x, MAP_BOTTOM);
    for (let y = MAP_TOP; y <= MAP_BOTTOM; y += 60) g.lineBetween(16, y, W - 16, y);
    g.fillStyle(0x18213a, 1);
    g.lineStyle(1.5, 0x2b3852, 1);
    for (const poly of LAND) {
      const pts: Phaser.Math.Vector2[] = [];
      for (let i = 0; i < poly.length; i += 2) pts.push(new Phaser.Math.Vector2(poly[i], poly[i + 1]));
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
    }
  }

  /** Lead in months on an axis, with the estimate's band and the outcome thresholds marked. */
  private drawLead(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const x0 = 330;
    const x1 = W - 24;
    const min = -6;
    const max = 30;
    const X = (v: number) => x0 + ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * (x1 - x0);
    const y = 52;
    this.text(20, 12, d.quarter, 30, INK, true);
    this.text(20, 52, d.viewer, 16, MUTED);
    const lead = d.lead;
    const label = lead.exact
      ? `US lead: ${lead.value.toFixed(1)} months (exact)`
      : `US lead ≈ ${lead.value.toFixed(1)} months  (estimate ${lead.low.toFixed(1)} to ${lead.high.toFixed(1)})`;
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
    for (const v of [0, d.thresholds.parity, d.thresholds.democraticLead, 24]) {
      g.fillStyle(0xcfd8e6, 1);
      g.fillRect(X(v) - 1, y + 8, 2, 7);
      this.text(X(v), y + 15, `${v}`, 14, MUTED, false, [0.5, 0]);
    }
    this.text(X(min), y + 15, '◀ PRC ahead', 14, PRC_INK);
    this.text(X(d.thresholds.democraticLead) + 22, y + 15, 'democratic-lead zone ▶', 14, DEM_INK);
  }

  private drawCompute(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const maxStock = Math.max(...BLOCS.map((b) => d.compute[b].high || d.compute[b].value), 1);
    const colour: Record<string, number> = { US: hex(OKABE.blue), CN: hex(OKABE.vermillion), ALLIES: hex(OKABE.sky), HUB: hex(OKABE.orange) };
    for (const b of BLOCS) {
      const e = d.compute[b];
      const p = BLOC_POS[b];
      const r = (v: number) => 30 + 62 * Math.sqrt(Math.max(0, v) / maxStock);
      g.fillStyle(colour[b], 0.16);
      g.fillCircle(p.x, p.y, r(e.value));
      if (!e.exact) {
        g.lineStyle(1.5, colour[b], 0.7);
        g.strokeCircle(p.x, p.y, r(e.high));
        g.strokeCircle(p.x, p.y, r(Math.max(0, e.low)));
      } else {
        g.lineStyle(2, colour[b], 0.9);
        g.strokeCircle(p.x, p.y, r(e.value));
      }
      const top = p.y - r(e.exact ? e.value : e.high) - 4;
      const fig = e.exact ? `${fmtCompute(e.value)} H100e · exact` : `≈${fmtCompute(e.value)} (${fmtCompute(Math.max(0, e.low))}–${fmtCompute(e.high)})`;
      this.text(p.x, top, `${p.label}\n${fig}`, 14, MUTED, false, [0.5, 1]).setAlign('center');
    }
  }

  /** Tension as a link from Beijing to Taipei: thicker and redder as it nears the crisis threshold. */
  private drawStrait(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    const a = SEAT_POS.CN;
    const b = SEAT_POS.TW;
    const t = d.tension / 100;
    const hot = d.tension >= d.thresholds.strait;
    g.lineStyle(3 + 9 * t, hot ? hex(OKABE.vermillion) : hex(OKABE.yellow), 0.35 + 0.55 * t);
    const segs = 9;
    for (let i = 0; i < segs; i += 2) {
      const f0 = i / segs;
      const f1 = (i + 1) / segs;
      g.lineBetween(a.x + (b.x - a.x) * f0, a.y + (b.y - a.y) * f0, a.x + (b.x - a.x) * f1, a.y + (b.y - a.y) * f1);
    }
    this.text(b.x + 22, b.y - 62, `Strait tension\n${d.tension.toFixed(0)} / 100${hot ? ' — DANGER' : ''}`, 14, hot ? PRC_INK : INK, true, [0, 0]);
  }

  private drawSeats(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    for (const n of d.seats) {
      const p = SEAT_POS[n.seat];
      const c = hex(SIDE_COLOUR[n.side]);
      const r = n.kind === 'lab' ? 14 : 18;
      g.lineStyle(n.mine ? 4 : 2, n.mine ? 0xffffff : 0x0d1320, 1);
      g.fillStyle(c, 1);
      if (n.side === 'democratic') {
        g.fillCircle(p.x, p.y, r);
        g.strokeCircle(p.x, p.y, r);
      } else if (n.side === 'prc') {
        g.fillRect(p.x - r, p.y - r, 2 * r, 2 * r);
        g.strokeRect(p.x - r, p.y - r, 2 * r, 2 * r);
      } else {
        const k = r + 5;
        const pts = [new Phaser.Math.Vector2(p.x, p.y - k), new Phaser.Math.Vector2(p.x + k, p.y), new Phaser.Math.Vector2(p.x, p.y + k), new Phaser.Math.Vector2(p.x - k, p.y)];
        g.fillPoints(pts, true);
        g.strokePoints(pts, true);
      }
      if (n.kind === 'lab') this.text(p.x, p.y, 'LAB', 10, '#ffffff', true, [0.5, 0.5]);
      this.text(p.x, p.y + r + 5, n.short, 17, INK, true, [0.5, 0]).setShadow(0, 1, '#000000', 3, false, true);
      const state = d.playing && n.human ? (n.submitted ? ' · ✓ orders in' : ' · deciding…') : '';
      this.text(p.x, p.y + r + 25, `${n.status}${state}`, 13, n.mine ? '#ffffff' : MUTED, n.mine, [0.5, 0]).setShadow(0, 1, '#000000', 3, false, true);
    }
  }

  private gauge(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, title: string, value: number, max: number, valueText: string, threshold: number | null, thresholdText: string, colour: number) {
    this.text(x, y, title, 15, MUTED);
    this.text(x + w, y - 2, valueText, 18, INK, true, [1, 0]);
    const by = y + 26;
    g.fillStyle(0x26324a, 1);
    g.fillRect(x, by, w, 14);
    g.fillStyle(colour, 1);
    g.fillRect(x, by, Math.max(4, (w * Math.min(max, Math.max(0, value))) / max), 14);
    if (threshold !== null) {
      const tx = x + (w * threshold) / max;
      g.fillStyle(0xffffff, 1);
      g.fillRect(tx - 1.5, by - 5, 3, 24);
      this.text(tx, by + 21, thresholdText, 13, MUTED, false, [0.5, 0]);
    }
  }

  private drawGauges(g: Phaser.GameObjects.Graphics, d: WorldData): void {
    g.fillStyle(0x0a0f1a, 1);
    g.fillRect(0, MAP_BOTTOM + 6, W, H - MAP_BOTTOM - 6);
    const y = MAP_BOTTOM + 22;
    const w = 210;
    const gap = (W - 40 - 4 * w) / 3;
    let x = 20;
    this.gauge(g, x, y, w, 'Tension', d.tension, 100, `${d.tension.toFixed(0)}/100`, d.thresholds.strait, `crisis ≥ ${d.thresholds.strait}`, hex(OKABE.vermillion));
    x += w + gap;
    this.gauge(g, x, y, w, 'Cooperation', d.cooperation, 100, `${d.cooperation.toFixed(0)}/100`, d.thresholds.stewardship, `stewardship ≥ ${d.thresholds.stewardship}`, hex(OKABE.green));
    x += w + gap;
    this.gauge(g, x, y, w, 'Misuse risk', d.misuse, 1, `${(d.misuse * 100).toFixed(0)}%`, d.thresholds.misuse, `catastrophe > ${(d.thresholds.misuse * 100).toFixed(0)}%`, hex(OKABE.purple));
    x += w + gap;
    this.text(x, y, 'Swing markets', 15, MUTED);
    const by = y + 26;
    const dw = w * d.swingDemocratic;
    g.fillStyle(hex(OKABE.blue), 1);
    g.fillRect(x, by, dw, 14);
    g.fillStyle(hex(OKABE.vermillion), 1);
    g.fillRect(x + dw, by, w - dw, 14);
    g.fillStyle(0xffffff, 1);
    g.fillRect(x + w / 2 - 1.5, by - 5, 3, 24);
    this.text(x, by + 21, `● dem. ${(d.swingDemocratic * 100).toFixed(0)}%`, 14, DEM_INK, true);
    this.text(x + w, by + 21, `PRC ${((1 - d.swingDemocratic) * 100).toFixed(0)}% ■`, 14, PRC_INK, true, [1, 0]);
  }
}
