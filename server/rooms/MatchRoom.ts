import { matchMaker, Protocol, Room, type Client, type RoomException } from '@colyseus/core';
import { ForecastRequestSchema, MODEL_VERSION, MSG, SMSG, seatView, seatViewMessage, type LiveForecast, type RoomListing, type SeatView } from '../../shared/index.js';
import { livePool, warmLivePool } from '../analysis/live-forecast.js';
import { sees, type Viewer } from '../audience.js';
import { canRead } from '../../shared/chat.js';
import { describeIssues, roomError, type RoomError } from '../errors.js';
import { finishedSummary } from '../finished-summary.js';
import { MatchController, type Actor, type Effect } from '../match-controller.js';
import type { Entry } from '../match-log.js';
import { guarded } from '../message-guard.js';
import { matchConfig, newFacilitatorKey, newSeed, parseCreate, parseJoin, splitOptions, type RoomSettings, type StoredOptions } from '../options.js';
import { rebuildMatch } from '../rebuild.js';
import { listing, project } from '../projection.js';
import { RateLimiter } from '../rate-limit.js';
import { uniqueCode } from '../room-code.js';
import { Roster } from '../roster.js';
import { MatchState } from '../schema.js';
import { keysMatch } from '../secrets.js';

/** Messages decided by the controller and stored in the match's log. */
const LOGGED = [MSG.start, MSG.submit, MSG.draft, MSG.chat, MSG.propose, MSG.respond, MSG.pause, MSG.resume, MSG.timer, MSG.advance, MSG.inject, MSG.event, MSG.adjust, MSG.seat, MSG.end, MSG.forecastAccess] as const;

/** After a restart, a running timer gets at least this long so people can rejoin first. */
const RESTART_GRACE_MS = 30_000;

/**
 * Colyseus glue: who is in the room, the timer, and delivery. Each message goes to the controller,
 * which decides it into a log entry; the entry is stored, then applied, then its effects are delivered
 * to exactly the clients allowed to see them.
 */
export class MatchRoom extends Room<MatchState, RoomListing> {
  override maxClients = 64;
  private ctrl!: MatchController;
  private settings!: RoomSettings;
  private roster!: Roster;
  private facilitatorKey: string | null = null;
  private readonly limiter = new RateLimiter();
  /** Chat has its own, tighter budget: six messages at once, then one every two seconds. */
  private readonly chatLimiter = new RateLimiter(6, 0.5);
  private timer: ReturnType<Room['clock']['setTimeout']> | undefined;
  private idleTimer: ReturnType<Room['clock']['setTimeout']> | undefined;
  private awaitingCreator = true;
  private forecasting = false;
  private memorySeq = 0;
  /** How many of its seat's events each client has been sent (seat views then carry only the new ones). */
  private readonly eventsSent = new Map<string, number>();
  /** Set when the server shuts down: people leaving then must not move the match on. */
  private closing = false;

  override async onCreate(options: unknown) {
    const { settings, resume, client } = splitOptions(options);
    this.settings = settings;
    if (resume) await this.restore(resume);
    else await this.create(client);
    this.roster = new Roster(this.ctrl.config.facilitated);
    // An unfinished match must never be disposed and lost; a finished one goes when its last client leaves.
    this.autoDispose = this.ctrl.phase === 'finished';
    this.state = new MatchState();
    const on = (type: string, fn: (c: Client, m: unknown) => void) => this.onMessage(type, guarded(this.limiter, this.refuse, type, fn));
    for (const type of LOGGED) on(type, (c, m) => this.act(type, c, m));
    on(MSG.claim, (c, m) => this.claim(c, m));
    on(MSG.forecast, (c, m) => void this.forecast(c, m));
    this.onMessage('*', (client, type, m) =>
      guarded(this.limiter, this.refuse, String(type), (c) => this.refuse(c, roomError('unknown-message', `Unknown message type "${String(type)}".`, String(type))))(client, m),
    );
    this.sync();
    this.armTimer();
    this.checkIdle();
    // Once per process: any match may ask for a live forecast (Control always; players when allowed).
    if (this.settings.warmForecasts) void warmLivePool();
  }

  private async create(clientOptions: Record<string, unknown>) {
    const req = parseCreate(clientOptions, this.settings);
    const store = this.settings.store;
    const code = await uniqueCode(
      async (c) => matchMaker.getLocalRoomById(c) !== undefined || store?.load(c) !== undefined || (await matchMaker.query({ roomId: c })).length > 0,
    );
    this.roomId = code;
    const seed = newSeed(req.create);
    this.ctrl = new MatchController(matchConfig(req.create, req.scenario, code, seed), req.scenario);
    this.facilitatorKey = req.create.facilitated ? newFacilitatorKey() : null;
    const options: StoredOptions = { create: req.create, facilitatorKey: this.facilitatorKey, modelVersion: MODEL_VERSION };
    store?.createMatch({ code, scenario: req.scenario, seed, options, createdAt: Date.now() });
    if (req.create.isPrivate) await this.setPrivate(true);
  }

