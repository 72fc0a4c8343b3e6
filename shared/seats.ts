export const SEATS = ['US', 'CN', 'EU', 'JK', 'TW', 'HUB', 'USLAB', 'CNLAB'] as const;
export type SeatId = (typeof SEATS)[number];
export type BySeat<T> = Record<SeatId, T>;

export type Side = 'democratic' | 'prc' | 'swing';

export type SeatInfo = {
  readonly id: SeatId;
  readonly name: string;
  readonly short: string;
  readonly side: Side;
  readonly kind: 'government' | 'lab';
  /** What its resources are called: political capital for governments, budget for labs. */
  readonly currency: string;
};

export const SEAT_INFO: BySeat<SeatInfo> = {
  US: { id: 'US', name: 'United States government', short: 'United States', side: 'democratic', kind: 'government', currency: 'political capital' },
  CN: { id: 'CN', name: 'PRC government', short: 'China', side: 'prc', kind: 'government', currency: 'political capital' },
  EU: { id: 'EU', name: 'European Union (incl. the Netherlands)', short: 'EU', side: 'democratic', kind: 'government', currency: 'political capital' },
  JK: { id: 'JK', name: 'Japan & South Korea', short: 'Japan–Korea', side: 'democratic', kind: 'government', currency: 'political capital' },
  TW: { id: 'TW', name: 'Taiwan', short: 'Taiwan', side: 'democratic', kind: 'government', currency: 'political capital' },
  HUB: { id: 'HUB', name: 'Third-country compute hubs (Gulf & Southeast Asia)', short: 'Compute hubs', side: 'swing', kind: 'government', currency: 'political capital' },
  USLAB: { id: 'USLAB', name: 'American frontier lab', short: 'US lab', side: 'democratic', kind: 'lab', currency: 'budget' },
  CNLAB: { id: 'CNLAB', name: 'Chinese frontier lab', short: 'PRC lab', side: 'prc', kind: 'lab', currency: 'budget' },
};

export function isSeatId(x: unknown): x is SeatId {
  return typeof x === 'string' && (SEATS as readonly string[]).includes(x);
}

export function bySeat<T>(make: (seat: SeatId) => T): BySeat<T> {
  // Written out (not Object.fromEntries) so every BySeat record has one shape, in SEATS order.
  return { US: make('US'), CN: make('CN'), EU: make('EU'), JK: make('JK'), TW: make('TW'), HUB: make('HUB'), USLAB: make('USLAB'), CNLAB: make('CNLAB') };
}
