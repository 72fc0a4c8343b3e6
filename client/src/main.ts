import './styles.css';
import { h } from './dom.js';
import { joinMatch, resumeSaved } from './net/connection.js';
import { takeControlLinkFromUrl } from './net/controlKey.js';
import './net/exercise.js';
import { savedName } from './prefs.js';
import { loadSession } from './net/session.js';
import { getState, setState, subscribe, type AppState } from './store.js';
import { endScreen } from './ui/end.js';
import { gameScreen } from './ui/game/screen.js';
import { homeScreen } from './ui/home.js';
import { roomScreen } from './ui/room.js';
import type { Screen } from './ui/screen.js';
import { consoleScreen } from './ui/exercise/console.js';
import { projectorScreen } from './ui/exercise/projector.js';

type Key = 'home' | 'wait' | 'room' | 'game' | 'end' | 'control' | 'projector';

const root = document.getElementById('app')!;
const fromPath = /^\/join\/([A-Za-z0-9_-]+)\/?$/.exec(location.pathname)?.[1] ?? null;

function keyOf(s: AppState): Key {
  if (!s.match) return s.status === 'connecting' || s.status === 'reconnecting' || s.status === 'connected' ? 'wait' : 'home';
  // Control runs the exercise from its console; a spectator is a projector (public dashboard only).
  if (s.match.phase !== 'finished' && s.you?.role === 'facilitator') return 'control';
  if (s.match.phase !== 'finished' && s.you?.role === 'spectator') return 'projector';
  if (s.match.phase === 'lobby') return 'room';
  if (s.match.phase === 'finished') return 'end';
  return 'game';
}

function waitScreen(): Screen {
  const msg = h('p', { class: 'big-msg', role: 'status', 'aria-live': 'polite' });
  const el = h('main', { class: 'wait', id: 'main' }, h('span', { class: 'brand' }, 'Lead Time'), msg);
  return {
    el,
    update(s) {
      msg.textContent = s.status === 'reconnecting' ? 'Rejoining your match…' : 'Joining the match…';
    },
  };
}

const make: Record<Key, () => Screen> = {
  home: () => homeScreen(getState().code === null ? fromPath : null),
  wait: waitScreen,
  room: roomScreen,
  game: gameScreen,
  end: endScreen,
  control: consoleScreen,
  projector: projectorScreen,
};

let current: { key: Key; screen: Screen } | null = null;

function render(s: AppState, prev: AppState): void {
  const key = keyOf(s);
  if (!current || current.key !== key) {
    current?.screen.destroy?.();
    const screen = make[key]();
    current = { key, screen };
    const first = !root.firstChild;
    root.replaceChildren(screen.el);
    // A new screen starts at its top (the old one may have been scrolled, e.g. to the lobby's Start button).
    window.scrollTo(0, 0);
    document.title = key === 'home' ? 'Lead Time' : `Lead Time · ${s.code ?? ''}`;
    current.screen.update(s, prev);
    // Move focus to the new screen's heading so keyboard and screen-reader users start there.
    const heading = screen.el.querySelector<HTMLElement>('h1, h2');
    if (heading && !first) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  } else {
    current.screen.update(s, prev);
  }
  // Keep the address bar on the match's join link while in one, so it can be shared.
  const want = s.code && s.match ? `/join/${s.code}` : s.status === 'offline' && !fromPath ? '/' : null;
  if (want && location.pathname !== want) history.replaceState(null, '', want);
}

subscribe(render);
// A Control link (/control/CODE#key=…) opens a second Control screen; the key is stored and leaves the address bar.
const controlLink = takeControlLinkFromUrl();
if (controlLink) {
  void joinMatch(controlLink.code, { role: 'facilitator', key: controlLink.key, name: savedName() || 'Control' });
} else if (loadSession()?.code === fromPath) {
  // A reload of the match's own address resumes it; the home address, typed on purpose, opens home (which offers it back).
  void resumeSaved();
} else {
  setState({});
}
