import type { BlocId, SeatId } from '../../../shared/index.js';

/** The virtual canvas; Phaser scales it to fit its box. Sized so that text stays legible on a projector. */
export const W = 1000;
export const H = 560;

/** The band of the canvas that holds the map, between the lead bar and the gauges. */
export const MAP_TOP = 92;
export const MAP_BOTTOM = 452;

/** A stylised map: west to east, the Americas, Europe, the Gulf and South-East Asia, China, Taiwan, Japan–Korea. */
export const SEAT_POS: Record<SeatId, { x: number; y: number }> = {
  US: { x: 165, y: 235 },
  USLAB: { x: 250, y: 370 },
  EU: { x: 415, y: 205 },
  HUB: { x: 520, y: 365 },
  CN: { x: 705, y: 225 },
  CNLAB: { x: 655, y: 380 },
  TW: { x: 830, y: 345 },
  JK: { x: 905, y: 200 },
};

/** Where each bloc's compute bubble sits, and which side its label goes. */
export const BLOC_POS: Record<BlocId, { x: number; y: number; label: string }> = {
  US: { x: 165, y: 235, label: 'US compute' },
  CN: { x: 705, y: 225, label: 'PRC compute' },
  ALLIES: { x: 415, y: 205, label: 'Allied compute' },
  HUB: { x: 520, y: 365, label: 'Hub compute' },
};

/** Rough land masses (polygons in virtual pixels) for orientation only. */
export const LAND: number[][] = [
  // North America
  [50, 130, 250, 110, 290, 160, 265, 240, 215, 310, 170, 330, 120, 285, 70, 220],
  // Europe
  [350, 135, 470, 120, 490, 175, 460, 245, 385, 255, 360, 205],
  // Middle East & South Asia
  [455, 285, 555, 275, 600, 340, 565, 440, 495, 445, 465, 370],
  // China
  [600, 160, 790, 150, 815, 230, 770, 310, 650, 320, 600, 260],
  // South-East Asia
  [655, 335, 745, 335, 770, 420, 700, 445, 660, 405],
  // Japan–Korea
  [870, 140, 935, 132, 955, 225, 900, 255, 875, 210],
  // Taiwan
  [818, 318, 838, 314, 848, 362, 824, 372],
];
