import { ACTION_BY_ID, SEAT_INFO, orderName, type Order } from '../../../shared/index.js';

/** "Fund export enforcement ×2", "Offer to sign the Chip-tracking pact" — an order in words. */
export function orderText(o: Order): string {
  const a = ACTION_BY_ID.get(o.action);
  const target = o.target ? ` → ${SEAT_INFO[o.target]?.short ?? o.target}` : '';
  return a && a.maxIntensity > 1 ? `${orderName(o)} ×${o.intensity}${target}` : `${orderName(o)}${target}`;
}
