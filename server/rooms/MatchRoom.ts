import { matchMaker, Room, type Client, type RoomException } from '@colyseus/core';
import { ClaimSeatSchema, MSG, SMSG, StartSchema, SubmitOrdersSchema, seatView, type RoomListing, type SeatId } from '../../shared/index.js';
import { describeIssues, roomError, type RoomError } from '../errors.js';
import { MatchController } from '../match-controller.js';
import { guarded } from '../message-guard.js';
import { matchConfig, parseCreate, parseJoin, type RoomSettings } from '../options.js';
import { listing, project } from '../projection.js';
import { RateLimiter } from '../rate-limit.js';
import { uniqueCode } from '../room-code.js';
import { Roster } from '../roster.js';
import { MatchState } from '../schema.js';

/** Colyseus glue: validates who may do what, then hands the work to the controller and projects the result. */
export class MatchRoom extends Room<MatchState, RoomListing> {
  override maxClients = 64;
  private ctrl!: MatchController;
  private settings!: RoomSettings;
  private readonly roster = new Roster();
  private readonly limiter = new RateLimiter();
  private deadline = 0;
  private timer: ReturnType<Room['clock']['setTimeout']> | undefined;
  private awaitingCreator = true;

  override async onCreate(options: unknown) {
    const req = parseCreate(options);
    this.settings = req.settings;
    const code = await uniqueCode(async (c) => matchMaker.getLocalRoomById(c) !== undefined || (await matchMaker.query({ roomId: c })).length > 0);
    this.roomId = code;
    this.ctrl = new MatchController(matchConfig(req, code), req.scenario);
    this.state = new MatchState();
    if (req.create.isPrivate) await this.setPrivate(true);
    const on = (type: string, fn: (c: Client, m: unknown) => void) => guarded(this.limiter, this.refuse, type, fn);
    this.onMessage(MSG.start, on(MSG.start, (c, m) => this.start(c, m)));
    this.onMessage(MSG.claim, on(MSG.claim, (c, m) => this.claim(c, m)));
    this.onMessage(MSG.submit, on(MSG.submit, (c, m) => this.submit(c, m)));
    this.onMessage('*', (client, type, m) =>
      on(String(type), (c) => this.refuse(c, roomError('unknown-message', `Unknown message type "${String(type)}".`, String(type))))(client, m),
    );
    this.sync();
  }

  override onJoin(client: Client, options: unknown) {
    const join = parseJoin(options, this.awaitingCreator);
    this.awaitingCreator = false;
    if (join.role === 'spectator' && join.seat) throw new Error('A spectator cannot take a seat.');
    const refusal = join.seat ? this.roster.refuseSeat(join.seat, this.ctrl.inPlay(join.seat)) : null;
    if (refusal) throw new Error(refusal.message);
    this.roster.add(client.sessionId, join.name, join.role);
    if (join.seat) this.roster.take(client.sessionId, join.seat);
    this.sync();
    this.introduce(client);
  }

  override async onLeave(client: Client, consented: boolean) {
    const member = this.roster.get(client.sessionId);
    if (!member) return;
    if (member.seat && !consented && this.ctrl.phase !== 'finished') {
      member.connected = false;
      this.sync();
      try {
        const back = await this.allowReconnection(client, this.settings.reconnectSeconds);
        member.connected = true;
        this.sync();
        this.introduce(back);
        return;
      } catch {
        // They did not come back in time: the seat is freed and its bot plays it.
      }
    }
    const host = this.roster.hostId;
    this.roster.remove(client.sessionId);
    this.limiter.forget(client.sessionId);
    this.sync();
    if (this.roster.hostId && this.roster.hostId !== host) this.clientsOf(this.roster.hostId).forEach((c) => this.introduce(c));
    this.resolveIfReady();
  }

  /** Timer callbacks and onLeave must never take the process down; onCreate/onJoin throw on purpose to refuse. */
  override onUncaughtException(error: RoomException<this>, method: string) {
    if (method !== 'onCreate' && method !== 'onJoin') console.error(`room ${this.roomId}: ${method} failed`, error.cause ?? error);
  }

