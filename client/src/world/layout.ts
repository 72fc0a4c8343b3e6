/** The virtual canvas; Phaser scales it to fit its box. Sized so that text stays legible on a projector. */
export const W = 1000;
export const H = 560;

/** The band of the canvas that holds the map, between the lead bar and the gauges. */
export const MAP_TOP = 92;
export const MAP_BOTTOM = 452;
