import {
  acceptAgreement,
  AGREEMENT_MENU,
  assignDoctrines,
  botNegotiate,
  ClaimSeatSchema,
  createWorld,
  declineAgreement,
  MODEL_VERSION,
  DraftOrdersSchema,
  ordersCost,
  completeOrders,
  negotiateQuarter,
  resolveQuarter,
  proposeAgreement,
  quarterLabel,
  SEATS,
  SEAT_INFO,
  StartSchema,
  SubmitOrdersSchema,
  validateOrders,
  type BySeat,
  type Doctrine,
  type DraftMessage,
  type Notice,
  type NoticeKind,
  type Order,
  type OrdersAck,
  type Phase,
  type Proposal,
  type Role,
  type Scenario,
  type SeatId,
  type SeatOrders,
  type WorldState,
} from '../shared/index.js';
import { CHAT_HISTORY_LIMIT, ChatSendSchema, canPost, canRead, type ChatMessage } from '../shared/chat.js';
import { cooperationShortfall, isAgreed, proposalView, ProposeSchema, RespondSchema, type ProposalView } from '../shared/diplomacy.js';
import { EVERYONE, sees, type Audience, type Viewer } from './audience.js';
import { applyControl, decideControl } from './control.js';
import { accept, malformed, refuse, type Decision } from './decision.js';
import { describeIssues, roomError, seatNotInPlay, type RoomError } from './errors.js';
import { CONTROL_KINDS, type Entry } from './match-log.js';
import { Debrief } from './debrief.js';
import { recordOf, type MatchRecord, type WorldAction } from '../shared/analysis/index.js';

export type MatchConfig = {
  code: string;
  scenarioId: string;
  seed: string;
  turns: number;
  /** 0: the quarter resolves only when every human seat has submitted (or Control advances it). */
  orderSeconds: number;
  botDoctrine?: Doctrine;
  isPrivate: boolean;
  facilitated: boolean;
  /** Each seat draws a secret agenda from the seed. */
  secretAgendas?: boolean;
};

/** Who sent a message: their place in the room (from the roster). */
export type Actor = { name: string; role: Role; seat: SeatId | null; host: boolean };

/** Facts from outside the log that a decision needs: the time, and who holds which seat. */
export type DecideCtx = { now: number; humanSeats: readonly SeatId[] };


/** What the room must deliver after an entry is applied (ignored during replay). */
export type Effect =
  | { kind: 'reply'; type: string; payload: unknown }
  | { kind: 'draft'; draft: DraftMessage }
  | { kind: 'chat'; message: ChatMessage }
  | { kind: 'proposal'; view: ProposalView }
  | { kind: 'notice'; notice: Notice; audience: Audience }
  | { kind: 'views'; seats: readonly SeatId[] }
  | { kind: 'resolved' };

/** What was played in one resolved quarter: the human submissions. */
export type QuarterLog = { turn: number; human: Partial<BySeat<SeatOrders>> };

/** One of Control's actions, for the after-action record. */
export type Intervention = { seq: number; at: number; turn: number; quarter: string; kind: Entry['kind']; by: string; text: string; reason?: string };

export type Clock = {
  /** Epoch ms when the orders phase closes; 0 when no timer runs (none, or paused). */
  deadline: number;
  paused: boolean;
  /** While paused: ms left on the timer (0: no timer). */
  remaining: number;
};


/**
 * The match's authority over the pure model. Each client action is first *decided* (validated against
 * the current state, nothing changes) into a log entry; the room stores the entry, then *applies* it.
 * Applying is deterministic and reads no clock, so replaying a stored log rebuilds the match exactly.
 * No networking here: `apply` returns the effects for the room to deliver.
 */
