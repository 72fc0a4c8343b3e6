import type { WorldData } from './data.js';

export type WorldView = { set(d: WorldData): void; destroy(): void };
type Mount = (parent: HTMLElement) => WorldView;

let pending: Promise<Mount> | null = null;

/** Phaser is most of the bundle: load it on demand (and early, from the match lobby). */
export function loadWorldView(): Promise<Mount> {
  pending ??= import('./view.js').then((m) => m.mountWorld);
  return pending;
}
