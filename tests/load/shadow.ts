import {
  assignDoctrines,
  botOrders,
  builtinScenario,
  createWorld,
  playQuarter,
  validateOrders,
  type BySeat,
  type Doctrine,
  type Order,
  type SeatId,
  type WorldState,
} from '../../shared/index.js';

/**
 * A client-side copy of a match in which every seat is played with the shared bots' orders. The model is
 * deterministic, so with the match's seed and every seat's accepted orders this copy stays identical to
 * the server's world, and each seat's bot orders are exactly what the server would accept. (Load clients
 * only see their seat view, which is not enough to run `botOrders`.)
 */
export class ShadowMatch {
  world: WorldState;
  readonly doctrines: BySeat<Doctrine>;

  /**
   * `record: false` keeps no history or event log (the world itself is the same, so are the bot orders): for the
   * load generator, which holds hundreds of these and never reads their record.
   */
  constructor(
    scenarioId: string,
    seed: string,
    turns?: number,
    private readonly opts: { record?: boolean } = {},
  ) {
    const scenario = builtinScenario(scenarioId);
    if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
    this.world = createWorld({ ...scenario, turns: turns ?? scenario.turns }, seed);
    this.doctrines = assignDoctrines(seed);
  }

  get seats(): readonly SeatId[] {
    return this.world.seatsInPlay;
  }

  get turn(): number {
    return this.world.turn;
  }

  get finished(): boolean {
    return this.world.outcome !== null && this.world.outcome !== undefined;
  }

  /** This seat's bot orders for the current quarter, as the server's validation would accept them. */
  orders(seat: SeatId): Order[] {
    return validateOrders(this.world, seat, botOrders(this.world, seat, this.doctrines[seat])).accepted;
  }

  /** Resolve the quarter as the server does, with these orders for the seats that submitted. */
  resolve(given: Partial<BySeat<Order[]>>): void {
    this.world = playQuarter(this.world, given, this.doctrines, this.opts).state;
  }
}
