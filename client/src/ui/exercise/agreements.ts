import { AGREEMENT_KINDS, AGREEMENT_MENU, SEATS, SEAT_INFO, checkParties, type SeatId } from '../../../../shared/index.js';
import type { ProposalStatus, ProposalView } from '../../../../shared/diplomacy.js';
import { h, fill, uid } from '../../dom.js';
import { exerciseActions, recentProposals } from '../../net/exercise.js';
import type { AppState } from '../../store.js';
import { cooperationText } from '../game/order-condition.js';
import { scenarioOf } from '../../match-scenario.js';

const STATUS_LABEL: Record<ProposalStatus, string> = {
  open: 'Open — waiting for answers',
  agreed: 'Agreed — signed at the end of this quarter',
  declined: 'Declined',
  signed: 'Signed — in force',
  lapsed: 'Lapsed',
  refused: 'Not signed',
};

function seatsInPlay(s: AppState): readonly SeatId[] {
  return (scenarioOf(s.match)?.seatsInPlay ?? SEATS) as readonly SeatId[];
}

/**
 * Formal agreements: propose terms from the menu to chosen seats, answer incoming proposals, and see
 * what is in force until when. Control sees every proposal and may answer for any party.
 */
export function agreementsPanel(opts: { headingLevel?: 'h2' | 'h3' } = {}): { el: HTMLElement; update(s: AppState): void } {
  const headId = uid('agr-h');
  const heading = h(opts.headingLevel ?? 'h2', { id: headId }, 'Agreements');
  const active = h('div', { class: 'agr-active', 'data-testid': 'agreements-active' });
  const list = h('ul', { class: 'plain proposals', 'aria-label': 'Proposals', 'data-testid': 'proposals' });
  const err = h('p', { class: 'error', role: 'alert' });

  // --- Propose
  const kindId = uid('agr-kind');
  const kind = h('select', { id: kindId, name: 'agreement' });
  const terms = h('p', { class: 'hint agr-terms', id: `${kindId}-terms` });
  kind.setAttribute('aria-describedby', terms.id);
  const parties = h('fieldset', { class: 'radios agr-parties' });
  const problem = h('p', { class: 'hint agr-problem', 'aria-live': 'polite' });
  const proposeBtn = h('button', { type: 'submit', class: 'primary small' }, 'Propose');
  const proposeForm = h(
    'form',
    { class: 'agr-propose', 'aria-label': 'Propose an agreement', novalidate: true },
    h('h3', {}, 'Propose an agreement'),
    h('div', { class: 'field' }, h('label', { for: kindId }, 'Terms'), kind),
    terms,
    parties,
    problem,
    proposeBtn,
  );
  const el = h('section', { class: 'panel agreements', 'aria-labelledby': headId, 'data-testid': 'agreements' }, heading, active, h('h3', {}, 'Proposals'), list, proposeForm, err);

  let current: AppState | null = null;
  let formFor = '';
  let listKey = '';
  let activeKey = '';
  let actedAt = 0;
  let shownErrorAt = 0;
  const chosen = new Set<SeatId>();

  function selectedParties(me: SeatId): SeatId[] {
    return [me, ...[...chosen].filter((x) => x !== me)];
  }

  function syncForm() {
    const s = current;
    const me = s?.you?.seat;
    if (!s || !me) return;
    const t = AGREEMENT_MENU[kind.value];
    if (!t) return;
    const coop = s.pub?.cooperation ?? 0;
    terms.textContent = `${t.summary} Lasts ${t.durationQuarters} quarters; each party pays ${t.signingCost} at signature; needs cooperation ≥ ${t.minCooperation} (now ${cooperationText(coop, t.minCooperation)}).${t.requiredParties.length ? ` Must include ${t.requiredParties.map((x) => SEAT_INFO[x].short).join(' and ')}.` : ''}`;
    const ps = selectedParties(me);
    const already = recentProposals(s.match?.turn ?? 0).some((p) => p.kind === kind.value && p.proposer === me && (p.status === 'open' || p.status === 'agreed'));
    const why =
      checkParties(kind.value, ps) ??
      (coop < t.minCooperation ? `Cooperation is ${coop.toFixed(0)}; the ${t.title} needs ${t.minCooperation}.` : null) ??
      (s.pub?.agreements.some((a) => a.kind === kind.value) ? `The ${t.title} is already in force.` : null) ??
      (already ? `You have already proposed the ${t.title} this quarter.` : null);
    problem.textContent = why ?? `Proposing to ${ps.filter((x) => x !== me).map((x) => SEAT_INFO[x].short).join(', ') || 'nobody yet'}.`;
    problem.classList.toggle('bad', Boolean(why));
    proposeBtn.disabled = Boolean(why) || s.status !== 'connected' || s.match?.phase !== 'orders';
  }

  function buildParties(me: SeatId) {
    const t = AGREEMENT_MENU[kind.value];
    chosen.clear();
    if (!t) return fill(parties);
    const inPlay = seatsInPlay(current!);
    const others = t.eligibleParties.filter((x) => x !== me);
    for (const r of t.requiredParties) if (r !== me) chosen.add(r);
    // With two eligible seats the other one is the obvious counterpart.
    if (others.length === 1) chosen.add(others[0]);
    fill(
      parties,
      h('legend', {}, 'Parties (you are one)'),
      others.map((seat) => {
        const id = uid('agr-p');
        const required = t.requiredParties.includes(seat);
        const box = h('input', { type: 'checkbox', id, value: seat, checked: chosen.has(seat), disabled: required });
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(seat);
          else chosen.delete(seat);
          syncForm();
        });
        return h('div', { class: 'check' }, box, h('label', { for: id }, `${SEAT_INFO[seat].short}${required ? ' (required)' : ''}${inPlay.includes(seat) ? '' : ' (bot)'}`));
      }),
    );
  }

  kind.addEventListener('change', () => {
    const me = current?.you?.seat;
    if (me) buildParties(me);
    syncForm();
  });
  proposeForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const me = current?.you?.seat;
    if (!me || proposeBtn.disabled) return;
    if (exerciseActions.propose(kind.value, selectedParties(me).filter((x) => x !== me))) {
      actedAt = Date.now();
      err.textContent = '';
    }
  });

  function respond(p: ProposalView, accept: boolean, seat?: SeatId) {
    if (exerciseActions.respond(p.id, accept, seat)) {
      actedAt = Date.now();
      err.textContent = '';
    }
  }

  /** A party's answer so far: accepted, declined, its bot's no (while a bot still plays it), or none yet. */
  function partyAnswer(p: ProposalView, x: SeatId, s: AppState): [string, string] {
    const who = SEAT_INFO[x].short;
    if (p.acceptedBy.includes(x)) return ['✓ ', `${who} accepted`];
    if (p.declinedBy === x) return ['✗ ', `${who} declined`];
    if (p.botsWillNot?.includes(x) && !s.match?.seats[x]?.occupied) return ['✗ ', `${who}’s bot will not sign`];
    return ['… ', `${who} has not answered`];
  }

  function proposalItem(p: ProposalView, s: AppState): HTMLElement {
    const me = s.you?.seat ?? null;
    const control = s.you?.role === 'facilitator';
    const playing = s.match?.phase === 'orders' && s.status === 'connected';
    const waiting = p.parties.filter((x) => !p.acceptedBy.includes(x));
    const buttons: HTMLElement[] = [];
    if (p.status === 'open' && playing) {
      if (me && waiting.includes(me)) {
        buttons.push(h('button', { type: 'button', class: 'small primary', onclick: () => respond(p, true) }, `Accept ${p.title}`));
        buttons.push(h('button', { type: 'button', class: 'small ghost', onclick: () => respond(p, false), 'aria-label': `Decline ${p.title}` }, 'Decline'));
      } else if (me && p.parties.includes(me)) {
        buttons.push(h('button', { type: 'button', class: 'small ghost', onclick: () => respond(p, false), 'aria-label': `Withdraw from ${p.title}` }, 'Withdraw'));
      } else if (control) {
        for (const seat of waiting) buttons.push(h('button', { type: 'button', class: 'small ghost', onclick: () => respond(p, true, seat) }, `Accept for ${SEAT_INFO[seat].short}`));
      }
    }
    return h(
      'li',
      { class: `proposal status-${p.status}`, 'data-status': p.status },
      h('div', { class: 'proposal-head' }, h('strong', {}, p.title), h('span', { class: `badge st-${p.status}` }, STATUS_LABEL[p.status])),
      h('p', { class: 'hint' }, `Proposed by ${SEAT_INFO[p.proposer].short} in ${p.quarter}. Lasts ${p.durationQuarters} quarters; costs each party ${p.signingCost}.`),
      h(
        'ul',
        { class: 'plain parties', 'aria-label': 'Parties' },
        p.parties.map((x) =>
          h('li', {}, ...partyAnswer(p, x, s)),
        ),
      ),
      p.note ? h('p', { class: 'hint' }, p.note) : null,
      buttons.length ? h('div', { class: 'proposal-actions' }, buttons) : null,
    );
  }

  return {
    el,
    update(s) {
      current = s;
      const pub = s.pub;
      const me = s.you?.seat ?? null;
      const role = s.you?.role;
      // In force
      const ak = JSON.stringify(pub?.agreements ?? []);
      if (ak !== activeKey) {
        activeKey = ak;
        const ags = pub?.agreements ?? [];
        fill(
          active,
          h('h3', {}, 'In force'),
          ags.length
            ? h('ul', { class: 'plain' }, ags.map((a) => h('li', { class: 'agr-in-force' }, h('strong', {}, a.title), ` — ${a.parties.map((x) => SEAT_INFO[x]?.short ?? x).join(', ')}; until ${a.expiresQuarter}`)))
            : h('p', { class: 'hint' }, 'No agreement is in force.'),
        );
      }
      // Proposals
      const props = recentProposals(s.match?.turn ?? 0);
      const lk = JSON.stringify([props, me, role, s.match?.phase, s.status]);
      if (lk !== listKey) {
        listKey = lk;
        const order: ProposalStatus[] = ['open', 'agreed', 'signed', 'refused', 'declined', 'lapsed'];
        props.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
        fill(list, props.length ? props.map((p) => proposalItem(p, s)) : [h('li', { class: 'hint' }, role === 'spectator' ? 'Proposals are private to their parties.' : 'No proposal this quarter.')]);
      }
      // Propose form: seated players only.
      const canPropose = role === 'player' && me !== null && s.match?.phase === 'orders';
      proposeForm.hidden = !canPropose;
      if (canPropose && me) {
        const key = `${me}`;
        if (formFor !== key) {
          formFor = key;
          const kinds = AGREEMENT_KINDS.filter((k) => AGREEMENT_MENU[k].eligibleParties.includes(me));
          fill(kind, kinds.map((k) => h('option', { value: k }, AGREEMENT_MENU[k].title)));
          if (kinds.length === 0) {
            proposeForm.hidden = true;
          } else buildParties(me);
        }
        syncForm();
      }
      const e = s.error;
      if (e && (e.ref === 'propose' || e.ref === 'respond') && e.at >= actedAt && e.at !== shownErrorAt && actedAt) {
        shownErrorAt = e.at;
        err.textContent = `Refused: ${e.message}`;
      }
    },
  };
}
