import type { RoomListing } from '../../../shared/index.js';
import { serverUrl } from './connection.js';

/**
 * Open public matches. colyseus.js 0.16 has no `getAvailableRooms` any more, so the server lists
 * them over HTTP (server/app.ts); accept RoomListing[] or Colyseus's RoomAvailable[] with the listing in metadata.
 */
export const LISTING_PATH = '/api/matches';

type Raw = Partial<RoomListing> & { roomId?: string; metadata?: Partial<RoomListing> };

export async function listPublicMatches(): Promise<RoomListing[]> {
  const res = await fetch(`${serverUrl}${LISTING_PATH}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`the server answered ${res.status}`);
  const body = (await res.json()) as Raw[] | { rooms?: Raw[] };
  const raw = Array.isArray(body) ? body : (body.rooms ?? []);
  return raw
    .map((r) => {
      const m = { ...r, ...(r.metadata ?? {}) };
      return {
        code: String(m.code ?? r.roomId ?? ''),
        scenarioId: String(m.scenarioId ?? ''),
        scenarioName: String(m.scenarioName ?? m.scenarioId ?? ''),
        phase: (m.phase ?? 'lobby') as RoomListing['phase'],
        freeSeats: Array.isArray(m.freeSeats) ? m.freeSeats : [],
        isPrivate: Boolean(m.isPrivate),
        facilitated: Boolean((m as { facilitated?: boolean }).facilitated),
      };
    })
    .filter((r) => r.code && !r.isPrivate);
}
