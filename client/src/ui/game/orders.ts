import { z } from 'zod';
import { MAX_ORDERS_PER_QUARTER, OrderSchema, SEATS, SEAT_INFO, actionsFor, ordersCost, type ActionDef, type DraftMessage, type LeverValues, type Order, type PublicView, type SeatId } from '../../../../shared/index.js';
import { h, fill } from '../../dom.js';
import { actions } from '../../net/connection.js';
import { exercise } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { visibilityBadge } from './events.js';
import { freeSeatButtons } from './claim.js';
import { ordersPreview } from './preview.js';
import { ordersKeys } from './orders-keys.js';
import { checkOrders, shareableDraft } from './orders-check.js';
import { ordersRefusal } from './orders-refusal.js';
import { orderCondition } from './order-condition.js';
import { conflictText, orderConflicts } from './order-conflicts.js';
import { atLimitText, intensityLabel, leverLimits, limitText, reachIfChosen } from './lever-limits.js';
import { openDraft, seatHandedToBot, seatSubmitted } from './seat-status.js';
import { whyButton } from '../sources.js';
import { APPLY_DRAFT_EVENT, DRAFT_EVENT, type DraftEventDetail } from '../exercise/team.js';

type Draft = Map<string, { intensity: number; target?: SeatId }>;

