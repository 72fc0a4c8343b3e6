import { MSG } from '../../../../shared/index.js';
import type { AppState } from '../../store.js';

export type RefusalContext = {
  /** When the form was built for this seat and quarter: refusals from before concern an older form. */
  builtAt: number;
  /** When this tab last heard the server relay a draft for the seat (it took one after the refusal). */
  draftAcceptedAt: number;
  handedToBot: boolean;
};

/**
 * The server's refusal the orders form shows beside Submit, or null. Only what concerns the orders:
 * chat, proposals and the rest show their own refusals where they were made.
 */
export function ordersRefusal(error: AppState['error'], ctx: RefusalContext): string | null {
  if (!error || error.at < ctx.builtAt) return null;
  const aboutOrders = error.ref === undefined || error.ref === MSG.submit || error.ref === MSG.draft || error.code === 'offline';
  if (!aboutOrders) return null;
  // A refusal because the bot had the seat is over once Control hands it back.
  if (error.code === 'handed-to-bot' && !ctx.handedToBot) return null;
  // A refused draft is over once the server has taken a later one.
  if (error.ref === MSG.draft && ctx.draftAcceptedAt > error.at) return null;
  return `The server refused: ${error.message}`;
}
