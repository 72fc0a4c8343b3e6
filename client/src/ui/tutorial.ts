import { OUTCOME_CRITERIA } from '../../../shared/index.js';
import { h, fill } from '../dom.js';

const DONE_KEY = 'leadtime:tour-done';

type Step = { title: string; body: string[]; target?: string };

const STEPS: Step[] = [
  {
    title: 'Welcome to Lead Time',
    body: [
      'It is 2026. You hold one seat in the race for AI leadership — a government or a frontier lab. Each turn is one quarter; the match runs to its scenario’s end (2028 in the built-in ones) or ends early in a crisis.',
      'Every seat gives its orders at the same time and in secret. Bots play every seat nobody holds.',
    ],
  },
  {
    title: 'The lead, at the top of the map',
    target: '.world',
    body: [
      'The bar shows the US lead over China in months. The white marker is the best guess; the outlined box around it is the band of uncertainty — unless you are certain, you only ever see an estimate.',
      `Below ${OUTCOME_CRITERIA.parityLeadMonths} months the race is at parity; from ${OUTCOME_CRITERIA.democraticLeadMonths} months the democracies hold a real lead.`,
    ],
  },
  {
    title: 'The map and its flows',
    target: '.world-foot',
    body: [
      'Countries are shaded by the share of democratic (blue ●) and PRC (vermillion ■) AI stacks they run. Moving markers show this quarter’s flows: licensed chip sales, smuggling, offshore rental, distillation, open weights, AI exports.',
      'You see only what your seat knows: covert flows appear when they are yours or when they are detected. The list under the map says every flow in words; hover, tap or focus one for its figures.',
    ],
  },
  {
    title: 'Your position and your intelligence',
    target: '.panels',
    body: [
      'Your own figures are marked “exact”. Everyone else’s are “estimate” with a low–high band that narrows as you invest in intelligence.',
      'The small “?” buttons answer “why this number?”: the source behind each figure.',
    ],
  },
  {
    title: 'Choosing orders',
    target: '.orders',
    body: [
      'Tick up to eight actions and pick an intensity. Each costs political capital (governments) or budget (labs); what you do not spend carries over, up to a cap.',
      'Public actions are announced, private ones stay with you, covert ones stay hidden unless they are detected. The “Expected effect” box estimates what your orders would change, from what you know.',
    ],
  },
  {
    title: 'Submit, then read the report',
    target: '.dashboard',
    body: [
      'Press Submit (or “Submit no orders” to hold). When everyone is in, the quarter resolves and a report shows what changed and what happened — dice rolls are shown with their odds.',
      'The dashboard charts your picture over the quarters so far.',
    ],
  },
  {
    title: 'How it ends',
    body: [
      'Democratic lead, contested frontier, authoritarian parity or shared stewardship at the end — or an early misuse catastrophe or Strait crisis if risk or tension boil over.',
      'Your seat also scores against its own objectives, so you can do well in a bad world. Reopen this guide any time with the Help button.',
    ],
  },
];

let dialog: HTMLDialogElement | null = null;

function seen(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) === '1';
  } catch {
    return true;
  }
}

function markSeen(): void {
  try {
    localStorage.setItem(DONE_KEY, '1');
  } catch {
    /* ignore */
  }
  document.querySelectorAll('.tour-invite').forEach((e) => e.remove());
}

/**
 * Put the guide where it covers least of the part it describes: in the widest free band beside it (right,
 * left, below or above), or centred when nothing is lit or no band is wide enough.
 */
