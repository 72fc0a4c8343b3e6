import { describe, expect, it } from 'vitest';
import { builtinScenario, type Scenario, type SeatId } from '../../shared/index.js';
import { reportCsv, reportHtml, ReportSchema } from '../../shared/analysis/index.js';
import { MatchController, type Actor } from '../../server/match-controller.js';
import { finishedSummary, readSummary } from '../../server/finished-summary.js';
import type { Entry } from '../../server/match-log.js';

const scenario = builtinScenario('baseline') as Scenario;
const config = { code: 'ACDEFG', scenarioId: 'baseline', seed: 'debrief', turns: 6, orderSeconds: 0, isPrivate: false, facilitated: true };
const control: Actor = { name: 'White cell', role: 'facilitator', seat: null, host: true };
const person = (name: string, seat: SeatId): Actor => ({ name, role: 'player', seat, host: false });
const ada = person('Ada', 'US');
const ben = person('Ben', 'US');
const chen = person('Chen', 'CN');
const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/**
 * A facilitated match with Ada and Ben on the US and Chen on China, bots elsewhere: public talk, private
 * talk, two proposals (one declined, one Control answers for China), a drafted quarter and one handed to
 * the US bot; Control ends it after two quarters, and Ada posts in public after the end.
 */
function played() {
  const live = new MatchController(config, scenario);
  const log: { entry: Entry; seq: number; at: number }[] = [];
  let now = Date.UTC(2026, 2, 14, 9, 0);
  const act = (actor: Actor, type: string, msg: unknown) => {
    const d = live.decide(type, actor, msg, { now, humanSeats: ['US', 'CN'] });
    if (!d.ok) throw new Error(`${type}: ${d.error.message}`);
    log.push({ entry: d.entry, seq: log.length + 1, at: now });
    live.apply(d.entry, log.length, now);
    now += 60_000;
    return d.entry;
  };
  act(ada, 'chat', { channel: 'public', text: 'Morning, all.' });
  act(control, 'start', {});
  act(chen, 'chat', { channel: 'public', text: XSS });
  act(ada, 'chat', { channel: 'dm:US:CN', text: 'DM-SECRET shall we?' });
  act(ben, 'chat', { channel: 'team:US', text: 'TEAM-SECRET hold firm' });
  act(control, 'chat', { channel: 'team:CN', text: 'CONTROL-TEAM-SECRET a nudge' });
  act(ada, 'propose', { kind: 'incident-hotline', parties: ['CN'] });
  act(chen, 'respond', { id: live.world.proposals[0].id, accept: false });
  act(ben, 'draft', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] });
  act(ada, 'submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] });
  act(chen, 'draft', { turn: 0, orders: [{ action: 'cn-smuggling', intensity: 1 }] });
  act(control, 'control:advance', {});
  act(control, 'chat', { channel: 'public', text: 'Second quarter: talk in the open.' });
  act(ada, 'propose', { kind: 'incident-hotline', parties: ['CN'] });
  const answered = act(control, 'respond', { id: live.world.proposals[0].id, accept: true, seat: 'CN' });
  act(control, 'control:seat', { seat: 'US', to: 'bot' });
  act(chen, 'submit', { turn: 1, orders: [] });
  act(control, 'control:advance', {});
  act(control, 'control:end', { reason: 'Debrief' });
  const atEnd = finishedSummary(live, config.code);
  act(ada, 'chat', { channel: 'public', text: 'AFTER-END thanks all' });
  return { live, log, atEnd, answered };
}

const rebuild = (log: { entry: Entry; seq: number; at: number }[]) => {
  const c = new MatchController(config, scenario);
  for (const { entry, seq, at } of log) c.apply(JSON.parse(JSON.stringify(entry)) as Entry, seq, at);
  return c;
};