export class MatchController {
  phase: Phase = 'lobby';
  world: WorldState;
  readonly doctrines: BySeat<Doctrine>;
  /** Orders accepted for the quarter being played. Private: never projected into the public state. */
  pending: Partial<BySeat<SeatOrders>> = {};
  /** Each seat's shared draft for the quarter being played (private to the seat). */
  drafts: Partial<BySeat<DraftMessage>> = {};
  /** Seats Control handed to their bots. */
  readonly handedToBot = new Set<SeatId>();
  /** Players may ask for live forecasts: open unless Control runs the match (then Control decides). */
  forecastOpen: boolean;
  clock: Clock = { deadline: 0, paused: false, remaining: 0 };
  readonly chat: ChatMessage[] = [];
  readonly notices: { notice: Notice; audience: Audience }[] = [];
  /** This quarter's proposals as their parties last saw them (open, agreed, declined). */
  readonly proposals = new Map<string, ProposalView>();
  readonly interventions: Intervention[] = [];
  readonly log: QuarterLog[] = [];
  /** Every change to the world between resolutions, for the match record's exact replay. */
  readonly worldActions: { turn: number; action: WorldAction }[] = [];
  /** The seats bots played in each resolved quarter, for the match record. */
  readonly botsByTurn: SeatId[][] = [];
  /** Who played each seat and the public negotiation, for the after-action report. */
  readonly debrief = new Debrief();

  constructor(
    readonly config: MatchConfig,
    readonly scenario: Scenario,
  ) {
    this.world = createWorld({ ...scenario, turns: config.turns }, config.seed, config.secretAgendas ? { agendas: 'draw' } : {});
    this.forecastOpen = !config.facilitated;
    this.doctrines = assignDoctrines(config.seed, config.botDoctrine);
  }

  get seatsInPlay(): readonly SeatId[] {
    return this.world.seatsInPlay;
  }

  inPlay(seat: SeatId): boolean {
    return this.world.seatsInPlay.includes(seat);
  }

  hasSubmitted(seat: SeatId): boolean {
    return this.pending[seat] !== undefined;
  }

  get quarter(): string {
    return quarterLabel(this.world.startQuarter + Math.min(this.world.turn, this.world.turns - 1));
  }

  /** Seats whose bot gives the orders now: nobody holds them, or Control handed them over. */
  botSeats(humanSeats: readonly SeatId[]): SeatId[] {
    return SEATS.filter((s) => !humanSeats.includes(s) || this.handedToBot.has(s));
  }

  /** True when every seat people hold (and Control has not handed to its bot) has orders in. */
  readyToResolve(humanSeats: readonly SeatId[]): boolean {
    const seats = humanSeats.filter((s) => !this.handedToBot.has(s));
    return this.phase === 'orders' && !this.clock.paused && seats.length > 0 && seats.every((s) => this.hasSubmitted(s));
  }

  // ------------------------------------------------------------------------------------------------
  // Decisions: validate, change nothing, return the entry to store.

  decide(type: string, actor: Actor, msg: unknown, ctx: DecideCtx): Decision {
    switch (type) {
      case 'start':
        return this.decideStart(actor, msg, ctx);
      case 'submit':
        return this.decideSubmit(actor, msg);
      case 'draft':
        return this.decideDraft(actor, msg);
      case 'chat':
        return this.decideChat(actor, msg);
      case 'propose':
        return this.decidePropose(actor, msg, ctx);
      case 'respond':
        return this.decideRespond(actor, msg);
      default:
        if (type.startsWith('control:')) return decideControl(this, type, actor, msg, ctx);
        return refuse('unknown-message', `Unknown message type "${type}".`);
    }
  }

  /**
   * A resolution of the quarter being played (all submitted, the timer ran out, or Control advanced), with
   * every seat's orders as it will resolve them: those
   * submitted; when the phase is closed early (timer or Control), the drafts of seats people hold that had
   * ticked something; the bots' for the rest, decided now.
   */
  resolveEntry(reason: 'submitted' | 'timer' | 'control' | 'host', now: number, humanSeats: readonly SeatId[], by?: string): Extract<Entry, { kind: 'resolve' }> {
    const drafted = reason === 'submitted' ? [] : this.draftedSeats(humanSeats);
    const given = { ...this.pending };
    for (const seat of drafted) given[seat] = this.drafts[seat]!.orders;
    const negotiated = negotiateQuarter(this.world, given, this.doctrines);
    const orders = completeOrders(negotiated, given, this.doctrines);
    return { kind: 'resolve', turn: this.world.turn, reason, deadline: this.nextDeadline(now), ...(by !== undefined ? { by } : {}), orders, ...(drafted.length ? { drafted } : {}) };
  }