  /** Recreate a stored match under its own code by replaying its log through the model. */
  private async restore(ticket: string) {
    const code = this.settings.resumeTickets?.get(ticket);
    this.settings.resumeTickets?.delete(ticket);
    const stored = code ? this.settings.store?.load(code) : undefined;
    if (!code || !stored) throw new Error('no stored match for this resume ticket');
    const rebuilt = rebuildMatch(stored);
    this.roomId = code;
    this.awaitingCreator = false;
    this.ctrl = rebuilt.ctrl;
    this.facilitatorKey = rebuilt.facilitatorKey;
    this.memorySeq = rebuilt.lastSeq;
    const clock = this.ctrl.clock;
    if (this.ctrl.phase === 'orders' && !clock.paused && clock.deadline > 0) {
      // Not logged: after another restart the same rule applies again.
      clock.deadline = Math.max(clock.deadline, Date.now() + Math.min(RESTART_GRACE_MS, this.ctrl.config.orderSeconds * 1000));
    }
    if (this.ctrl.phase === 'finished') this.settings.store?.finish(code, finishedSummary(this.ctrl, code));
    else this.settings.store?.setDormant(code, false);
    if (rebuilt.modelVersion !== MODEL_VERSION && this.ctrl.phase !== 'lobby') {
      console.warn(`match ${code}: begun under model version ${rebuilt.modelVersion ?? 'unknown'}, resumed under ${MODEL_VERSION}`);
      this.ctrl.noteModelChange(rebuilt.modelVersion, rebuilt.lastSeq, Date.now());
    }
    if (rebuilt.isPrivate) await this.setPrivate(true);
  }

  override onJoin(client: Client, options: unknown) {
    const creator = this.awaitingCreator;
    const join = parseJoin(options, creator);
    this.awaitingCreator = false;
    if (join.role === 'spectator' && join.seat) throw new Error('A spectator cannot take a seat.');
    if (join.role === 'facilitator') {
      if (!this.ctrl.config.facilitated) throw new Error('This match has no facilitator.');
      if (join.seat) throw new Error('The facilitator takes no seat.');
      if (!creator && !keysMatch(join.key, this.facilitatorKey)) throw new Error('Wrong or missing facilitator key.');
    }
    const refusal = join.seat ? this.roster.refuseSeat(join.seat, this.ctrl.inPlay(join.seat)) : null;
    if (refusal) throw new Error(refusal.message);
    this.roster.add(client.sessionId, join.name, join.role);
    if (join.seat) this.roster.take(client.sessionId, join.seat);
    this.sync();
    this.introduce(client);
    this.checkIdle();
  }

  override async onLeave(client: Client, consented: boolean) {
    const member = this.roster.get(client.sessionId);
    if (!member || this.closing) return;
    if (!consented && this.ctrl.phase !== 'finished') {
      member.connected = false;
      this.sync();
      this.checkIdle();
      try {
        const back = await this.allowReconnection(client, this.settings.reconnectSeconds);
        member.connected = true;
        this.sync();
        this.introduce(back);
        this.checkIdle();
        return;
      } catch {
        // They did not come back in time: a seat left empty is played by its bot.
      }
    }
    const hosts = new Set(this.roster.hosts());
    this.roster.remove(client.sessionId);
    this.eventsSent.delete(client.sessionId);
    this.limiter.forget(client.sessionId);
    this.chatLimiter.forget(client.sessionId);
    this.sync();
    for (const id of this.roster.hosts()) if (!hosts.has(id)) this.clientsOf(id).forEach((c) => c.send(SMSG.you, this.you(id)));
    this.resolveIfReady();
    this.checkIdle();
  }

  /**
   * On shutdown the match stays unfinished in the store, exactly as it was; the next start resumes it. Its
   * players are told the server is going away, not that they left (Colyseus's default), so their clients
   * keep their seats and come back to it.
   */
  override onBeforeShutdown() {
    this.closing = true;
    this.timer?.clear();
    void this.disconnect(this.ctrl.phase === 'finished' ? Protocol.WS_CLOSE_CONSENTED : Protocol.WS_SERVER_DISCONNECT);
  }

  override onDispose() {
    this.closing = true;
    this.timer?.clear();
    this.idleTimer?.clear();
  }

