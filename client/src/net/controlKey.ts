/**
 * Control's secret key, kept on the facilitator's own machine (localStorage) so Control can come back
 * to an exercise after closing the tab or after a server restart. It is never put in the page for
 * players or the projector, never in the address bar for long, and never sent anywhere but the room.
 */
const KEY = 'leadtime:control-keys';
const MAX = 20;

type Stored = Record<string, { key: string; at: number }>;

function read(): Stored {
  try {
    const raw = localStorage.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as Stored) : {};
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

function write(v: Stored): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(v));
  } catch {
    /* storage disabled: Control can still use the Control link */
  }
}

export function rememberControlKey(code: string, key: string): void {
  const all = read();
  if (all[code]?.key === key) return;
  all[code] = { key, at: Date.now() };
  // Keep the newest few.
  const kept = Object.entries(all)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX);
  write(Object.fromEntries(kept));
}

export function controlKeyFor(code: string): string | null {
  return read()[code]?.key ?? null;
}

export function forgetControlKey(code: string): void {
  const all = read();
  delete all[code];
  write(all);
}

/** Exercises this browser runs as Control, newest first. */
export function controlledMatches(): { code: string; at: number }[] {
  return Object.entries(read())
    .map(([code, v]) => ({ code, at: v.at }))
    .sort((a, b) => b.at - a.at);
}

/**
 * A link for a second Control screen. The key rides in the fragment (after #), which browsers never
 * send to a server; the app stores it and removes it from the address bar at once.
 */
export function controlLink(code: string, key: string): string {
  return `${location.origin}/control/${encodeURIComponent(code)}#key=${encodeURIComponent(key)}`;
}

/** If the page was opened from a Control link: its code and key (and the fragment is cleared). */
export function takeControlLinkFromUrl(): { code: string; key: string } | null {
  const m = /^\/control\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname);
  if (!m) return null;
  const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? controlKeyFor(m[1]);
  history.replaceState(null, '', '/');
  if (!key) return null;
  rememberControlKey(m[1], key);
  return { code: m[1], key };
}
