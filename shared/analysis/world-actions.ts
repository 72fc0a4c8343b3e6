import { z } from 'zod';
import { SEATS, type BySeat } from '../seats.js';
import type { WorldState } from '../state.js';
import { acceptAgreement, declineAgreement, proposeAgreement } from '../agreements.js';
import { botNegotiate } from '../negotiation.js';
import { cooperationShortfall } from '../diplomacy.js';
import { AdjustTargetSchema, adjustWorld, applyCustomEvent, CustomEffectSchema, endNow, injectEvent, type CustomEffect } from '../facilitation.js';
import { AGREEMENT_MENU } from '../agreements.js';
import type { Doctrine } from '../bots.js';

const Seat = z.enum(SEATS);

/** A change to the world between two resolutions: negotiation and Control's interventions. */
export const WorldActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('propose'), seat: Seat, agreement: z.string(), parties: z.array(Seat), bots: z.array(Seat) }).strict(),
  z.object({ kind: z.literal('respond'), seat: Seat, proposal: z.string(), accept: z.boolean() }).strict(),
  z.object({ kind: z.literal('inject'), eventId: z.string() }).strict(),
  z.object({ kind: z.literal('custom-event'), id: z.string(), title: z.string(), effects: z.array(CustomEffectSchema) }).strict(),
  z.object({ kind: z.literal('adjust'), target: AdjustTargetSchema, value: z.number(), reason: z.string() }).strict(),
  z.object({ kind: z.literal('end'), reason: z.string() }).strict(),
]);
export type WorldAction = z.infer<typeof WorldActionSchema>;

/**
 * Apply one recorded action exactly as the match room did. An action that would be refused now
 * leaves the world unchanged (as it did live, where it was never recorded).
 */
export function applyWorldAction(world: WorldState, action: WorldAction, doctrines: BySeat<Doctrine>): WorldState {
  switch (action.kind) {
    case 'propose': {
      if (AGREEMENT_MENU[action.agreement] && cooperationShortfall(world, action.agreement)) return world;
      const r = proposeAgreement(world, action.seat, action.agreement, action.parties);
      return r.ok ? botNegotiate(r.state, doctrines, action.bots) : world;
    }
    case 'respond': {
      const r = action.accept ? acceptAgreement(world, action.proposal, action.seat) : declineAgreement(world, action.proposal, action.seat);
      return r.ok ? r.state : world;
    }
    case 'inject': {
      const r = injectEvent(world, action.eventId, 'Control');
      return r.ok ? r.state : world;
    }
    case 'custom-event': {
      const r = applyCustomEvent(world, action.id, action.effects as CustomEffect[]);
      return r.ok ? r.state : world;
    }
    case 'adjust': {
      const r = adjustWorld(world, action.target, action.value);
      return r.ok ? r.state : world;
    }
    case 'end':
      return endNow(world, action.reason);
  }
}