  /** Seats held by people (and not handed to a bot) with a draft of at least one order this quarter, and no submission. */
  private draftedSeats(humanSeats: readonly SeatId[]): SeatId[] {
    return humanSeats.filter((seat) => {
      const d = this.draftFor(seat);
      return !this.hasSubmitted(seat) && !this.handedToBot.has(seat) && d !== undefined && !d.submitted && d.orders.length > 0;
    });
  }

  /** When the coming quarter's orders phase closes, if it starts at `now` (0: no timer). */
  nextDeadline(now: number): number {
    return this.config.orderSeconds > 0 ? now + this.config.orderSeconds * 1000 : 0;
  }

  private decideStart(actor: Actor, msg: unknown, ctx: DecideCtx): Decision {
    if (!StartSchema.safeParse(msg ?? {}).success) return refuse('bad-request', 'start takes no payload.');
    if (!actor.host) return refuse('not-host', this.config.facilitated ? 'In a facilitated match only Control starts the match.' : 'Only the host can start the match.');
    if (this.phase !== 'lobby') return refuse('wrong-phase', 'The match has already started.');
    if (ctx.humanSeats.length === 0) return refuse('no-players', 'At least one seat must be held by a player.');
    return accept({ kind: 'start', by: actor.name, deadline: this.nextDeadline(ctx.now) });
  }

  /** Who may act for a seat: a seated player, for their own seat only. */
  private seatOf(actor: Actor, claimed: SeatId | undefined, verb: string): { ok: true; seat: SeatId } | { ok: false; error: RoomError } {
    if (actor.role === 'spectator') return { ok: false, error: roomError('spectator', `Spectators cannot ${verb}.`) };
    if (actor.role === 'facilitator') return { ok: false, error: roomError('not-seated', `Control holds no seat and cannot ${verb}.`) };
    if (!actor.seat) return { ok: false, error: roomError('not-seated', `Claim a seat before you ${verb}.`) };
    if (claimed !== undefined && claimed !== actor.seat) return { ok: false, error: roomError('forged-seat', `You hold ${SEAT_INFO[actor.seat].short}; you cannot act for ${SEAT_INFO[claimed].short}.`) };
    return { ok: true, seat: actor.seat };
  }

  private orderPhaseError(turn: number): Decision | null {
    if (this.phase !== 'orders') return refuse('wrong-phase', this.phase === 'lobby' ? 'The match has not started yet.' : 'The match is over.');
    if (turn !== this.world.turn) return refuse('wrong-turn', `These orders are for turn ${turn}, but turn ${this.world.turn} is being played.`);
    return null;
  }

  private decideSubmit(actor: Actor, msg: unknown): Decision {
    const r = SubmitOrdersSchema.safeParse(msg);
    if (!r.success) return malformed('orders', r.error.issues);
    const who = this.seatOf(actor, r.data.seat, 'submit orders');
    if (!who.ok) return { ok: false, error: who.error };
    const seat = who.seat;
    const late = this.orderPhaseError(r.data.turn);
    if (late) return late;
    if (this.handedToBot.has(seat)) return refuse('handed-to-bot', `Control has handed ${SEAT_INFO[seat].short} to its bot; its bot gives the orders.`);
    if (this.hasSubmitted(seat)) return refuse('already-submitted', `${SEAT_INFO[seat].short} has already submitted orders this quarter.`);
    const check = validateOrders(this.world, seat, r.data.orders as Order[]);
    if (check.errors.length > 0) return refuse('invalid-orders', `Orders refused: ${check.errors.join(' ')}`);
    return accept({ kind: 'submit', seat, turn: r.data.turn, orders: check.accepted, by: actor.name });
  }

  private decideDraft(actor: Actor, msg: unknown): Decision {
    const r = DraftOrdersSchema.safeParse(msg);
    if (!r.success) return malformed('draft', r.error.issues);
    const who = this.seatOf(actor, r.data.seat, 'draft orders');
    if (!who.ok) return { ok: false, error: who.error };
    const late = this.orderPhaseError(r.data.turn);
    if (late) return late;
    if (this.hasSubmitted(who.seat)) return refuse('already-submitted', `${SEAT_INFO[who.seat].short} has already submitted orders this quarter.`);
    return accept({ kind: 'draft', seat: who.seat, turn: r.data.turn, orders: r.data.orders as Order[], by: actor.name });
  }

