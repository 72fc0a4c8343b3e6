import { describe, expect, it } from 'vitest';
import { DraftOrdersSchema, MSG, actionsFor, type Order } from '../../shared/index.js';
import { shareableDraft } from '../../client/src/ui/game/orders-check.js';
import { ordersRefusal } from '../../client/src/ui/game/orders-refusal.js';

/** The US's first `n` actions at intensity 1. */
function usOrders(n: number): Order[] {
  return actionsFor('US').slice(0, n).map((a) => ({ action: a.id, intensity: 1 }));
}

describe('the orders form shares only a draft it finds valid', () => {
  it('shares a valid form as it is, and one the server would take', () => {
    const orders = usOrders(3);
    expect(shareableDraft('US', 100, orders)).toEqual(orders);
    expect(DraftOrdersSchema.safeParse({ turn: 0, orders }).success).toBe(true);
  });

  it('does not share more than eight orders (the server refuses such a draft as malformed)', () => {
    const nine = usOrders(9);
    expect(DraftOrdersSchema.safeParse({ turn: 0, orders: nine }).success).toBe(false);
    expect(shareableDraft('US', 100, nine)).toBeNull();
  });

  it('does not share a form over budget', () => {
    expect(shareableDraft('US', 1, usOrders(3))).toBeNull();
  });
});

describe('the server refusal shown beside Submit', () => {
  const ctx = { builtAt: 1000, draftAcceptedAt: 0, handedToBot: false };
  const draftRefused = { code: 'bad-request', message: 'Malformed draft: orders: Too big', ref: MSG.draft, at: 2000 };

  it('shows a refused draft until the server takes a later one', () => {
    expect(ordersRefusal(draftRefused, ctx)).toBe('The server refused: Malformed draft: orders: Too big');
    expect(ordersRefusal(draftRefused, { ...ctx, draftAcceptedAt: 1500 })).not.toBeNull();
    expect(ordersRefusal(draftRefused, { ...ctx, draftAcceptedAt: 2500 })).toBeNull();
  });

  it('keeps a refused submission, and drops refusals about other things or older forms', () => {
    expect(ordersRefusal({ code: 'invalid-orders', message: 'Orders refused', ref: MSG.submit, at: 2000 }, { ...ctx, draftAcceptedAt: 2500 })).not.toBeNull();
    expect(ordersRefusal({ code: 'bad-request', message: 'Malformed chat', ref: MSG.chat, at: 2000 }, ctx)).toBeNull();
    expect(ordersRefusal({ ...draftRefused, at: 500 }, ctx)).toBeNull();
    expect(ordersRefusal({ code: 'handed-to-bot', message: 'Bot has it', ref: MSG.draft, at: 2000 }, ctx)).toBeNull();
  });
});
