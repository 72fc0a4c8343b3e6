import * as Phaser from 'phaser';
import { WorldScene } from './scene.js';
import { H, W } from './layout.js';
import type { WorldData } from './data.js';
import type { Flow } from './flows.js';
import type { MapRegion } from './regions.js';

/** Frames to draw after a change before the loop sleeps again (when nothing moves). */
const FRAMES_AFTER_CHANGE = 4;
/** How long the flows keep moving after a change or a touch of the map. */
const ANIMATE_MS = 8_000;

export type WorldHit = { flow?: Flow; region?: MapRegion };
export type WorldViewOptions = {
  /** The pointer moved onto something (or off it: null); `at` is in CSS pixels within the parent. */
  onPoint?(hit: WorldHit | null, at: { x: number; y: number } | null, how: 'hover' | 'tap'): void;
};

export type MountedWorld = {
  set(d: WorldData): void;
  /** Light up a region or flow (keyboard focus on the list beside the map). */
  highlight(h: { region?: MapRegion; flow?: string }): void;
  /** Where a region or flow is, in CSS pixels within the parent. */
  anchor(h: { region?: MapRegion; flow?: string }): { x: number; y: number } | null;
  destroy(): void;
};

/**
 * Mounts the Phaser world view in `parent` and feeds it data. The flows' markers move at up to 20 frames
 * a second for 8 s after each change or touch, while the map is on screen and the viewer has not asked for
 * reduced motion; otherwise the loop sleeps between changes (laptops and software-rendered browsers thank us). Pointer
 * events are read from the DOM (Phaser's input stays off, so the page scrolls normally on phones).
 * `destroy` frees the WebGL context.
 */
export function mountWorld(parent: HTMLElement, opts: WorldViewOptions = {}): MountedWorld {
  const scene = new WorldScene();
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  scene.motion = !reduce?.matches;
  let framesLeft = FRAMES_AFTER_CHANGE * 4;
  let onScreen = true;
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#0d1320',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: W, height: H },
    scene,
    banner: false,
    fps: { limit: 20 },
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
  });
  // Flows move for a while after each change or touch of the map, then hold still (laptops and
  // software-rendered projectors do not need to draw 30 frames a second all quarter long).
  let animateUntil = performance.now() + ANIMATE_MS;
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (scene.animated && onScreen && performance.now() < animateUntil) return;
    framesLeft -= 1;
    if (framesLeft <= 0) game.loop.sleep();
  });
  const kick = () => {
    framesLeft = FRAMES_AFTER_CHANGE;
    animateUntil = performance.now() + ANIMATE_MS;
    if (!game.loop.running) game.loop.wake();
  };
  // The scale Phaser's FIT gives the canvas in its box: a map drawn small gets fewer, larger labels.
  const fitLabels = () => {
    const wide = parent.clientWidth / W;
    const tall = parent.clientHeight > 0 ? parent.clientHeight / H : wide;
    scene.setShownScale(Math.min(wide, tall));
  };
  fitLabels();
  const onResize = () => {
    fitLabels();
    kick();
  };
  window.addEventListener('resize', onResize);
  const onMotion = () => {
    scene.motion = !reduce?.matches;
    kick();
  };
  reduce?.addEventListener?.('change', onMotion);
  // Sleep while the map is scrolled out of view.
  const io = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
        onScreen = entries.some((e) => e.isIntersecting);
        if (onScreen) kick();
      })
    : null;
  io?.observe(parent);

  /** CSS pixels within the parent <-> the virtual canvas. */
  const toVirtual = (clientX: number, clientY: number) => {
    const c = game.canvas;
    if (!c) return null;
    const r = c.getBoundingClientRect();
    if (r.width === 0) return null;
    return { x: ((clientX - r.left) / r.width) * W, y: ((clientY - r.top) / r.height) * H };
  };
  const toCss = (v: { x: number; y: number }) => {
    const c = game.canvas;
    if (!c) return null;
    const r = c.getBoundingClientRect();
    const pr = parent.getBoundingClientRect();
    return { x: r.left - pr.left + (v.x / W) * r.width, y: r.top - pr.top + (v.y / H) * r.height };
  };
  let lastKey = '';
  const point = (e: PointerEvent, how: 'hover' | 'tap') => {
    const v = toVirtual(e.clientX, e.clientY);
    const hit = v ? scene.hitTest(v.x, v.y) : null;
    const key = hit?.flow ? `f:${hit.flow.id}` : hit?.region ? `r:${hit.region}` : '';
    if (how === 'hover' && key === lastKey) return;
    lastKey = key;
    scene.highlight({ region: hit?.region, flow: hit?.flow?.id });
    kick();
    const pr = parent.getBoundingClientRect();
    opts.onPoint?.(hit, hit ? { x: e.clientX - pr.left, y: e.clientY - pr.top } : null, how);
  };
  const onMove = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') point(e, 'hover');
  };
  // A tap is a press and release on the map without moving (so scrolling past it shows nothing).
  let down: { x: number; y: number; t: number } | null = null;
  const onDown = (e: PointerEvent) => {
    down = { x: e.clientX, y: e.clientY, t: e.timeStamp };
  };
  const onUp = (e: PointerEvent) => {
    const d = down;
    down = null;
    if (!d || Math.hypot(e.clientX - d.x, e.clientY - d.y) > 10 || e.timeStamp - d.t > 800) return;
    point(e, 'tap');
  };
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType !== 'mouse') return;
    lastKey = '';
    scene.highlight({});
    kick();
    opts.onPoint?.(null, null, 'hover');
  };
  parent.addEventListener('pointermove', onMove);
  parent.addEventListener('pointerdown', onDown);
  parent.addEventListener('pointerup', onUp);
  parent.addEventListener('pointerleave', onLeave);

  return {
    set(d) {
      scene.setWorld(d);
      kick();
    },
    highlight(h) {
      scene.highlight(h);
      kick();
    },
    anchor(h) {
      const v = scene.anchorOf(h);
      return v ? toCss(v) : null;
    },
    destroy() {
      window.removeEventListener('resize', onResize);
      reduce?.removeEventListener?.('change', onMotion);
      io?.disconnect();
      parent.removeEventListener('pointermove', onMove);
      parent.removeEventListener('pointerdown', onDown);
      parent.removeEventListener('pointerup', onUp);
      parent.removeEventListener('pointerleave', onLeave);
      game.destroy(true);
    },
  };
}