  private decideChat(actor: Actor, msg: unknown): Decision {
    const r = ChatSendSchema.safeParse(msg);
    if (!r.success) return malformed('chat message', r.error.issues);
    const channel = r.data.channel as ChatMessage['channel'];
    if (!canPost(channel, actor)) {
      return refuse(actor.role === 'spectator' ? 'spectator' : 'channel-forbidden', actor.role === 'spectator' ? 'Spectators cannot post.' : `You cannot post in ${channel}.`);
    }
    if (this.phase === 'finished' && channel !== 'public') return refuse('wrong-phase', 'The match is over; only the public channel stays open.');
    return accept({ kind: 'chat', channel, text: r.data.text, from: { name: actor.name, role: actor.role, seat: actor.seat } });
  }

  private decidePropose(actor: Actor, msg: unknown, ctx: DecideCtx): Decision {
    const r = ProposeSchema.safeParse(msg);
    if (!r.success) return malformed('proposal', r.error.issues);
    const who = this.seatOf(actor, undefined, 'propose agreements');
    if (!who.ok) return { ok: false, error: who.error };
    if (this.phase !== 'orders') return refuse('wrong-phase', this.phase === 'lobby' ? 'The match has not started yet.' : 'The match is over.');
    const parties = r.data.parties.includes(who.seat) ? r.data.parties : [who.seat, ...r.data.parties];
    const trial = proposeWorld(this.world, who.seat, r.data.kind, parties);
    if (!trial.ok) return refuse('refused', trial.error);
    const bots = this.botSeats(ctx.humanSeats);
    return accept({ kind: 'propose', seat: who.seat, agreement: r.data.kind, parties, bots, by: actor.name });
  }

  private decideRespond(actor: Actor, msg: unknown): Decision {
    const r = RespondSchema.safeParse(msg);
    if (!r.success) return malformed('response', r.error.issues);
    let seat: SeatId;
    if (actor.role === 'facilitator') {
      if (!r.data.seat) return refuse('bad-request', 'Control must name the seat it answers for.');
      seat = r.data.seat;
    } else {
      const who = this.seatOf(actor, r.data.seat, 'answer proposals');
      if (!who.ok) return { ok: false, error: who.error };
      seat = who.seat;
    }
    if (this.phase !== 'orders') return refuse('wrong-phase', 'Proposals are answered while a quarter is being played.');
    const p = this.world.proposals.find((x) => x.id === r.data.id);
    if (!p) return refuse('refused', `No open proposal "${r.data.id}".`);
    if (!p.parties.includes(seat)) return refuse('not-party', `${SEAT_INFO[seat].short} is not a party to this proposal.`);
    const trial = r.data.accept ? acceptAgreement(this.world, p.id, seat) : declineAgreement(this.world, p.id, seat);
    if (!trial.ok) return refuse('refused', trial.error);
    return accept({ kind: 'respond', seat, proposal: p.id, accept: r.data.accept, by: actor.name, ...(actor.role === 'facilitator' ? { control: true as const } : {}) });
  }

  /** Claiming a seat changes only the roster; the controller just checks it. */
  checkClaim(actor: Actor, msg: unknown): { ok: true; seat: SeatId } | { ok: false; error: RoomError } {
    const r = ClaimSeatSchema.safeParse(msg);
    if (!r.success) return { ok: false, error: roomError('bad-request', `Malformed claim: ${describeIssues(r.error.issues)}`) };
    if (actor.role === 'facilitator') return { ok: false, error: roomError('not-seated', 'Control cannot take a seat.') };
    if (actor.seat) return { ok: false, error: roomError('already-seated', `You already hold ${SEAT_INFO[actor.seat].short}.`) };
    if (this.phase === 'finished') return { ok: false, error: roomError('wrong-phase', 'The match is over.') };
    if (!this.inPlay(r.data.seat)) return { ok: false, error: seatNotInPlay(r.data.seat) };
    return { ok: true, seat: r.data.seat };
  }

  // ------------------------------------------------------------------------------------------------
  // Application: deterministic, no clock, no I/O.

