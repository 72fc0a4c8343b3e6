import * as Phaser from 'phaser';
import { WorldScene } from './scene.js';
import { H, W } from './layout.js';
import type { WorldData } from './data.js';

/** Frames to draw after a change before the loop sleeps again. */
const FRAMES_AFTER_CHANGE = 4;

/**
 * Mounts the Phaser world view in `parent` and feeds it data. The picture only changes when the
 * data does, so the render loop sleeps in between (laptops and software-rendered browsers thank us).
 * `destroy` frees the WebGL context.
 */
export function mountWorld(parent: HTMLElement): { set(d: WorldData): void; destroy(): void } {
  const scene = new WorldScene();
  let framesLeft = FRAMES_AFTER_CHANGE * 4;
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#0d1320',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: W, height: H },
    scene,
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
  });
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    framesLeft -= 1;
    if (framesLeft <= 0) game.loop.sleep();
  });
  const kick = () => {
    framesLeft = FRAMES_AFTER_CHANGE;
    game.loop.wake();
  };
  const onResize = () => kick();
  window.addEventListener('resize', onResize);
  return {
    set(d) {
      scene.setWorld(d);
      kick();
    },
    destroy() {
      window.removeEventListener('resize', onResize);
      game.destroy(true);
    },
  };
}
