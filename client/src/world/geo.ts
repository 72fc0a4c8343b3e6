import { geoNaturalEarth1, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import type { MapRegion } from './regions.js';
import { MAP_BOTTOM, MAP_TOP, W } from './layout.js';

/**
 * The real world map: Natural Earth's 1:110m country outlines (world-atlas, public domain data, ISC
 * package), projected with d3-geo's Natural Earth projection into the canvas's map band. Each country is
 * assigned to one of the game's map regions by its ISO 3166-1 numeric code.
 */

const EU27 = ['040', '056', '100', '191', '196', '203', '208', '233', '246', '250', '276', '300', '348', '372', '380', '428', '440', '442', '528', '616', '620', '642', '703', '705', '724', '752'];
/** Other close US allies: in the game's "Allies" adoption region, but not a seat of their own. */
const OTHER_ALLIES = ['124', '826', '036', '554', '578', '756', '352', '376', '304'];
/** Gulf and Southeast Asian compute hubs. */
const HUBS = ['784', '682', '634', '414', '512', '458', '764', '704', '360', '608', '096'];
/** Not modelled as a market of either stack (shown neutral). */
const OTHER = ['643', '112', '408', '010'];

export function regionOfCountry(id: string | undefined, name: string): MapRegion {
  if (!id) return name === 'N. Cyprus' ? 'EU' : 'SOUTH';
  if (id === '840') return 'US';
  if (id === '156') return 'CN';
  if (id === '158') return 'TW';
  if (id === '392' || id === '410') return 'JK';
  if (EU27.includes(id)) return 'EU';
  if (OTHER_ALLIES.includes(id)) return 'ALLIED';
  if (HUBS.includes(id)) return 'HUB';
  if (OTHER.includes(id)) return 'OTHER';
  return 'SOUTH';
}

export type CountryShape = { id: string; name: string; region: MapRegion; rings: number[][]; box: [number, number, number, number] };

/** Longitude/latitude of the places the game draws on the map. */
export const PLACES = {
  US: [-98, 39],
  USLAB: [-122.1, 37.4],
  EU: [9, 50],
  JK: [133, 36.5],
  TW: [121, 23.7],
  HUB: [102, 3.5],
  GULF: [54, 24],
  CN: [104, 34],
  CNLAB: [120.2, 30.3],
  AFRICA: [20, 4],
  LATAM: [-58, -12],
  INDIA: [78.5, 21],
  ALLIED: [-2, 53],
  SINGAPORE: [103.8, 1.35],
} as const satisfies Record<string, [number, number]>;
export type PlaceId = keyof typeof PLACES;

let cached: { projection: GeoProjection; shapes: CountryShape[]; places: Record<PlaceId, { x: number; y: number }> } | null = null;

/** The projected map (computed once). */
export function worldGeometry() {
  if (cached) return cached;
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  // Fit the inhabited world (no Antarctica, little of the high Arctic) to the band between the lead bar and the gauges.
  const frame = { type: 'MultiPoint' as const, coordinates: [[-128, 70], [-128, -44], [156, 70], [156, -44], [10, 72], [10, -44]] };
  const projection = geoNaturalEarth1().rotate([-12, 0]).fitExtent([[12, MAP_TOP + 6], [W - 12, MAP_BOTTOM - 4]], frame);
  const shapes: CountryShape[] = [];
  for (const f of fc.features) {
    const id = f.id === undefined ? undefined : String(f.id);
    const name = f.properties?.name ?? '';
    if (id === '010') continue;
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const rings: number[][] = [];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const poly of polys) {
      // Outer ring only: holes (Lesotho in South Africa) are countries of their own, drawn on top.
      const outer = poly[0];
      const pts: number[] = [];
      let last: [number, number] | null = null;
      for (const c of outer) {
        const p = projection(c as [number, number]);
        if (!p) continue;
        // A ring that crosses the map's edge (the antimeridian) jumps across the map: split it there.
        if (last && Math.abs(p[0] - last[0]) > W / 3) {
          if (pts.length >= 6) rings.push(pts.splice(0));
          else pts.length = 0;
        }
        pts.push(Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10);
        last = p;
        x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]);
      }
      if (pts.length >= 6) rings.push(pts);
    }
    if (rings.length) shapes.push({ id: id ?? name, name, region: regionOfCountry(id, name), rings, box: [x0, y0, x1, y1] });
  }
  const places = Object.fromEntries(
    Object.entries(PLACES).map(([k, ll]) => {
      const p = projection(ll as [number, number]) ?? [0, 0];
      return [k, { x: Math.round(p[0]), y: Math.round(p[1]) }];
    }),
  ) as Record<PlaceId, { x: number; y: number }>;
  cached = { projection, shapes, places };
  return cached;
}

/** Even–odd point-in-polygon on a flat [x0, y0, x1, y1, …] ring. */
export function inRing(ring: number[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const xi = ring[i], yi = ring[i + 1], xj = ring[j], yj = ring[j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The country under a point of the virtual canvas, if any. */
export function countryAt(x: number, y: number): CountryShape | null {
  const { shapes } = worldGeometry();
  for (const s of shapes) {
    const [x0, y0, x1, y1] = s.box;
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    if (s.rings.some((r) => inRing(r, x, y))) return s;
  }
  return null;
}