  apply(entry: Entry, seq: number, at: number): Effect[] {
    const fx: Effect[] = [];
    const before = { lobby: this.phase === 'lobby', finished: this.phase === 'finished', turn: this.world.turn };
    const notify = (kind: NoticeKind, text: string, audience: Audience = EVERYONE, reason?: string) => {
      const notice: Notice = { id: seq * 10 + fx.filter((e) => e.kind === 'notice').length, at, turn: this.world.turn, kind, text, ...(reason ? { reason } : {}) };
      this.notices.push({ notice, audience });
      fx.push({ kind: 'notice', notice, audience });
    };
    const intervene = (text: string, reason?: string) => {
      this.interventions.push({ seq, at, turn: this.world.turn, quarter: this.quarter, kind: entry.kind, by: 'by' in entry ? (entry.by ?? '') : '', text, ...(reason ? { reason } : {}) });
    };
    switch (entry.kind) {
      case 'start':
        this.phase = 'orders';
        this.clock = { deadline: entry.deadline, paused: false, remaining: 0 };
        notify('started', `The match has started: ${this.quarter}.`);
        break;
      case 'submit': {
        this.pending[entry.seat] = entry.orders;
        const ack: OrdersAck = { turn: entry.turn, accepted: entry.orders.length, costs: ordersCost(entry.orders) };
        fx.push({ kind: 'reply', type: 'ack', payload: ack });
        // The seat's teammates learn what was sent for them, and by whom (their own forms were not).
        const draft: DraftMessage = { seat: entry.seat, turn: entry.turn, orders: entry.orders, by: entry.by, at, submitted: true };
        this.drafts[entry.seat] = draft;
        fx.push({ kind: 'draft', draft });
        break;
      }
      case 'draft': {
        const draft: DraftMessage = { seat: entry.seat, turn: entry.turn, orders: entry.orders, by: entry.by, at };
        this.drafts[entry.seat] = draft;
        fx.push({ kind: 'draft', draft });
        break;
      }
      case 'chat': {
        const message: ChatMessage = { id: seq, channel: entry.channel, from: entry.from, text: entry.text, at, turn: this.world.turn };
        this.chat.push(message);
        fx.push({ kind: 'chat', message });
        break;
      }
      case 'propose':
        this.applyPropose(entry, notify, fx);
        break;
      case 'respond':
        this.applyRespond(entry, notify, fx);
        break;
      case 'resolve':
        if (entry.reason === 'control' || entry.reason === 'host') {
          const who = entry.reason === 'control' ? 'Control' : `The host${entry.by ? `, ${entry.by},` : ''}`;
          notify('advanced', `${who} closed the orders phase: seats that had not submitted go in with what they had drafted, or with their bots’ orders.`);
          if (entry.reason === 'control') intervene('Advanced the quarter.');
        }
        this.applyResolve(entry, fx, notify);
        break;
      case 'pause':
      case 'resume':
      case 'timer':
      case 'inject':
      case 'custom-event':
      case 'adjust':
      case 'seat-control':
      case 'end':
      case 'forecast-access':
        applyControl(this, entry, { seq, notify, intervene, fx });
        break;
    }
    // The report's summary is kept as the match ends: what comes after (public chat) is not in it.
    if (!before.finished) this.debrief.note(entry, at, fx, { lobby: before.lobby, turn: before.turn, startQuarter: this.world.startQuarter, facilitated: this.config.facilitated });
    return fx;
  }

  private applyPropose(entry: Extract<Entry, { kind: 'propose' }>, notify: (k: NoticeKind, t: string, a?: Audience) => void, fx: Effect[]): void {
    const r = proposeWorld(this.world, entry.seat, entry.agreement, entry.parties);
    if (!r.ok || !r.proposal) return;
    // Bot seats answer at once (seeded, so a replay answers the same way).
    this.world = botNegotiate(r.state, this.doctrines, entry.bots);
    this.recordAction({ kind: 'propose', seat: entry.seat, agreement: entry.agreement, parties: entry.parties, bots: entry.bots });
    const p = this.world.proposals.find((x) => x.id === r.proposal?.id);
    // Bots answer at once: a bot party that did not accept will not (its roll is seeded), and its people are told so.
    if (p) this.showProposal(p, fx, notify, p.parties.filter((x) => entry.bots.includes(x) && !p.acceptedBy.includes(x)));
  }

