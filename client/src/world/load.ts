import type { MountedWorld, WorldViewOptions } from './view.js';

export type WorldView = MountedWorld;
type Mount = (parent: HTMLElement, opts?: WorldViewOptions) => WorldView;

let pending: Promise<Mount> | null = null;

/** Phaser is most of the bundle: load it on demand (and early, from the match lobby). */
export function loadWorldView(): Promise<Mount> {
  pending ??= import('./view.js').then((m) => m.mountWorld);
  return pending;
}