function placeBeside(d: HTMLDialogElement, target: Element | null): void {
  d.style.margin = '';
  d.style.inset = '';
  d.style.width = '';
  if (!target) return;
  const r = target.getBoundingClientRect();
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const gap = 12;
  const full = Math.min(520, vw * 0.94);
  // A band beside the part needs room for a narrow guide (340 px); one above or below, for a short one.
  const bands = [
    { side: 'right', room: vw - r.right - 2 * gap, need: 340 },
    { side: 'left', room: r.left - 2 * gap, need: 340 },
    { side: 'below', room: vh - r.bottom - 2 * gap, need: 260 },
    { side: 'above', room: r.top - 2 * gap, need: 260 },
  ].filter((b) => b.room >= b.need);
  // Beside it first: what lies above or below a part is usually the part the guide just described.
  const best = bands.find((b) => b.side === 'right' || b.side === 'left') ?? bands.sort((a, b) => b.room / b.need - a.room / a.need)[0];
  if (!best) return;
  d.style.margin = '0';
  const top = `max(${gap}px, calc(50vh - 220px))`;
  const centre = `calc(50vw - ${Math.round(full / 2)}px)`;
  if (best.side === 'right' || best.side === 'left') {
    const w = Math.min(full, best.room);
    d.style.width = `${Math.round(w)}px`;
    const left = best.side === 'right' ? r.right + gap : r.left - gap - w;
    d.style.inset = `${top} auto auto ${Math.round(left)}px`;
  } else if (best.side === 'below') d.style.inset = `${Math.round(r.bottom + gap)}px auto auto ${centre}`;
  else d.style.inset = `auto auto ${Math.round(vh - r.top + gap)}px ${centre}`;
}

/** Open the first-match guide (a step-by-step dialog that lights up each part of the screen). */
export function openTour(start = 0): void {
  let i = start;
  let lit: Element | null = null;
  if (!dialog || !dialog.isConnected) {
    dialog = h('dialog', { class: 'tour', 'aria-labelledby': 'tour-h' });
    document.body.append(dialog);
  }
  const d = dialog;
  const unlight = () => lit?.classList.remove('tour-target');
  const render = () => {
    const step = STEPS[i];
    unlight();
    lit = step.target ? document.querySelector(step.target) : null;
    lit?.classList.add('tour-target');
    lit?.scrollIntoView({ block: 'nearest', behavior: 'auto' });
    const back = h('button', { type: 'button', class: 'ghost', disabled: i === 0 }, 'Back');
    const next = h('button', { type: 'button', class: 'primary' }, i === STEPS.length - 1 ? 'Start playing' : 'Next');
    const skip = h('button', { type: 'button', class: 'ghost small' }, 'Close the guide');
    back.addEventListener('click', () => {
      i = Math.max(0, i - 1);
      render();
    });
    next.addEventListener('click', () => {
      if (i === STEPS.length - 1) d.close();
      else {
        i += 1;
        render();
      }
    });
    skip.addEventListener('click', () => d.close());
    fill(
      d,
      h('p', { class: 'eyebrow' }, `Guide · step ${i + 1} of ${STEPS.length}`),
      h('h2', { id: 'tour-h' }, step.title),
      step.body.map((p) => h('p', {}, p)),
      h('div', { class: 'tour-foot' }, skip, h('span', { class: 'spacer' }), back, next),
    );
    next.focus();
    placeBeside(d, lit);
  };
  d.onclose = () => {
    unlight();
    markSeen();
  };
  render();
  if (!d.open) d.showModal();
  (d.querySelector('button.primary') as HTMLElement | null)?.focus();
}

/** An inline invitation on a first match (never in the way: it is not an overlay), gone once seen or dismissed. */
export function tourInvite(): HTMLElement | null {
  if (seen()) return null;
  const start = h('button', { type: 'button', class: 'primary small' }, 'Take the 1-minute tour');
  const no = h('button', { type: 'button', class: 'ghost small' }, 'No thanks');
  const el = h('aside', { class: 'tour-invite', 'aria-label': 'First-match guide' }, h('p', {}, h('strong', {}, 'First match? '), 'A short guide walks you through the map, your figures and your orders.'), h('div', { class: 'btn-row' }, start, no));
  start.addEventListener('click', () => openTour(0));
  no.addEventListener('click', () => markSeen());
  return el;
}

/** The Help button for a top bar: reopens the guide. */
export function helpButton(): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'ghost small', 'aria-haspopup': 'dialog' }, 'Help');
  b.addEventListener('click', () => openTour(0));
  return b;
}
