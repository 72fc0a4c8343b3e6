import { z } from 'zod';
import { SEATS } from './seats.js';
import { OrdersSchema } from './orders.js';
import { DOCTRINES } from './bots.js';

/** Options a client sends to create a match. */
export const CreateMatchSchema = z
  .object({
    scenario: z.string().regex(/^[a-z0-9-]+$/).max(64).default('baseline'),
    seed: z.string().min(1).max(64).optional(),
    turns: z.number().int().min(1).max(20).optional(),
    /** Seconds for the orders phase; 0 waits for every human seat. */
    orderSeconds: z.number().int().min(0).max(3600).default(0),
    botDoctrine: z.enum(DOCTRINES).optional(),
    isPrivate: z.boolean().default(false),
    /**
     * A facilitated exercise: the creator becomes the facilitator ("Control", no seat), receives the
     * facilitator key in its `you` message, and alone starts the match and uses the `control:*` powers.
     */
    facilitated: z.boolean().default(false),
    /** Each seat draws a secret agenda from the seed: objectives of its own, revealed only at the end. */
    secretAgendas: z.boolean().default(false),
  })
  .strict();
export type CreateMatch = z.infer<typeof CreateMatchSchema>;

/** The roles a client joins as (see shared/protocol.ts). */
export const ROLES = ['player', 'spectator', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Options a client sends to join a match. A player may name a seat, free or already held (several
 * people on one seat make a team). `role: 'facilitator'` needs the match's facilitator `key`.
 */
export const JoinSchema = z
  .object({
    role: z.enum(ROLES).default('player'),
    seat: z.enum(SEATS).optional(),
    name: z.string().trim().min(1).max(40).default('Player'),
    key: z.string().min(1).max(128).optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof JoinSchema>;

/** Client → server messages. */
export const SubmitOrdersSchema = z
  .object({
    turn: z.number().int().min(0),
    orders: OrdersSchema,
    /** A seat a client claims to act for; must match its own seat. */
    seat: z.enum(SEATS).optional(),
  })
  .strict();
export type SubmitOrders = z.infer<typeof SubmitOrdersSchema>;

/** Client → server `draft`: the seat's work-in-progress orders, shared with teammates (not submitted). */
export const DraftOrdersSchema = z
  .object({
    turn: z.number().int().min(0),
    orders: OrdersSchema,
    seat: z.enum(SEATS).optional(),
  })
  .strict();
export type DraftOrders = z.infer<typeof DraftOrdersSchema>;

export const ClaimSeatSchema = z.object({ seat: z.enum(SEATS) }).strict();

/** Server → client messages. */
export type ServerError = { code: string; message: string; ref?: string };
export type OrdersAck = { turn: number; accepted: number; costs: number };
