import type { MatchStateShape, OrdersAck, PublicView, SeatId, SeatSlotShape, SeatView, ServerError, YouAre } from '../../shared/index.js';

/** `archived`: a finished match reopened from the server's record after its room closed (nothing to connect to). */
export type ConnStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting' | 'lost' | 'archived';

/** The synchronised match state as plain data (room.state.toJSON()). */
export type MatchSnapshot = Omit<MatchStateShape, 'seats'> & { seats: Partial<Record<SeatId, SeatSlotShape>> };

export type AppState = {
  status: ConnStatus;
  code: string | null;
  match: MatchSnapshot | null;
  pub: PublicView | null;
  you: YouAre | null;
  seatView: SeatView | null;
  ack: OrdersAck | null;
  error: (ServerError & { at: number }) | null;
  /** Set when the server refused a join or the room closed, to show on the lobby. */
  notice: string | null;
};

type Listener = (s: AppState, prev: AppState) => void;

const initial: AppState = { status: 'offline', code: null, match: null, pub: null, you: null, seatView: null, ack: null, error: null, notice: null };

let state: AppState = initial;
const listeners = new Set<Listener>();

export function getState(): AppState {
  return state;
}

export function setState(patch: Partial<AppState>): void {
  const prev = state;
  state = { ...state, ...patch };
  for (const l of listeners) l(state, prev);
}

export function resetState(notice: string | null = null): void {
  setState({ ...initial, notice });
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
