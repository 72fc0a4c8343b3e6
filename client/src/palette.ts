import type { Side } from '../../shared/index.js';

/** Okabe–Ito, colour-blind safe. Every colour is paired with a text label or a shape. */
export const OKABE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  purple: '#CC79A7',
  grey: '#9aa4b2',
} as const;

export const SIDE_COLOUR: Record<Side, string> = {
  democratic: OKABE.blue,
  prc: OKABE.vermillion,
  swing: OKABE.orange,
};

export const SIDE_LABEL: Record<Side, string> = {
  democratic: 'Democratic bloc',
  prc: 'PRC bloc',
  swing: 'Swing',
};

/** Shape glyphs that carry the side without colour. */
export const SIDE_GLYPH: Record<Side, string> = {
  democratic: '●',
  prc: '■',
  swing: '◆',
};

export function hex(c: string): number {
  return parseInt(c.slice(1), 16);
}
