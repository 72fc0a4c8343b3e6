/** The reconnection token survives a reload of the tab (not a new tab: sessionStorage). */
const KEY = 'leadtime:session';

import type { JoinOptions } from '../../../shared/index.js';

/** The token for `client.reconnect`, and how to join again by code if the token is void (server restart). */
export type SavedSession = { token: string; code: string; join?: Partial<JoinOptions> };

export function saveSession(s: SavedSession): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    /* storage may be disabled; reconnection then only works without a reload */
  }
}

export function loadSession(): SavedSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as SavedSession;
    return typeof s.token === 'string' && typeof s.code === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
}
