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
  })
  .strict();
export type CreateMatch = z.infer<typeof CreateMatchSchema>;

/** Options a client sends to join a match. */
export const JoinSchema = z
  .object({
    role: z.enum(['player', 'spectator']).default('player'),
    seat: z.enum(SEATS).optional(),
    name: z.string().trim().min(1).max(40).default('Player'),
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

export const CLIENT_MESSAGES = ['submit', 'claim'] as const;

export const ClaimSeatSchema = z.object({ seat: z.enum(SEATS) }).strict();

/** Server → client messages. */
export type ServerError = { code: string; message: string; ref?: string };
export type OrdersAck = { turn: number; accepted: number; costs: number };