  /**
   * An unfinished match with nobody connected is put away after `idleSeconds`: it stays in the store, marked
   * dormant, and comes back exactly as it was when someone joins its code (server/resume.ts). Without this,
   * every abandoned match would stay in memory for as long as the process runs.
   */
  private checkIdle() {
    const idleMs = (this.settings.idleSeconds ?? 0) * 1000;
    const idle = !this.closing && idleMs > 0 && this.settings.store !== undefined && this.ctrl.phase !== 'finished' && !this.roster.all().some((m) => m.connected);
    if (!idle) {
      this.idleTimer?.clear();
      this.idleTimer = undefined;
      return;
    }
    this.idleTimer ??= this.clock.setTimeout(() => {
      this.idleTimer = undefined;
      if (this.closing || this.ctrl.phase === 'finished' || this.roster.all().some((m) => m.connected)) return;
      this.settings.store?.setDormant(this.roomId, true);
      this.closing = true;
      this.timer?.clear();
      this.autoDispose = true;
      void this.disconnect();
    }, idleMs);
  }

  /** Timer callbacks and onLeave must never take the process down; onCreate/onJoin throw on purpose to refuse. */
  override onUncaughtException(error: RoomException<this>, method: string) {
    if (method !== 'onCreate' && method !== 'onJoin') console.error(`room ${this.roomId}: ${method} failed`, error.cause ?? error);
  }

  // ------------------------------------------------------------------------------------------------

  private actor(client: Client): Actor | undefined {
    const m = this.roster.get(client.sessionId);
    return m && { name: m.name, role: m.role, seat: m.seat, host: this.roster.isHost(client.sessionId) };
  }

  private act(type: string, client: Client, msg: unknown) {
    const actor = this.actor(client);
    if (!actor) return;
    const d = this.ctrl.decide(type, actor, msg, { now: Date.now(), humanSeats: this.roster.humanSeats() });
    if (!d.ok) return this.refuse(client, { ...d.error, ref: type });
    // Only messages that would be posted spend the chat budget.
    if (type === MSG.chat && !this.chatLimiter.allow(client.sessionId)) return this.refuse(client, roomError('rate-limited', 'Too many chat messages; wait a moment.', type));
    const seq = this.commit(d.entry, client);
    if (type.startsWith('control:')) client.send(SMSG.controlAck, { type, seq });
  }

  /** A live forecast from the true position, for Control always and for others while Control allows it. */
  private async forecast(client: Client, msg: unknown) {
    const r = ForecastRequestSchema.safeParse(msg ?? {});
    if (!r.success) return this.refuse(client, roomError('bad-request', `Malformed forecast request: ${describeIssues(r.error.issues)}`, MSG.forecast));
    const member = this.roster.get(client.sessionId);
    if (!member) return;
    if (member.role !== 'facilitator' && !this.ctrl.forecastOpen) {
      return this.refuse(client, roomError('forecast-closed', 'Control has not opened live forecasts to players.', MSG.forecast));
    }
    if (this.forecasting) return this.refuse(client, roomError('busy', 'A forecast for this match is already running; try again in a moment.', MSG.forecast));
    this.forecasting = true;
    try {
      const world = this.ctrl.world;
      const t0 = Date.now();
      const full = await livePool().forecast(world, r.data.n, { seed: `${this.ctrl.config.code}|live|${world.turn}`, doctrine: this.ctrl.config.botDoctrine });
      // The mean lead ahead starts from the true lead, which only Control may read: players get the odds.
      const forecast = member.role === 'facilitator' ? full : { ...full, meanLead: [], leadSamples: [] };
      const reply: LiveForecast = { turn: world.turn, quarter: this.state.quarter, forecast, ms: Date.now() - t0 };
      client.send(SMSG.forecast, reply);
    } catch (err) {
      this.refuse(client, roomError('internal', `The forecast failed: ${err instanceof Error ? err.message : String(err)}`, MSG.forecast));
    } finally {
      this.forecasting = false;
    }
  }

  private claim(client: Client, msg: unknown) {
    const actor = this.actor(client);
    if (!actor) return;
    const r = this.ctrl.checkClaim(actor, msg);
    if (!r.ok) return this.refuse(client, { ...r.error, ref: MSG.claim });
    this.roster.take(client.sessionId, r.seat);
    this.sync();
    this.introduce(client);
  }

  /** Store the entry (durably, before anyone hears of it), apply it, deliver its effects. Returns its sequence number. */
  private commit(entry: Entry, client?: Client): number {
    const at = Date.now();
    const seq = this.settings.store ? this.settings.store.append(this.roomId, entry.kind, entry, at) : ++this.memorySeq;
    const wasFinished = this.ctrl.phase === 'finished';
    const effects = this.ctrl.apply(entry, seq, at);
    this.sync();
    this.deliver(effects, client);
    // Kept once, as the match ends: public chat after the end changes nothing the summary holds.
    if (!wasFinished && this.ctrl.phase === 'finished') {
      this.settings.store?.finish(this.roomId, finishedSummary(this.ctrl, this.roomId));
      this.autoDispose = true;
    }
    this.armTimer();
    this.resolveIfReady();
    return seq;
  }

