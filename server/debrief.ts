import { quarterLabel, SEATS, type SeatId } from '../shared/index.js';
import type { ReportChatLine, ReportPeople, ReportProposal } from '../shared/analysis/index.js';
import type { ProposalView } from '../shared/diplomacy.js';
import { CONTROL_KINDS, type Entry } from './match-log.js';
import type { Effect } from './match-controller.js';

/** What the controller knew just before it applied an entry. */
export type DebriefMoment = { lobby: boolean; turn: number; startQuarter: number; facilitated: boolean };

/**
 * Who played each seat and the public negotiation, for the after-action report, gathered as the match's
 * log is applied: live, or replayed from the store, so a summary rebuilt from the log says what the one
 * kept at the end said. The controller feeds it only entries applied before the match finished (the
 * summary is kept as it ends; public chat after that is not in it). Private and team channels are never kept.
 */
export class Debrief {
  private readonly players = new Map<SeatId, string[]>();
  /** Per seat, per quarter played (turn from 1), the people who acted for it then. */
  private readonly byTurn = new Map<SeatId, Map<number, string[]>>();
  /** Names seen acting as Control: their answers for a seat do not make them its players (older logs carry no mark). */
  private readonly control = new Set<string>();
  private readonly drafted = new Map<SeatId, number[]>();
  private readonly chat: ReportChatLine[] = [];
  private readonly proposals = new Map<string, ReportProposal>();

  note(entry: Entry, at: number, fx: readonly Effect[], m: DebriefMoment): void {
    switch (entry.kind) {
      case 'submit':
      case 'draft':
      case 'propose':
        this.played(entry.seat, entry.by, m);
        break;
      case 'respond':
        if (!entry.control && !this.control.has(entry.by)) this.played(entry.seat, entry.by, m);
        break;
      case 'chat':
        if (entry.from.role === 'player' && entry.from.seat) this.played(entry.from.seat, entry.from.name, m);
        else if (entry.from.role === 'facilitator') this.control.add(entry.from.name);
        break;
      case 'start':
        // In a facilitated match only Control starts it.
        if (m.facilitated) this.control.add(entry.by);
        break;
      case 'resolve':
        if (entry.reason === 'control' && entry.by) this.control.add(entry.by);
        if (fx.some((e) => e.kind === 'resolved')) for (const seat of entry.drafted ?? []) this.drafted.set(seat, [...(this.drafted.get(seat) ?? []), entry.turn + 1]);
        break;
      default:
        if (CONTROL_KINDS.includes(entry.kind) && 'by' in entry) this.control.add(entry.by);
    }
    for (const e of fx) {
      if (e.kind === 'chat' && e.message.channel === 'public') {
        const { message: c } = e;
        this.chat.push({ at: c.at, turn: c.turn + 1, quarter: quarterLabel(m.startQuarter + c.turn), ...(m.lobby ? { lobby: true } : {}), name: c.from.name, role: c.from.role, seat: c.from.seat, text: c.text });
      } else if (e.kind === 'proposal') {
        this.proposal(e.view, at, m.turn);
      }
    }
  }

  private played(seat: SeatId, name: string, m: DebriefMoment): void {
    const names = this.players.get(seat) ?? [];
    if (!names.includes(name)) this.players.set(seat, [...names, name]);
    // Talk in the lobby is before any quarter.
    if (m.lobby) return;
    const turns = this.byTurn.get(seat) ?? new Map<number, string[]>();
    this.byTurn.set(seat, turns);
    const inTurn = turns.get(m.turn + 1) ?? [];
    if (!inTurn.includes(name)) turns.set(m.turn + 1, [...inTurn, name]);
  }

  /** Keep a proposal's latest state; when and in which quarter it was proposed stay as first seen. */
  private proposal(v: ProposalView, at: number, turn: number): void {
    const first = this.proposals.get(v.id);
    this.proposals.set(v.id, {
      id: v.id,
      at: first?.at ?? at,
      turn: first?.turn ?? turn + 1,
      quarter: first?.quarter ?? v.quarter,
      kind: v.kind,
      title: v.title,
      proposer: v.proposer,
      parties: [...v.parties],
      // Signed means every party accepted, some of them (bots) only as the quarter resolved.
      acceptedBy: v.status === 'signed' ? [...v.parties] : [...v.acceptedBy],
      ...(v.declinedBy ? { declinedBy: v.declinedBy } : {}),
      status: v.status,
      ...(v.note ? { note: v.note } : {}),
    });
  }

  /** The report's `seats` and `negotiation`; `botsByTurn`: the seats bots played in each resolved quarter. */
  forReport(botsByTurn: readonly (readonly SeatId[])[]): Required<ReportPeople> {
    const seats = Object.fromEntries(
      SEATS.map((seat) => [
        seat,
        {
          players: [...(this.players.get(seat) ?? [])],
          botTurns: botsByTurn.flatMap((bots, i) => (bots.includes(seat) ? [i + 1] : [])),
          draftedTurns: [...(this.drafted.get(seat) ?? [])],
          byTurn: [...(this.byTurn.get(seat) ?? new Map<number, string[]>())].sort((a, b) => a[0] - b[0]).map(([turn, players]) => ({ turn, players: [...players] })),
        },
      ]),
    ) as Required<ReportPeople>['seats'];
    return { seats, negotiation: { publicChat: this.chat.map((c) => ({ ...c })), proposals: [...this.proposals.values()].map((p) => ({ ...p })) } };
  }
}