/** The orders form: the seat's catalogue, intensity, running total, a validation preview, submit. */
export function ordersPanel(): { el: HTMLElement; update(s: AppState): void; destroy(): void } {
  const heading = h('h2', { id: 'orders-h' }, 'Orders');
  const intro = h('p', { class: 'hint' });
  const list = h('ul', { class: 'actions-list', 'aria-labelledby': 'orders-h' });
  const total = h('p', { class: 'total', 'aria-live': 'polite' });
  const meter = h('progress', { max: 1, value: 0, 'aria-label': 'Share of resources committed' });
  const problems = h('ul', { class: 'problems', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary big', 'aria-keyshortcuts': 'Control+Enter Meta+Enter' }, 'Submit orders');
  const status = h('p', { class: 'submit-status', role: 'status', 'aria-live': 'polite' });
  const err = h('p', { class: 'error', role: 'alert' });
  // The contradiction warnings sit on the cards; this says once, for screen readers, when the set changes.
  const conflictNews = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  // Orders that pay for steps their lever has no room for: said beside Submit too, where it cannot be missed.
  const limitNews = h('p', { class: 'limit-news', 'aria-live': 'polite', hidden: true });
  // The expected effect of the chosen orders (an estimate from the seat's own view), and its one-line gist in the foot.
  const expected = ordersPreview();
  const foot = h('div', { class: 'orders-foot' }, total, meter, expected.line, problems, conflictNews, limitNews, submit, status, err);
  const form = h('form', { class: 'orders-form', 'aria-labelledby': 'orders-h', novalidate: true }, intro, list, expected.el, foot);
  const el = h('section', { class: 'panel orders', 'aria-labelledby': 'orders-h' }, heading, form);

  let builtFor = '';
  let draft: Draft = new Map();
  let current: AppState | null = null;
  let catalogue: ActionDef[] = [];
  /** Between sending and the server's ack or error. */
  let sending = false;
  let builtAt = 0;
  /** Where this tab keeps the form's unsubmitted draft: the match, seat and quarter the form was built for. */
  let draftKey = '';
  /** The form this person has changed since it was built (then a teammate's draft never replaces it). */
  let touched = false;
  /** The form a teammate's shared draft was already taken into (once per seat and quarter). */
  let adoptedFor = '';
  /** The seat's draft as the server last relayed it, and when this tab heard it (the server took a draft then). */
  let relayedDraft: DraftMessage | undefined;
  let draftAcceptedAt = 0;
  const costEls = new Map<string, HTMLElement>();
  /** Each card's line on what its order needs to succeed (offers: the agreement's cooperation), kept current. */
  const conditionEls = new Map<string, HTMLElement>();
  /** Each card's warning when a chosen order contradicts it. */
  const conflictEls = new Map<string, HTMLElement>();
  /** Each card's line on its lever's limit (already there, or steps past it), and its intensity picker. */
  const limitEls = new Map<string, HTMLElement>();
  const intensityEls = new Map<string, HTMLSelectElement>();

  function orders(): Order[] {
    return catalogue.filter((a) => draft.has(a.id)).map((a) => {
      const d = draft.get(a.id)!;
      return d.target ? { action: a.id, intensity: d.intensity, target: d.target } : { action: a.id, intensity: d.intensity };
    });
  }

  /** Teammates on this seat see the form's draft (ui/exercise/team.ts shares it), unless the form shows problems. */
  function announceDraft(quiet = false) {
    const os = orders();
    const sv = current?.seatView;
    const invalid = sv ? shareableDraft(sv.seat, sv.resources, os) === null : false;
    const detail: DraftEventDetail = { turn: current?.match?.turn ?? 0, orders: os, ...(quiet ? { quiet } : {}), ...(invalid ? { invalid } : {}) };
    form.dispatchEvent(new CustomEvent(DRAFT_EVENT, { bubbles: true, detail }));
  }

  function build(seat: SeatId, quiet = false) {
    catalogue = actionsFor(seat);
    draft = new Map();
    costEls.clear();
    conditionEls.clear();
    conflictEls.clear();
    limitEls.clear();
    intensityEls.clear();
    // The orders this tab was drafting for this seat and quarter before a reload (kept for the quarter).
    const saved = loadDraft(draftKey);
    const currency = SEAT_INFO[seat].currency;
    fill(
      list,
      catalogue.map((a) => {
        const id = `act-${a.id}`;
        const check = h('input', { type: 'checkbox', id, name: 'action', value: a.id, 'aria-describedby': `${id}-sum ${id}-cond ${id}-conflict ${id}-limit ${id}-cost` });
        const intensity = h(
          'select',
          // Described by its action's name: the label stays "Intensity", so the action's own label names one control.
          { id: `${id}-int`, name: `intensity-${a.id}`, disabled: a.maxIntensity === 1, 'data-fixed': a.maxIntensity === 1 ? '1' : null, 'aria-describedby': `${id}-name` },
          Array.from({ length: a.maxIntensity }, (_, i) => h('option', { value: i + 1 }, intensityLabel(i + 1, a.maxIntensity, null))),
        );
        intensityEls.set(a.id, intensity);
        const target =
          a.target === 'seat'
            ? h('select', { id: `${id}-target`, name: `target-${a.id}` }, SEATS.filter((s) => s !== seat).map((s) => h('option', { value: s }, SEAT_INFO[s].short)))
            : null;
        const cost = h('span', { class: 'cost', id: `${id}-cost` });
        costEls.set(a.id, cost);
        const condition = h('p', { class: 'condition', id: `${id}-cond`, hidden: true });
        conditionEls.set(a.id, condition);
        const conflict = h('p', { class: 'conflict', id: `${id}-conflict`, hidden: true });
        conflictEls.set(a.id, conflict);
        const limit = h('p', { class: 'limit', id: `${id}-limit`, hidden: true });
        limitEls.set(a.id, limit);
        // The row's controls into the draft, its cost and its look.
        const show = () => {
          const n = Number(intensity.value) || 1;
          cost.textContent = `cost ${a.cost} × ${n} = ${a.cost * n}`;
          if (check.checked) draft.set(a.id, { intensity: n, target: target ? (target.value as SeatId) : undefined });
          else draft.delete(a.id);
          li.classList.toggle('chosen', check.checked);
        };
        const sync = () => {
          touched = true;
          show();
          saveDraft(draftKey, orders());
          refresh();
          announceDraft();
        };
        check.addEventListener('change', sync);
        intensity.addEventListener('change', sync);
        target?.addEventListener('change', sync);
        const li = h(
          'li',
          { class: 'action' },
          h('div', { class: 'action-head' }, check, h('label', { for: id, id: `${id}-name` }, a.name), a.sources?.length ? whyButton({ kind: 'action', action: a.id }, () => current?.pub?.scenarioId, { describedBy: `${id}-name` }) : null, visibilityBadge(a.visibility)),
          h('p', { class: 'summary', id: `${id}-sum` }, a.summary, a.agreement ? ' Forms an agreement if every party offers it this quarter.' : ''),
          condition,
          conflict,
          limit,
          h(
            'div',
            { class: 'action-controls' },
            h('label', { for: `${id}-int` }, 'Intensity'),
            intensity,
            target ? [h('label', { for: `${id}-target` }, 'Target'), target] : null,
            cost,
          ),
        );
        cost.title = `${a.cost} ${currency} per step of intensity`;
        const was = saved.find((o) => o.action === a.id);
        if (was) {
          check.checked = true;
          intensity.value = String(Math.min(a.maxIntensity, Math.max(1, was.intensity)));
          if (target && was.target) target.value = was.target;
        }
        show();
        return li;
      }),
    );
    // A restored draft is announced like any change, so teammates and the team panel see what the form holds.
    if (draft.size) announceDraft(quiet);
  }

  function showConditions(pub: PublicView) {
    for (const a of catalogue) {
      const el = conditionEls.get(a.id);
      if (!el) continue;
      const c = orderCondition(a, pub);
      el.hidden = !c;
      el.textContent = c ? `${c.unmet ? '⚠ ' : ''}${c.text}` : '';
      el.classList.toggle('bad', c?.unmet ?? false);
    }
  }

  function showConflicts(os: Order[]) {
    const conflicts = orderConflicts(os.map((o) => o.action));
    const name = (id: string) => catalogue.find((a) => a.id === id)?.name ?? id;
    for (const [id, el] of conflictEls) {
      const lines = conflicts.flatMap((c) => (c.first === id ? [conflictText(name(c.second), c.lever, c.against)] : c.second === id ? [conflictText(name(c.first), c.against ?? c.lever, c.against ? c.lever : undefined)] : []));
      el.hidden = lines.length === 0;
      el.textContent = lines.map((l) => `⚠ ${l}`).join(' ');
    }
    const news = conflicts.map((c) => `“${name(c.first)}” and “${name(c.second)}” contradict each other.`).join(' ');
    if (conflictNews.textContent !== news) conflictNews.textContent = news;
  }

  /** Orders that push a lever past its limit, on their cards, in the intensity pickers and beside Submit. */
  function showLimits(os: Order[], levers: LeverValues, currency: string) {
    const limits = leverLimits(levers, os);
    const reach = reachIfChosen(levers, catalogue.map((a) => a.id), new Map(os.map((o) => [o.action, o.intensity])));
    for (const a of catalogue) {
      const el = limitEls.get(a.id);
      const picker = intensityEls.get(a.id);
      const r = reach.get(a.id) ?? null;
      const over = limits.find((l) => l.action === a.id);
      const text = over ? `⚠ ${limitText(over, currency)}` : !draft.has(a.id) && r?.steps === 0 ? atLimitText(r) : '';
      if (el && el.textContent !== text) el.textContent = text;
      if (el) {
        el.hidden = text === '';
        el.classList.toggle('bad', over !== undefined);
      }
      el?.closest('li')?.classList.toggle('past-limit', over !== undefined);
      for (const o of picker?.options ?? []) {
        const t = intensityLabel(Number(o.value), a.maxIntensity, r);
        if (o.textContent !== t) o.textContent = t;
      }
    }
    const names = limits.map((l) => `“${catalogue.find((a) => a.id === l.action)?.name ?? l.action}”`);
    limitNews.hidden = names.length === 0;
    const who = names.length === 1 ? 'One order pays for steps its lever has' : `${names.length} orders pay for steps their levers have`;
    const news = names.length ? `⚠ ${who} no room for: ${names.join(', ')} (see ${names.length === 1 ? 'its card' : 'their cards'}).` : '';
    if (limitNews.textContent !== news) limitNews.textContent = news;
  }

  function refresh() {
    const s = current;
    const seat = s?.you?.seat;
    const sv = s?.seatView;
    if (!s || !seat || !sv || sv.seat !== seat) return;
    const os = orders();
    const spent = ordersCost(os);
    const check = checkOrders(seat, sv.resources, os);
    const currency = SEAT_INFO[seat].currency;
    const left = sv.resources - spent;
    total.textContent = `${os.length} of ${MAX_ORDERS_PER_QUARTER} orders · cost ${spent} of ${sv.resources} ${currency} · ${left >= 0 ? `${left} left` : `${-left} over`}`;
    meter.max = Math.max(1, sv.resources);
    meter.value = Math.min(spent, sv.resources);
    meter.classList.toggle('over', spent > sv.resources);
    // Such a form is not shared as the seat's draft (orders-check.ts): say what goes in meanwhile.
    fill(problems, check.errors.length ? [...check.errors.map((e) => h('li', {}, '⚠ ', e)), h('li', { class: 'hint' }, 'Until this is fixed the form is not saved as your draft: if time runs out, your last draft without problems goes in (or your bot’s orders, if there was none).')] : []);
    if (s.pub) showConditions(s.pub);
    showConflicts(os);
    showLimits(os, sv.levers, currency);
    expected.update(s.pub, sv, os);
    const playing = s.match?.phase === 'orders';
    const submitted = seatSubmitted(s, seat);
    const handed = seatHandedToBot(s, seat);
    submit.disabled = !playing || submitted || sending || handed || s.status !== 'connected' || check.errors.length > 0;
    submit.textContent = handed ? 'Its bot gives the orders' : submitted ? 'Orders submitted' : os.length === 0 ? 'Submit no orders (hold)' : `Submit ${os.length} order${os.length === 1 ? '' : 's'}`;
    // Orders are final once the server has them, and not yours while Control has the seat's bot play it: lock the form.
    for (const c of list.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      const locked = submitted || sending || handed;
      if (locked) c.disabled = true;
      else if (c instanceof HTMLInputElement || !c.dataset.fixed) c.disabled = false;
    }
  }


  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = current;
    if (!s?.match || submit.disabled) return;
    if (actions.submit(s.match.turn, orders())) {
      sending = true;
      status.textContent = 'Sending…';
      refresh();
    }
  });

  ordersKeys(form);

  // A teammate's draft taken over from the team panel (ui/exercise/team.ts): the form is rebuilt with it.
  const onApply = (e: Event) => {
    const d = (e as CustomEvent<DraftEventDetail>).detail;
    const s = current;
    const seat = s?.you?.seat;
    if (!s?.match || !seat || d.turn !== s.match.turn || seatSubmitted(s, seat) || sending) return;
    saveDraft(draftKey, d.orders);
    builtFor = '';
    update(s);
    // The button that asked is gone with the difference; carry on at the orders.
    heading.tabIndex = -1;
    heading.focus();
  };
  document.addEventListener(APPLY_DRAFT_EVENT, onApply);

  /**
   * A teammate who joins, or reloads, mid-quarter with an empty form starts from the seat's shared draft as
   * it stood then, rather than from nothing; drafts made after the form was built stay the teammates' own.
   * Returns who drafted it when it was taken now.
   */
  function adoptSharedDraft(s: AppState, seat: SeatId, key: string): string | null {
    if (adoptedFor === key || touched || draft.size > 0 || sending || seatSubmitted(s, seat) || seatHandedToBot(s, seat)) return null;
    const d = openDraft(s, seat);
    if (!d || d.orders.length === 0 || d.at > builtAt) return null;
    adoptedFor = key;
    saveDraft(draftKey, d.orders);
    build(seat, true);
    return d.by;
  }

  /** The teammate whose latest draft for the seat differs from this form, if any. */
  function teammateDiffers(s: AppState, seat: SeatId): string | null {
    const d = openDraft(s, seat);
    if (!d || d.by === s.you?.name || (s.match?.seats[seat]?.members ?? 0) < 2) return null;
    return JSON.stringify(d.orders) === JSON.stringify(orders()) ? null : d.by;
  }

  function update(s: AppState): void {
    current = s;
    const seat = s.you?.seat ?? null;
    const m = s.match;
    if (!seat || !m) {
      const k = `none:${JSON.stringify(m?.seats)}:${s.you?.role}`;
      foot.hidden = true;
      expected.el.hidden = true;
      if (k === builtFor) return;
      builtFor = k;
      heading.textContent = 'Orders';
      intro.textContent = s.you?.role === 'spectator' ? 'Spectators watch; they give no orders.' : `${s.notice ?? 'You hold no seat.'} Take a free seat to give orders; its bot hands it over at once.`;
      fill(list, s.you?.role === 'spectator' ? [] : [h('li', {}, freeSeatButtons(s))]);
      return;
    }
    foot.hidden = false;
    expected.el.hidden = false;
    const key = `${seat}:${m.turn}`;
    if (key !== builtFor) {
      builtFor = key;
      sending = false;
      builtAt = Date.now();
      draftKey = `${s.code ?? m.code}:${key}`;
      touched = false;
      build(seat);
      status.textContent = '';
      err.textContent = '';
    }
    const adopted = adoptSharedDraft(s, seat, key);
    heading.textContent = `Orders for ${m.quarter}`;
    intro.textContent = `${SEAT_INFO[seat].name}: choose up to ${MAX_ORDERS_PER_QUARTER} actions. Orders are secret until the quarter resolves; covert ones stay hidden unless detected.${KEYBOARD ? ' Ctrl+Enter submits from anywhere in the form.' : ''}`;
    if (sending && (s.ack || s.error)) sending = false;
    refresh();
    const submitted = seatSubmitted(s, seat);
    const differs = sending ? null : teammateDiffers(s, seat);
    const waiting = SEATS.filter((x) => m.seats[x]?.occupied && !m.seats[x]?.submitted && x !== seat).map((x) => SEAT_INFO[x].short);
    if (seatHandedToBot(s, seat)) {
      status.textContent = `Control has handed ${SEAT_INFO[seat].short} to its bot: the bot gives the orders until Control hands the seat back to you.`;
    } else if (s.ack && s.ack.turn === m.turn) {
      status.textContent = `✓ Orders accepted for ${m.quarter}: ${s.ack.accepted} order${s.ack.accepted === 1 ? '' : 's'}, cost ${s.ack.costs}.${waiting.length ? ` Waiting for ${waiting.join(', ')}.` : ''}`;
    } else if (submitted) {
      // A teammate may have submitted: then this form was not what was sent.
      const d = exercise().drafts[seat];
      const by = d && d.submitted && d.turn === m.turn && d.by !== s.you?.name ? d.by : null;
      status.textContent = `✓ Orders in for ${m.quarter}${by ? `, submitted by ${by} (your form was not sent; the team panel shows what was)` : ''}.${waiting.length ? ` Waiting for ${waiting.join(', ')}.` : ''}`;
    } else if (adopted) {
      status.textContent = `Your form starts from ${adopted}’s shared draft for the seat.`;
    } else if (differs) {
      // Beside Submit too, not only in the team panel: pressing it sends this form, not the teammate's.
      status.textContent = `${differs}’s latest draft differs from your form: Submit sends your form (the team panel can take theirs).`;
    } else if (!sending && adoptedFor !== key) {
      status.textContent = '';
    }
    const relayed = exercise().drafts[seat];
    if (relayed !== relayedDraft) {
      relayedDraft = relayed;
      draftAcceptedAt = Date.now();
    }
    err.textContent = ordersRefusal(s.error, { builtAt, draftAcceptedAt, handedToBot: seatHandedToBot(s, seat) }) ?? '';
  }

  return { el, update, destroy: () => document.removeEventListener(APPLY_DRAFT_EVENT, onApply) };
}

const DRAFT_KEY = 'leadtime:orders-draft';
/** A keyboard is likely (a fine pointer): only then is the Ctrl+Enter shortcut worth mentioning. */
const KEYBOARD = typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;

/** This tab's unsubmitted orders for one match, seat and quarter (sessionStorage, like the session itself). */
function loadDraft(key: string): Order[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as { key?: string; orders?: unknown } | null;
    // Not OrdersSchema: a form may hold more orders than a quarter allows (it warns), and they are kept too.
    const parsed = raw?.key === key ? z.array(OrderSchema).safeParse(raw.orders) : null;
    return parsed?.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function saveDraft(key: string, orders: Order[]): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ key, orders }));
  } catch {
    /* storage full or blocked: the draft simply is not kept */
  }
}