  private applyRespond(entry: Extract<Entry, { kind: 'respond' }>, notify: (k: NoticeKind, t: string, a?: Audience) => void, fx: Effect[]): void {
    const before = this.world.proposals.find((x) => x.id === entry.proposal);
    if (!before) return;
    const r = entry.accept ? acceptAgreement(this.world, entry.proposal, entry.seat) : declineAgreement(this.world, entry.proposal, entry.seat);
    if (!r.ok) return;
    this.world = r.state;
    this.recordAction({ kind: 'respond', seat: entry.seat, proposal: entry.proposal, accept: entry.accept });
    if (!entry.accept) {
      const view = proposalView(this.world, before, 'declined', { declinedBy: entry.seat });
      this.proposals.set(view.id, view);
      fx.push({ kind: 'proposal', view });
      return;
    }
    const p = this.world.proposals.find((x) => x.id === entry.proposal);
    // The bots' answers given when it was proposed still stand.
    if (p) this.showProposal(p, fx, notify, this.proposals.get(p.id)?.botsWillNot);
  }

  /** Send a proposal's new state to its parties; announce it to everyone once every party has accepted. */
  private showProposal(p: Proposal, fx: Effect[], notify: (k: NoticeKind, t: string, a?: Audience) => void, botsWillNot: readonly SeatId[] | undefined): void {
    const agreed = isAgreed(p);
    const short = agreed ? cooperationShortfall(this.world, p.kind) : null;
    const view = proposalView(this.world, p, agreed ? 'agreed' : 'open', { ...(short ? { note: short } : {}), ...(botsWillNot ? { botsWillNot } : {}) });
    const was = this.proposals.get(p.id)?.status;
    this.proposals.set(p.id, view);
    fx.push({ kind: 'proposal', view });
    if (agreed && was !== 'agreed') {
      notify('agreement-agreed', `${p.parties.map((x) => SEAT_INFO[x].short).join(', ')} agreed the ${view.title}; it is signed at the end of this quarter${short ? ' if cooperation allows' : ''}.`);
    }
  }

  private applyResolve(entry: Extract<Entry, { kind: 'resolve' }>, fx: Effect[], notify: (k: NoticeKind, t: string, a?: Audience) => void): void {
    if (this.phase !== 'orders' || entry.turn !== this.world.turn) return;
    // A drafted seat's orders are its own, not its bot's: they count as submitted when the phase closed.
    for (const seat of entry.drafted ?? []) {
      this.pending[seat] = entry.orders?.[seat] ?? this.drafts[seat]?.orders ?? [];
      const n = this.pending[seat]!.length;
      const closed = entry.reason === 'control' ? 'Control closed the orders phase' : entry.reason === 'host' ? 'The host closed the orders phase' : 'Time ran out';
      notify('drafted', `${closed} before ${SEAT_INFO[seat].short} submitted: ${n === 1 ? 'the order drafted for the seat went in as it stood' : `the ${n} orders drafted for the seat went in as they stood`}.`, { kind: 'seats', seats: [seat] });
    }
    const negotiated = negotiateQuarter(this.world, this.pending, this.doctrines);
    const { state: next, inForce } = resolveQuarter(negotiated, entry.orders ?? completeOrders(negotiated, this.pending, this.doctrines));
    this.botsByTurn.push(SEATS.filter((s) => this.pending[s] === undefined));
    this.log.push({ turn: next.turn, human: this.pending });
    this.world = next;
    this.pending = {};
    this.drafts = {};
    // Tell the parties what became of this quarter's proposals.
    for (const view of this.proposals.values()) {
      if (view.status !== 'open' && view.status !== 'agreed') continue;
      // Read from what the quarter ran under: one signed and broken in the open the same quarter was signed all the same.
      const signed = inForce.find((a) => a.kind === view.kind && a.signedTurn === next.turn);
      const status = signed ? 'signed' : view.status === 'agreed' ? 'refused' : 'lapsed';
      const until = signed ? quarterLabel(next.startQuarter + signed.expiresTurn - 1) : '';
      const note = signed
        ? signed.exposedBreaches.length
          ? `Signed, then breached in the open: it collapsed in ${until}.`
          : `In force until ${until}.`
        : status === 'refused'
          ? refusalNote(next, view.kind)
          : undefined;
      fx.push({ kind: 'proposal', view: { ...view, status, ...(note ? { note } : {}) } });
    }
    this.proposals.clear();
    if (next.outcome) {
      this.phase = 'finished';
      this.clock = { deadline: 0, paused: false, remaining: 0 };
    } else if (this.clock.paused) {
      this.clock = { deadline: 0, paused: true, remaining: this.config.orderSeconds * 1000 };
    } else {
      this.clock = { deadline: entry.deadline, paused: false, remaining: 0 };
    }
    fx.push({ kind: 'resolved' });
  }