  private deliver(effects: Effect[], sender?: Client) {
    for (const fx of effects) {
      switch (fx.kind) {
        case 'reply':
          sender?.send(fx.type, fx.payload);
          break;
        case 'draft':
          this.sendTo((v) => v.role === 'player' && v.seat === fx.draft.seat, SMSG.draft, fx.draft);
          break;
        case 'chat':
          this.sendTo((v) => canRead(fx.message.channel, v), SMSG.chat, fx.message);
          break;
        case 'proposal':
          this.sendTo((v) => sees({ kind: 'seats', seats: fx.view.parties }, v), SMSG.proposal, fx.view);
          break;
        case 'notice':
          this.sendTo((v) => sees(fx.audience, v), SMSG.notice, fx.notice);
          break;
        case 'views':
          for (const c of this.clients) {
            const seat = this.roster.get(c.sessionId)?.seat;
            if (seat && fx.seats.includes(seat)) this.sendSeatView(c);
          }
          break;
        case 'resolved':
          // Public state first, so a client never sees a seat view newer than the turn on screen.
          this.broadcastPatch();
          for (const c of this.clients) this.sendSeatView(c);
          break;
      }
    }
  }

  /** Send to each client whose member passes `allowed`: per client, never broadcast. */
  private sendTo(allowed: (v: Viewer) => boolean, type: string, payload: unknown) {
    for (const c of this.clients) {
      const m = this.roster.get(c.sessionId);
      if (m && allowed(m)) c.send(type, payload);
    }
  }

  private resolveIfReady() {
    if (!this.closing && this.ctrl.readyToResolve(this.roster.humanSeats())) this.commit(this.ctrl.resolveEntry('submitted', Date.now(), this.roster.humanSeats()));
  }

  private armTimer() {
    this.timer?.clear();
    this.timer = undefined;
    const { deadline, paused } = this.ctrl.clock;
    if (this.ctrl.phase !== 'orders' || paused || deadline <= 0) return;
    const turn = this.ctrl.world.turn;
    this.timer = this.clock.setTimeout(() => {
      const c = this.ctrl.clock;
      if (this.ctrl.phase === 'orders' && this.ctrl.world.turn === turn && !c.paused && c.deadline === deadline) this.commit(this.ctrl.resolveEntry('timer', Date.now(), this.roster.humanSeats()));
    }, Math.max(0, deadline - Date.now()));
  }

  private sync() {
    project(this.state, this.ctrl, this.roster);
    const meta = listing(this.ctrl, this.roster);
    if (JSON.stringify(meta) === JSON.stringify(this.metadata)) return;
    this.setMetadata(meta).catch((e) => console.error('room listing update failed', e));
  }

  private you(sessionId: string) {
    return this.roster.you(sessionId, this.facilitatorKey ?? undefined, this.ctrl.config.botDoctrine);
  }

  /** Everything a client that joins, claims a seat or reconnects is owed, filtered for it. */
  private introduce(client: Client) {
    const m = this.roster.get(client.sessionId);
    if (!m) return;
    client.send(SMSG.you, this.you(client.sessionId));
    this.eventsSent.delete(client.sessionId);
    this.sendSeatView(client);
    const draft = m.seat ? this.ctrl.draftFor(m.seat) : undefined;
    if (draft) client.send(SMSG.draft, draft);
    client.send(SMSG.chatHistory, { messages: this.ctrl.chatFor(m) });
    client.send(SMSG.proposals, { proposals: this.ctrl.proposalsFor(m) });
    client.send(SMSG.notices, { notices: this.ctrl.noticesFor(m) });
  }

  private sendSeatView(client: Client) {
    const m = this.roster.get(client.sessionId);
    if (m?.role !== 'player' || !m.seat) return;
    const world = this.ctrl.world;
    const view: SeatView = { ...seatView(world, m.seat), lastOrdersByBot: this.ctrl.botsByTurn[world.turn - 1]?.includes(m.seat) ?? false };
    client.send(SMSG.seatView, seatViewMessage(view, this.eventsSent.get(client.sessionId) ?? 0));
    this.eventsSent.set(client.sessionId, view.events.length);
  }

  private clientsOf(sessionId: string): Client[] {
    return this.clients.filter((c) => c.sessionId === sessionId);
  }

  private readonly refuse = (client: Client, error: RoomError) => client.send(SMSG.error, error);
}
