import { BUILTIN_SCENARIOS, EVENT_BY_ID, SEAT_INFO, roomCodeOf, type RoomListing, type Scenario } from '../../../shared/index.js';
import { ownScenarioField } from './own-scenario.js';
import { h, fill, uid } from '../dom.js';
import { createMatch, joinMatch, notACode, type JoinRequest } from '../net/connection.js';
import { listPublicMatches } from '../net/listing.js';
import { rememberName, savedName } from '../prefs.js';
import type { AppState } from '../store.js';
import type { Screen } from './screen.js';
import { controlRejoin } from './exercise/rejoin.js';
import { lastMatchCard } from './lastMatch.js';

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** The landing page: name, create a match, join by code, open public matches. */
export function homeScreen(prefillCode: string | null): Screen {
  const notice = h('div', { class: 'notice', role: 'alert', 'aria-live': 'assertive' });
  const name = h('input', { type: 'text', name: 'name', maxlength: 40, autocomplete: 'nickname', value: savedName(), placeholder: 'e.g. Maria (Control team)' });

  function joinOpts(role: 'player' | 'spectator', fallback = 'Player'): JoinRequest {
    const typed = name.value.trim();
    if (typed) rememberName(typed);
    return { role, name: typed || fallback };
  }

  // --- Create
  const OWN = '(own)';
  const scenario = h('select', { name: 'scenario' }, BUILTIN_SCENARIOS.map((s) => h('option', { value: s.id }, s.name)), h('option', { value: OWN }, 'A scenario of your own (adjust one, or load a file)…'));
  const scenarioDesc = h('p', { class: 'hint', id: uid('scn') });
  const turns = h('input', { type: 'number', name: 'turns', min: 1, max: 20, step: 1, inputmode: 'numeric' });
  const seed = h('input', { type: 'text', name: 'seed', maxlength: 64, placeholder: 'random' });
  const timer = h('input', { type: 'number', name: 'timer', min: 0, max: 3600, step: 1, value: 0, inputmode: 'numeric' });
  const isPrivate = h('input', { type: 'checkbox', name: 'private', id: uid('priv') });
  const agendas = h('input', { type: 'checkbox', name: 'agendas', id: uid('agenda'), 'aria-describedby': uid('agenda-hint') });
  const turnsField = field('Quarters', turns, '1–20');
  const turnsHintEl = turnsField.querySelector('.hint')!;
  const chosen = (): Scenario | null => (scenario.value === OWN ? own.scenario() : (BUILTIN_SCENARIOS.find((x) => x.id === scenario.value) ?? BUILTIN_SCENARIOS[0]));
  /** The quarters hint: the scenario's own length, and any scheduled event a shorter match leaves out. */
  const turnsHint = () => {
    const s = chosen();
    if (!s) return void (turnsHintEl.textContent = '1–20');
    const n = Number(turns.value);
    const lost = Number.isInteger(n) && n >= 1 ? s.events.filter((e) => e.turn > n) : [];
    const names = lost.map((e) => `${EVENT_BY_ID.get(e.eventId)?.title ?? e.eventId} (quarter ${e.turn})`);
    turnsHintEl.textContent = `1–20; the scenario plays ${s.turns}.${lost.length ? ` With ${n}, ${lost.length === 1 ? 'its scheduled event' : `${lost.length} of its scheduled events`} will not happen: ${names.join(', ')}.` : ''}`;
  };
  const showTurns = (n: number | null) => {
    if (n !== null) turns.value = String(n);
    turnsHint();
  };
  // The scenario's length fills Quarters when it changes; editing its figures leaves the match's length alone.
  let ownTurns: number | null = null;
  const own = ownScenarioField((s) => {
    if (s && s.turns !== ownTurns) showTurns(s.turns);
    else turnsHint();
    ownTurns = s ? s.turns : ownTurns;
  });
  const syncScenario = () => {
    const mine = scenario.value === OWN;
    own.el.hidden = !mine;
    if (mine) {
      scenarioDesc.textContent = '';
      showTurns(own.scenario()?.turns ?? null);
      return;
    }
    const s = chosen()!;
    scenarioDesc.textContent = s.description;
    showTurns(s.turns);
  };
  turns.addEventListener('input', turnsHint);

  const createBtn = h('button', { type: 'submit', class: 'primary' }, 'Create match');
  const controlBtn = h(
    'button',
    { type: 'submit', class: 'ghost', title: 'You take no seat: you run the clock, inject events, adjudicate and read every channel' },
    'Create an exercise as Control',
  );
  const createForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'create-h' },
    h('h2', { id: 'create-h' }, 'Create a match'),
    field('Scenario', scenario),
    scenarioDesc,
    own.el,
    h('div', { class: 'row' }, turnsField, field('Order timer (seconds)', timer, '0 waits for every player')),
    field('Seed (optional)', seed, 'Same seed and same orders replay the same match.'),
    h('div', { class: 'check' }, isPrivate, h('label', { for: isPrivate.id }, 'Private — not listed; join by code or link only')),
    h('div', { class: 'check' }, agendas, h('label', { for: agendas.id }, 'Secret agendas')),
    h('p', { class: 'hint', id: agendas.getAttribute('aria-describedby') }, 'Each seat also draws a hidden objective of its own, revealed at the end; it counts for part of the seat’s score.'),
    h('div', { class: 'btn-row' }, createBtn, controlBtn),
  );
  scenario.setAttribute('aria-describedby', scenarioDesc.id);
  scenario.addEventListener('change', syncScenario);
  syncScenario();
  createForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const t = Number(turns.value);
    const secs = Number(timer.value);
    // A facilitated exercise: the creator is Control (no seat) and runs the clock, injects and reads every channel.
    const facilitated = (e as SubmitEvent).submitter === controlBtn;
    const mine = scenario.value === OWN ? own.scenario() : null;
    if (scenario.value === OWN && !mine) return own.demand();
    void createMatch(
      {
        scenario: mine ? mine.id : scenario.value,
        seed: seed.value.trim() || undefined,
        turns: Number.isInteger(t) && t >= 1 && t <= 20 ? t : undefined,
        orderSeconds: Number.isInteger(secs) && secs >= 0 && secs <= 3600 ? secs : 0,
        isPrivate: isPrivate.checked,
        facilitated,
        ...(agendas.checked ? { secretAgendas: true } : {}),
      },
      // Control's actions are logged under its name: without one, they read as Control's, not a player's.
      joinOpts('player', facilitated ? 'Control' : 'Player'),
      mine ?? undefined,
    );
  });

  // --- Join by code
  const code = h('input', { type: 'text', name: 'code', maxlength: 32, autocomplete: 'off', spellcheck: 'false', class: 'code-input', value: prefillCode ?? '', placeholder: 'e.g. KXWQTR' });
  const asPlayer = h('input', { type: 'radio', name: 'join-role', value: 'player', id: uid('r'), checked: true });
  const asSpectator = h('input', { type: 'radio', name: 'join-role', value: 'spectator', id: uid('r') });
  // The projector link from Control's console (/join/CODE?as=spectator) preselects "Spectator".
  if (new URLSearchParams(location.search).get('as') === 'spectator') asSpectator.checked = true;
  const joinBtn = h('button', { type: 'submit', class: 'primary' }, 'Join match');
  const joinForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'join-h' },
    h('h2', { id: 'join-h' }, prefillCode ? `Join match ${prefillCode}` : 'Join by code'),
    field('Room code', code),
    // A link whose code cannot be one says so at once, not only on Join.
    prefillCode && !roomCodeOf(prefillCode) ? h('p', { class: 'hint bad', role: 'alert' }, `${notACode(prefillCode)} Check the link, or type the code.`) : null,
    h(
      'fieldset',
      { class: 'radios' },
      h('legend', {}, 'Join as'),
      h('div', { class: 'check' }, asPlayer, h('label', { for: asPlayer.id }, 'Player — take a seat')),
      h('div', { class: 'check' }, asSpectator, h('label', { for: asSpectator.id }, 'Spectator / projector — watch only')),
    ),
    joinBtn,
  );
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!code.value.trim()) {
      notice.textContent = 'Type the room code first.';
      code.focus();
      return;
    }
    void joinMatch(code.value, joinOpts(asSpectator.checked ? 'spectator' : 'player'));
  });

  // --- Public list
  const listBody = h('div', { class: 'list-body', 'aria-live': 'polite' });
  const refresh = h('button', { type: 'button', class: 'ghost' }, 'Refresh');
  async function loadList() {
    fill(listBody, h('p', { class: 'hint' }, 'Loading…'));
    let rooms: RoomListing[];
    try {
      rooms = await listPublicMatches();
    } catch (e) {
      fill(listBody, h('p', { class: 'hint' }, `The list is unavailable (${e instanceof Error ? e.message : 'error'}). Join by code instead.`));
      return;
    }
    // Finished matches cannot be joined; matches still in the lobby come first.
    rooms = rooms.filter((r) => r.phase !== 'finished').sort((x, y) => Number(y.phase === 'lobby') - Number(x.phase === 'lobby'));
    if (rooms.length === 0) {
      fill(listBody, h('p', { class: 'hint' }, 'No open public matches. Create one!'));
      return;
    }
    fill(
      listBody,
      h(
        'table',
        { class: 'table' },
        h('caption', { class: 'sr-only' }, 'Open public matches'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Scenario'), h('th', { scope: 'col' }, 'Phase'), h('th', { scope: 'col' }, 'Free seats'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
        h(
          'tbody',
          {},
          rooms.map((r) =>
            h(
              'tr',
              {},
              h('td', { class: 'mono' }, r.code),
              h('td', {}, r.scenarioName || r.scenarioId),
              h('td', {}, r.phase === 'lobby' ? 'Lobby' : r.phase === 'orders' ? 'In play' : 'Finished'),
              h('td', { title: r.freeSeats.map((s) => SEAT_INFO[s]?.short ?? s).join(', ') }, r.freeSeats.includes('US') || r.freeSeats.includes('CN') ? `${r.freeSeats.length} (${['US', 'CN'].filter((x) => r.freeSeats.includes(x as 'US')).join(' and ')} free)` : String(r.freeSeats.length)),
              h(
                'td',
                { class: 'actions' },
                h('button', { type: 'button', class: 'small', 'aria-label': `Join ${r.code} as a player`, onclick: () => void joinMatch(r.code, joinOpts('player')) }, 'Join'),
                h('button', { type: 'button', class: 'small ghost', 'aria-label': `Watch ${r.code}`, onclick: () => void joinMatch(r.code, joinOpts('spectator')) }, 'Watch'),
              ),
            ),
          ),
        ),
      ),
    );
  }
  refresh.addEventListener('click', () => void loadList());
  const list = h('section', { class: 'card', 'aria-labelledby': 'list-h' }, h('div', { class: 'card-head' }, h('h2', { id: 'list-h' }, 'Open public matches'), refresh), listBody);
  void loadList();

  const el = h(
    'main',
    { class: 'home', id: 'main' },
    h(
      'header',
      { class: 'hero' },
      h('div', {}, h('h1', {}, 'Lead Time'), h('p', { class: 'tagline' }, 'The US–China race for AI leadership, 2026 to 2028. Eight seats, simultaneous secret orders, one of six outcomes.')),
      h('div', { class: 'card name-card' }, field('Your name', name, 'Shown to the other players in this match (up to 40 characters).')),
    ),
    notice,
    h('div', { class: 'home-grid' }, h('div', { class: 'stack' }, prefillCode ? joinForm : createForm), h('div', { class: 'stack' }, prefillCode ? createForm : joinForm, lastMatchCard(), controlRejoin(), list)),
  );

  const busy = (s: AppState) => s.status === 'connecting' || s.status === 'reconnecting';
  return {
    el,
    update(s) {
      notice.textContent = s.notice ?? (s.status === 'connecting' ? 'Connecting…' : s.status === 'reconnecting' ? 'Rejoining your match…' : '');
      notice.classList.toggle('visible', Boolean(notice.textContent));
      for (const b of [createBtn, controlBtn, joinBtn]) b.disabled = busy(s);
    },
  };
}
