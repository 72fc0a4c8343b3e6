import type { BlocId, RegionId, SeatId, Side } from '../../../shared/index.js';

/** The map's regions: the seats' homes, the other allies, the Global South, and what the model leaves out. */
export const MAP_REGIONS = ['US', 'CN', 'EU', 'JK', 'TW', 'HUB', 'ALLIED', 'SOUTH', 'OTHER'] as const;
export type MapRegion = (typeof MAP_REGIONS)[number];

export type RegionInfo = {
  name: string;
  /** The adoption region whose shares colour it (null: a home bloc, coloured by its side). */
  adoption: RegionId | null;
  side: Side | null;
  bloc: BlocId | null;
  seats: SeatId[];
};

export const REGION_INFO: Record<MapRegion, RegionInfo> = {
  US: { name: 'United States', adoption: null, side: 'democratic', bloc: 'US', seats: ['US', 'USLAB'] },
  CN: { name: 'China', adoption: 'CHINA', side: 'prc', bloc: 'CN', seats: ['CN', 'CNLAB'] },
  EU: { name: 'European Union', adoption: 'ALLIES', side: 'democratic', bloc: 'ALLIES', seats: ['EU'] },
  JK: { name: 'Japan & South Korea', adoption: 'ALLIES', side: 'democratic', bloc: 'ALLIES', seats: ['JK'] },
  TW: { name: 'Taiwan', adoption: 'ALLIES', side: 'democratic', bloc: 'ALLIES', seats: ['TW'] },
  HUB: { name: 'Gulf & Southeast Asia compute hubs', adoption: 'HUBS', side: 'swing', bloc: 'HUB', seats: ['HUB'] },
  ALLIED: { name: 'Other US allies (UK, Canada, Australia…)', adoption: 'ALLIES', side: 'democratic', bloc: null, seats: [] },
  SOUTH: { name: 'Global South', adoption: 'SOUTH', side: 'swing', bloc: null, seats: [] },
  OTHER: { name: 'Not modelled (Russia, Belarus, North Korea)', adoption: null, side: null, bloc: null, seats: [] },
};

/** The regions a keyboard user can step through (the ones with figures). */
export const FOCUS_REGIONS: MapRegion[] = ['US', 'CN', 'EU', 'JK', 'TW', 'HUB', 'SOUTH'];
