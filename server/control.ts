import { EVENT_BY_ID, effectText, ForecastAccessSchema, OUTCOME_INFO, SEATS, SEAT_INFO, fixed, type NoticeKind } from '../shared/index.js';
import {
  AdjustSchema,
  AdvanceSchema,
  adjustWorld,
  applyCustomEvent,
  CustomEventSchema,
  EndSchema,
  endNow,
  injectEvent,
  InjectEventSchema,
  isShareTarget,
  PauseSchema,
  ResumeSchema,
  SeatControlSchema,
  TimerSchema,
  type CustomEffect,
} from '../shared/facilitation.js';
import { CONTROL, EVERYONE, type Audience } from './audience.js';
import { accept, malformed, refuse, type Decision } from './decision.js';
import { seatNotInPlay } from './errors.js';
import type { Actor, DecideCtx, Effect, MatchController } from './match-controller.js';
import type { Entry } from './match-log.js';

/**
 * Control's powers: deciding a `control:*` message into a log entry (only a facilitator may; nothing
 * changes), and applying such an entry to the match (deterministic, for live play and for replay).
 */


export function decideControl(m: MatchController, type: string, actor: Actor, msg: unknown, ctx: DecideCtx): Decision {
  // A match without Control has no one else to close a quarter a seat never submits for (there may be no timer).
  const hostCloses = type === 'control:advance' && !m.config.facilitated && actor.host && actor.role === 'player';
  if (actor.role !== 'facilitator' && !hostCloses) {
    return refuse('not-facilitator', m.config.facilitated || type !== 'control:advance' ? 'Only Control (the facilitator) can do that.' : 'Only the host can close the quarter.');
  }
  const by = actor.name;
  const c = m.clock;
  const needOrders = () => (m.phase === 'orders' ? null : refuse('wrong-phase', m.phase === 'lobby' ? 'The match has not started yet.' : 'The match is over.'));
  switch (type) {
    case 'control:pause': {
      if (!PauseSchema.safeParse(msg ?? {}).success) return refuse('bad-request', 'control:pause takes no payload.');
      const wrong = needOrders();
      if (wrong) return wrong;
      if (c.paused) return refuse('wrong-phase', 'The clock is already paused.');
      return accept({ kind: 'pause', remaining: c.deadline > 0 ? Math.max(0, c.deadline - ctx.now) : 0, by });
    }
    case 'control:resume': {
      if (!ResumeSchema.safeParse(msg ?? {}).success) return refuse('bad-request', 'control:resume takes no payload.');
      const wrong = needOrders();
      if (wrong) return wrong;
      if (!c.paused) return refuse('wrong-phase', 'The clock is not paused.');
      return accept({ kind: 'resume', deadline: c.remaining > 0 ? ctx.now + c.remaining : 0, by });
    }
    case 'control:timer': {
      const r = TimerSchema.safeParse(msg);
      if (!r.success) return malformed('timer change', r.error.issues);
      const wrong = needOrders();
      if (wrong) return wrong;
      const ms = r.data.seconds * 1000;
      if (c.paused) {
        if (c.remaining === 0 && ms < 0) return refuse('refused', 'There is no timer to cut.');
        return accept({ kind: 'timer', seconds: r.data.seconds, deadline: 0, remaining: Math.max(1000, c.remaining + ms), by });
      }
      if (c.deadline === 0 && ms < 0) return refuse('refused', 'There is no timer to cut.');
      const base = c.deadline > 0 ? c.deadline : ctx.now;
      return accept({ kind: 'timer', seconds: r.data.seconds, deadline: Math.max(ctx.now, base + ms), remaining: 0, by });
    }
    case 'control:advance': {
      if (!AdvanceSchema.safeParse(msg ?? {}).success) return refuse('bad-request', 'control:advance takes no payload.');
      const wrong = needOrders();
      if (wrong) return wrong;
      return accept(m.resolveEntry(hostCloses ? 'host' : 'control', ctx.now, ctx.humanSeats, by));
    }
    case 'control:inject': {
      const r = InjectEventSchema.safeParse(msg);
      if (!r.success) return malformed('event injection', r.error.issues);
      if (m.phase === 'finished') return refuse('wrong-phase', 'The match is over.');
      const trial = injectEvent(m.world, r.data.eventId, by);
      if (!trial.ok) return refuse('refused', trial.error);
      return accept({ kind: 'inject', eventId: r.data.eventId, by });
    }
    case 'control:event': {
      const r = CustomEventSchema.safeParse(msg);
      if (!r.success) return malformed('custom event', r.error.issues);
      if (m.phase === 'finished') return refuse('wrong-phase', 'The match is over.');
      const effects = r.data.effects as CustomEffect[];
      const trial = applyCustomEvent(m.world, 'control', effects);
      if (!trial.ok) return refuse('refused', trial.error);
      return accept({ kind: 'custom-event', title: r.data.title, text: r.data.text, effects, by });
    }
    case 'control:adjust': {
      const r = AdjustSchema.safeParse(msg);
      if (!r.success) return malformed('adjustment', r.error.issues);
      if (m.phase === 'finished') return refuse('wrong-phase', 'The match is over.');
      const trial = adjustWorld(m.world, r.data.target, r.data.value);
      if (!trial.ok) return refuse('refused', trial.error);
      return accept({ kind: 'adjust', target: r.data.target, value: r.data.value, reason: r.data.reason, by });
    }
    case 'control:seat': {
      const r = SeatControlSchema.safeParse(msg);
      if (!r.success) return malformed('seat hand-over', r.error.issues);
      if (m.phase === 'finished') return refuse('wrong-phase', 'The match is over.');
      if (!m.inPlay(r.data.seat)) return { ok: false, error: seatNotInPlay(r.data.seat) };
      const handed = m.handedToBot.has(r.data.seat);
      if ((r.data.to === 'bot') === handed) return refuse('refused', `${SEAT_INFO[r.data.seat].short} is already ${handed ? 'with its bot' : 'with its people'}.`);
      return accept({ kind: 'seat-control', seat: r.data.seat, to: r.data.to, by });
    }
    case 'control:end': {
      const r = EndSchema.safeParse(msg ?? {});
      if (!r.success) return malformed('end', r.error.issues);
      if (m.phase === 'finished') return refuse('wrong-phase', 'The match is already over.');
      return accept({ kind: 'end', reason: r.data.reason ?? '', by });
    }
    case 'control:forecast-access': {
      const r = ForecastAccessSchema.safeParse(msg);
      if (!r.success) return malformed('forecast access', r.error.issues);
      if (r.data.players === m.forecastOpen) return refuse('refused', `Live forecasts are already ${m.forecastOpen ? 'open' : 'closed'} to players.`);
      return accept({ kind: 'forecast-access', players: r.data.players, by });
    }
    default:
      return refuse('unknown-message', `Unknown message type "${type}".`);
  }
}