describe('who played each seat, and the public negotiation, in the kept summary', () => {
  const { live, log, atEnd, answered } = played();
  const report = ReportSchema.parse(JSON.parse(JSON.stringify(atEnd.report)));

  it('names the people of each seat in the order they first acted, never Control, with the quarters bots and drafts gave the orders', () => {
    expect(live.phase).toBe('finished');
    expect(report.quarters.map((q) => q.turn)).toEqual([1, 2]);
    // Ada's public greeting in the lobby names her, but is in no quarter; in the second she only proposed (the bot gave the US orders).
    expect(report.seats?.US).toEqual({ players: ['Ada', 'Ben'], botTurns: [2], draftedTurns: [], byTurn: [{ turn: 1, players: ['Ada', 'Ben'] }, { turn: 2, players: ['Ada'] }] });
    expect(report.seats?.CN).toEqual({ players: ['Chen'], botTurns: [], draftedTurns: [1], byTurn: [{ turn: 1, players: ['Chen'] }, { turn: 2, players: ['Chen'] }] });
    expect(report.seats?.EU).toEqual({ players: [], botTurns: [1, 2], draftedTurns: [], byTurn: [] });
    // Control's answer for China is marked in the log, and does not make Control a Chinese player.
    expect(answered).toMatchObject({ kind: 'respond', seat: 'CN', by: 'White cell', control: true });
    expect(JSON.stringify(report.seats)).not.toContain('White cell');
  });

  it('holds the public channel with time, quarter, sender and seat, and every proposal with its parties and fate', () => {
    const q = report.quarters.map((x) => x.quarter);
    expect(report.negotiation?.publicChat).toEqual([
      { at: log[0].at, turn: 1, quarter: q[0], lobby: true, name: 'Ada', role: 'player', seat: 'US', text: 'Morning, all.' },
      { at: log[2].at, turn: 1, quarter: q[0], name: 'Chen', role: 'player', seat: 'CN', text: XSS },
      { at: log[12].at, turn: 2, quarter: q[1], name: 'White cell', role: 'facilitator', seat: null, text: 'Second quarter: talk in the open.' },
    ]);
    const [first, second] = report.negotiation!.proposals;
    expect(report.negotiation!.proposals).toHaveLength(2);
    expect(first).toMatchObject({ at: log[6].at, turn: 1, quarter: q[0], kind: 'incident-hotline', proposer: 'US', parties: ['US', 'CN'], acceptedBy: ['US'], declinedBy: 'CN', status: 'declined' });
    expect(second).toMatchObject({ at: log[13].at, turn: 2, quarter: q[1], kind: 'incident-hotline', proposer: 'US', parties: ['US', 'CN'], acceptedBy: ['US', 'CN'] });
    expect(['signed', 'refused']).toContain(second.status);
  });

  it('keeps private and team channels, and anything after the end, out of every file', () => {
    const files = [JSON.stringify(atEnd), JSON.stringify(report), reportHtml(report), reportCsv(report)];
    for (const f of files) expect(f).not.toMatch(/DM-SECRET|TEAM-SECRET|CONTROL-TEAM-SECRET|AFTER-END/);
    // Live, the controller still has them all (for the people allowed to read them).
    expect(live.chat.map((m) => m.text.split(' ')[0])).toEqual(expect.arrayContaining(['DM-SECRET', 'TEAM-SECRET', 'CONTROL-TEAM-SECRET', 'AFTER-END']));
    const html = reportHtml(report);
    expect(html).toContain('Private and team channels are not included.');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('<td>Ada, Ben</td>');
  });

  it('is the same when rebuilt from the stored log, after-end chat and all', () => {
    const rebuilt = finishedSummary(rebuild(log), config.code);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(atEnd));
  });

  it('still reads a summary stored before players and the negotiation were kept', () => {
    const { seats: _s, negotiation: _n, ...oldReport } = JSON.parse(JSON.stringify(atEnd.report)) as Record<string, unknown>;
    const kept = readSummary({ ...JSON.parse(JSON.stringify(atEnd)), report: oldReport });
    expect(kept.ok).toBe(true);
    if (kept.ok) {
      expect(kept.summary.report.seats).toBeUndefined();
      expect(reportHtml(kept.summary.report)).not.toContain('Who played each seat');
    }
  });
});
