import * as Phaser from 'phaser';
import { WorldScene } from './scene.js';
import { H, W } from './layout.js';
import type { WorldData } from './data.js';

/** Mounts the Phaser world view in `parent` and feeds it data; `destroy` frees the WebGL context. */
export function mountWorld(parent: HTMLElement): { set(d: WorldData): void; destroy(): void } {
  const scene = new WorldScene();
  let pending: WorldData | null = null;
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#0d1320',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: W, height: H },
    scene,
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false },
  });
  game.events.once('ready', () => {
    if (pending) scene.setWorld(pending);
  });
  return {
    set(d) {
      pending = d;
      scene.setWorld(d);
    },
    destroy() {
      game.destroy(true);
    },
  };
}
