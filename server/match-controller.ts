import {
  assignDoctrines,
  completeOrders,
  createWorld,
  ordersCost,
  resolveQuarter,
  validateOrders,
  type BySeat,
  type Doctrine,
  type Order,
  type OrdersAck,
  type Phase,
  type Scenario,
  type SeatId,
  type SeatOrders,
  type WorldState,
} from '../shared/index.js';
import { roomError, type RoomError } from './errors.js';

export type MatchConfig = {
  code: string;
  scenarioId: string;
  seed: string;
  turns: number;
  /** 0: the quarter resolves only when every human seat has submitted. */
  orderSeconds: number;
  botDoctrine?: Doctrine;
  isPrivate: boolean;
};

/** What was played in one resolved quarter: the human submissions and the bot-completed orders. */
export type QuarterLog = { turn: number; human: Partial<BySeat<SeatOrders>>; played: BySeat<SeatOrders> };

export type SubmitResult = { ok: true; ack: OrdersAck } | { ok: false; error: RoomError };

/**
 * The match's authority over the pure model: phase, the world, this quarter's orders and the log.
 * No networking here. Everything a store needs to resume a match is `config`, `phase`, `world`,
 * `pending` and `log`.
 */
export class MatchController {
  phase: Phase = 'lobby';
  world: WorldState;
  readonly doctrines: BySeat<Doctrine>;
  /** Orders accepted for the quarter being played. Private: never projected into the public state. */
  pending: Partial<BySeat<SeatOrders>> = {};
  readonly log: QuarterLog[] = [];

  constructor(
    readonly config: MatchConfig,
    scenario: Scenario,
  ) {
    this.world = createWorld({ ...scenario, turns: config.turns }, config.seed);
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

  start(): RoomError | null {
    if (this.phase !== 'lobby') return roomError('wrong-phase', 'The match has already started.', 'start');
    this.phase = 'orders';
    return null;
  }

  /** Accept a seat's orders for the current quarter, or refuse them all and change nothing. */
  submit(seat: SeatId, turn: number, orders: readonly Order[]): SubmitResult {
    const ref = 'submit';
    if (this.phase !== 'orders') {
      return { ok: false, error: roomError('wrong-phase', this.phase === 'lobby' ? 'The match has not started yet.' : 'The match is over.', ref) };
    }
    if (turn !== this.world.turn) {
      return { ok: false, error: roomError('wrong-turn', `These orders are for turn ${turn}, but turn ${this.world.turn} is being played.`, ref) };
    }
    if (this.hasSubmitted(seat)) {
      return { ok: false, error: roomError('already-submitted', `${seat} has already submitted orders this quarter.`, ref) };
    }
    const check = validateOrders(this.world, seat, orders);
    if (check.errors.length > 0) {
      return { ok: false, error: roomError('invalid-orders', `Orders refused: ${check.errors.join(' ')}`, ref) };
    }
    this.pending[seat] = check.accepted;
    return { ok: true, ack: { turn, accepted: check.accepted.length, costs: ordersCost(check.accepted) } };
  }

  /** True when every seat a human holds has orders in (and at least one human holds a seat). */
  readyToResolve(humanSeats: readonly SeatId[]): boolean {
    return this.phase === 'orders' && humanSeats.length > 0 && humanSeats.every((s) => this.hasSubmitted(s));
  }

  /** Resolve the quarter: bots play every seat without orders. */
  resolve(): void {
    if (this.phase !== 'orders') throw new Error(`cannot resolve in phase ${this.phase}`);
    const played = completeOrders(this.world, this.pending, this.doctrines);
    const next = resolveQuarter(this.world, played).state;
    this.log.push({ turn: next.turn, human: this.pending, played });
    this.world = next;
    this.pending = {};
    if (next.outcome) this.phase = 'finished';
  }
}
