import type { AppState } from '../store.js';

/** A screen is built once and then updated in place, so form input survives state patches. */
export interface Screen {
  readonly el: HTMLElement;
  update(s: AppState, prev: AppState): void;
  destroy?(): void;
}