  private start(client: Client, msg: unknown) {
    if (!StartSchema.safeParse(msg ?? {}).success) return this.refuse(client, roomError('bad-request', 'start takes no payload.', MSG.start));
    if (this.roster.hostId !== client.sessionId) return this.refuse(client, roomError('not-host', 'Only the host can start the match.', MSG.start));
    if (this.roster.humanSeats().length === 0) return this.refuse(client, roomError('no-players', 'At least one seat must be held by a player.', MSG.start));
    const err = this.ctrl.start();
    if (err) return this.refuse(client, err);
    this.armTimer();
    this.sync();
  }

  private claim(client: Client, msg: unknown) {
    const r = ClaimSeatSchema.safeParse(msg);
    if (!r.success) return this.refuse(client, roomError('bad-request', `Malformed claim: ${describeIssues(r.error.issues)}`, MSG.claim));
    const member = this.roster.get(client.sessionId);
    if (!member) return;
    if (member.seat) return this.refuse(client, roomError('already-seated', `You already hold ${member.seat}.`, MSG.claim));
    if (this.ctrl.phase === 'finished') return this.refuse(client, roomError('wrong-phase', 'The match is over.', MSG.claim));
    const refusal = this.roster.refuseSeat(r.data.seat, this.ctrl.inPlay(r.data.seat));
    if (refusal) return this.refuse(client, { ...refusal, ref: MSG.claim });
    this.roster.take(client.sessionId, r.data.seat);
    this.sync();
    this.introduce(client);
  }

  private submit(client: Client, msg: unknown) {
    const r = SubmitOrdersSchema.safeParse(msg);
    if (!r.success) return this.refuse(client, roomError('bad-request', `Malformed orders: ${describeIssues(r.error.issues)}`, MSG.submit));
    const member = this.roster.get(client.sessionId);
    if (!member || member.role === 'spectator') return this.refuse(client, roomError('spectator', 'Spectators cannot submit orders.', MSG.submit));
    if (!member.seat) return this.refuse(client, roomError('not-seated', 'Claim a seat before submitting orders.', MSG.submit));
    if (r.data.seat !== undefined && r.data.seat !== member.seat) {
      return this.refuse(client, roomError('forged-seat', `You hold ${member.seat}; you cannot submit for ${r.data.seat}.`, MSG.submit));
    }
    const res = this.ctrl.submit(member.seat, r.data.turn, r.data.orders);
    if (!res.ok) return this.refuse(client, res.error);
    client.send(SMSG.ack, res.ack);
    this.sync();
    this.resolveIfReady();
  }

  private resolveIfReady() {
    if (this.ctrl.readyToResolve(this.roster.humanSeats())) this.resolveNow();
  }

  private resolveNow() {
    this.timer?.clear();
    this.timer = undefined;
    this.ctrl.resolve();
    this.armTimer();
    this.sync();
    // Public state first, so a client never sees a seat view newer than the turn on screen.
    this.broadcastPatch();
    for (const client of this.clients) this.sendSeatView(client);
  }

  private armTimer() {
    const seconds = this.ctrl.config.orderSeconds;
    if (this.ctrl.phase !== 'orders' || seconds <= 0) return;
    this.deadline = Date.now() + seconds * 1000;
    this.timer = this.clock.setTimeout(() => this.ctrl.phase === 'orders' && this.resolveNow(), seconds * 1000);
  }

  private sync() {
    project(this.state, this.ctrl, this.roster, this.deadline);
    const meta = listing(this.ctrl, this.roster);
    if (JSON.stringify(meta) === JSON.stringify(this.metadata)) return;
    this.setMetadata(meta).catch((e) => console.error('room listing update failed', e));
  }

  private introduce(client: Client) {
    client.send(SMSG.you, this.roster.you(client.sessionId));
    this.sendSeatView(client);
  }

  private sendSeatView(client: Client) {
    const seat: SeatId | null | undefined = this.roster.get(client.sessionId)?.seat;
    if (seat) client.send(SMSG.seatView, seatView(this.ctrl.world, seat));
  }

  private clientsOf(sessionId: string): Client[] {
    return this.clients.filter((c) => c.sessionId === sessionId);
  }

  private readonly refuse = (client: Client, error: RoomError) => client.send(SMSG.error, error);
}