  /**
   * Tell everyone that the match, begun under another model version, was rebuilt under this one. Not
   * logged: it describes this server, and a later one says it again if it still applies. `lastSeq` is the
   * log's last entry, so the notice sorts after everything replayed.
   */
  noteModelChange(began: number | undefined, lastSeq: number, at: number): void {
    const quarters = this.world.history.length;
    const under = began === undefined ? 'before the server kept model versions' : `under model version ${began}`;
    // Logs from before versions were kept hold no bot orders, so the bots were asked again.
    const replayed = began === undefined ? 'replayed under the new rules and bots, so some figures and bot orders may differ' : 'replayed from the orders given then, under the new rules, so some figures may differ';
    const so = quarters === 1 ? 'Its first quarter was' : `Its ${quarters} quarters so far were`;
    const text =
      `The server was upgraded: this match began ${under} and now runs under version ${MODEL_VERSION}. ` +
      (quarters > 0 ? `${so} ${replayed} from what you saw.` : 'No quarter has resolved yet, so nothing you saw has changed.');
    this.notices.push({ notice: { id: lastSeq * 10 + 9, at, turn: this.world.turn, kind: 'model-changed', text }, audience: EVERYONE });
  }

  /** The match ended between resolutions: this quarter's open proposals lapse. */
  closeProposals(fx: Effect[], status: 'lapsed'): void {
    for (const view of this.proposals.values()) {
      if (view.status === 'open' || view.status === 'agreed') fx.push({ kind: 'proposal', view: { ...view, status } });
    }
    this.proposals.clear();
  }

  // ------------------------------------------------------------------------------------------------
  // What a (re)joining client is owed.

  draftFor(seat: SeatId): DraftMessage | undefined {
    const d = this.drafts[seat];
    return d && d.turn === this.world.turn ? d : undefined;
  }

  chatFor(v: Viewer): ChatMessage[] {
    const mine = this.chat.filter((m) => canRead(m.channel, v));
    return mine.slice(-CHAT_HISTORY_LIMIT);
  }

  proposalsFor(v: Viewer): ProposalView[] {
    return [...this.proposals.values()].filter((p) => sees({ kind: 'seats', seats: p.parties }, v));
  }

  noticesFor(v: Viewer): Notice[] {
    return this.notices.filter((n) => sees(n.audience, v)).map((n) => n.notice);
  }

  /** Note a world-changing action at the current turn (negotiation and Control's interventions). */
  recordAction(action: WorldAction): void {
    this.worldActions.push({ turn: this.world.turn, action });
  }

  /** The exact, replayable record of this match so far (see shared/analysis/replay.ts). */
  record(): MatchRecord {
    return recordOf(this.scenario, this.world, this.config.code, {
      ...(this.config.botDoctrine ? { botDoctrine: this.config.botDoctrine } : {}),
      actions: this.worldActions,
      bots: this.botsByTurn,
    });
  }

  /** Control's actions so far (for the after-action record). */
  controlLog(): Intervention[] {
    return this.interventions.filter((i) => CONTROL_KINDS.includes(i.kind) || i.kind === 'resolve');
  }
}

/** The model's propose check, plus the cooperation the terms need. */
function proposeWorld(world: WorldState, by: SeatId, kind: string, parties: readonly SeatId[]) {
  const low = cooperationShortfall(world, kind);
  if (low && AGREEMENT_MENU[kind]) return { ok: false as const, error: low };
  return proposeAgreement(world, by, kind, parties);
}

function refusalNote(state: WorldState, kind: string): string {
  const refused = state.history.at(-1)?.events.find((e) => e.kind === 'agreement-refused' && e.agreement === kind);
  return refused?.text ?? 'It was not signed at resolution.';
}