export type ControlEntry = Extract<Entry, { kind: 'pause' | 'resume' | 'timer' | 'inject' | 'custom-event' | 'adjust' | 'seat-control' | 'end' | 'forecast-access' }>;

/** How an applied entry reports back: notices for the table, the record of interventions, effects to deliver. */
export type ApplyOut = {
  seq: number;
  notify: (kind: NoticeKind, text: string, audience?: Audience, reason?: string) => void;
  intervene: (text: string, reason?: string) => void;
  fx: Effect[];
};

export function applyControl(m: MatchController, entry: ControlEntry, out: ApplyOut): void {
  const { seq, notify, intervene, fx } = out;
  switch (entry.kind) {
    case 'pause':
      m.clock = { deadline: 0, paused: true, remaining: entry.remaining };
      notify('paused', 'Control paused the clock.');
      intervene('Paused the clock.');
      break;
    case 'resume':
      m.clock = { deadline: entry.deadline, paused: false, remaining: 0 };
      notify('resumed', 'Control restarted the clock.');
      intervene('Restarted the clock.');
      break;
    case 'timer': {
      m.clock = m.clock.paused ? { deadline: 0, paused: true, remaining: entry.remaining } : { deadline: entry.deadline, paused: false, remaining: 0 };
      const text = `${entry.seconds > 0 ? 'Extended' : 'Cut'} the orders timer by ${Math.abs(entry.seconds)} s.`;
      notify('timer', byControl(text));
      intervene(text);
      break;
    }
    case 'inject': {
      const r = injectEvent(m.world, entry.eventId, 'Control');
      if (!r.ok) break;
      m.world = r.state;
      m.recordAction({ kind: 'inject', eventId: entry.eventId });
      const title = EVENT_BY_ID.get(entry.eventId)?.title ?? entry.eventId;
      const text = `Scheduled “${title}” for the coming resolution.`;
      notify('event-injected', byControl(text), CONTROL);
      intervene(text);
      break;
    }
    case 'custom-event': {
      const r = applyCustomEvent(m.world, `control-${seq}`, entry.effects);
      if (!r.ok) break;
      m.world = r.state;
      m.recordAction({ kind: 'custom-event', id: `control-${seq}`, title: entry.title, effects: entry.effects });
      const effects = entry.effects.map(effectText).join(', ');
      notify('custom-event', `${entry.title}: ${entry.text}${effects ? ` (${effects})` : ''}`);
      intervene(`Announced the custom event “${entry.title}”: ${entry.text}${effects ? ` (${effects})` : ''}`);
      fx.push({ kind: 'views', seats: SEATS });
      break;
    }
    case 'adjust': {
      const r = adjustWorld(m.world, entry.target, entry.value);
      if (!r.ok) break;
      m.world = r.state;
      m.recordAction({ kind: 'adjust', target: entry.target, value: entry.value, reason: entry.reason });
      const share = isShareTarget(entry.target);
      const text = `Set ${r.label} from ${fmt(r.before, share)} to ${fmt(r.after, share)}.`;
      const exact = byControl(text);
      if (r.seat) {
        // A seat's resources and levers are private to it: the others learn only that Control intervened.
        notify('adjusted', exact, { kind: 'seats', seats: [r.seat] }, entry.reason);
        notify('adjusted', `Control adjusted one of ${SEAT_INFO[r.seat].short}’s figures.`, { kind: 'others', seat: r.seat }, entry.reason);
        fx.push({ kind: 'views', seats: [r.seat] });
      } else {
        notify('adjusted', exact, EVERYONE, entry.reason);
        fx.push({ kind: 'views', seats: SEATS });
      }
      intervene(text, entry.reason);
      break;
    }
    case 'seat-control': {
      if (entry.to === 'bot') m.handedToBot.add(entry.seat);
      else m.handedToBot.delete(entry.seat);
      const text = entry.to === 'bot' ? `Handed ${SEAT_INFO[entry.seat].short} to its bot.` : `Handed ${SEAT_INFO[entry.seat].short} back to its players.`;
      notify('seat-control', byControl(text));
      intervene(text);
      break;
    }
    case 'forecast-access': {
      m.forecastOpen = entry.players;
      const text = entry.players ? 'Opened live forecasts to players.' : 'Closed live forecasts to players.';
      notify('forecast-access', byControl(text));
      intervene(text);
      break;
    }
    case 'end': {
      m.world = endNow(m.world, entry.reason);
      m.recordAction({ kind: 'end', reason: entry.reason });
      m.phase = 'finished';
      m.clock = { deadline: 0, paused: false, remaining: 0 };
      const outcome = m.world.outcome;
      const title = outcome ? OUTCOME_INFO[outcome.id].title : '';
      notify('ended', `Outcome: ${title}. ${outcome?.reason ?? 'Control ended the match.'}`, EVERYONE, entry.reason || undefined);
      intervene(`Ended the match after ${m.world.turn} of ${m.world.turns} quarters: ${title}.`, entry.reason || undefined);
      m.closeProposals(fx, 'lapsed');
      fx.push({ kind: 'resolved' });
      break;
    }
  }
}

/** An intervention as the table's notice says it: "Paused the clock." → "Control paused the clock." */
function byControl(text: string): string {
  return `Control ${text[0].toLowerCase()}${text.slice(1)}`;
}

/** A figure as the panels show it: shares as percentages (whole ones without decimals), whole numbers as they are, others to one decimal. */
function fmt(x: number, share: boolean): string {
  if (!share) return Number.isInteger(x) ? fixed(x) : fixed(x, 1);
  const points = Math.round(x * 1000) / 10;
  return `${fixed(points, Number.isInteger(points) ? 0 : 1)}%`;
}
