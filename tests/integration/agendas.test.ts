import { describe, expect, it } from 'vitest';
import { AGENDA_BY_ID, type SeatView } from '../../shared/index.js';
import { MatchRecordSchema, replay } from '../../shared/analysis/index.js';
import { Player, serverForFile, waitFor } from './harness.js';

const server = serverForFile();
const open = server.open;

describe('a match with secret agendas', () => {
  it("gives each seat its own agenda, keeps it off every other client's wire, and replays the scores from the record", async () => {
    const us = await Player.create(server.endpoint, { create: { seed: 'agendas', turns: 2, secretAgendas: true }, join: { seat: 'US', name: 'Ana' } });
    open.push(us);
    const cn = await Player.join(server.endpoint, us.code, { join: { seat: 'CN', name: 'Bo' } });
    open.push(cn);
    await waitFor(() => us.latestSeatView() !== undefined && cn.latestSeatView() !== undefined, 'seat views');
    const usAgenda = (us.latestSeatView() as SeatView).agenda;
    const cnAgenda = (cn.latestSeatView() as SeatView).agenda;
    expect(usAgenda && AGENDA_BY_ID.get(usAgenda.id)?.seat).toBe('US');
    expect(cnAgenda && AGENDA_BY_ID.get(cnAgenda.id)?.seat).toBe('CN');
    // Public objectives say how much each counts.
    const weights = (us.latestSeatView() as SeatView).objectives.map((o) => o.weight);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);

    us.send('start', {});
    await waitFor(() => us.state.phase === 'orders', 'orders');
    for (const turn of [0, 1]) {
      // Until the end neither agenda reaches the other seat, not even on the wire (the end reveals them).
      expect(us.wireText()).toContain(usAgenda!.id);
      expect(cn.wireText()).not.toContain(usAgenda!.id);
      expect(us.wireText()).not.toContain(cnAgenda!.id);
      await us.request('submit', { turn, orders: [] }, ['ack']);
      await cn.request('submit', { turn, orders: [] }, ['ack']);
      await waitFor(() => us.state.turn > turn || us.state.phase === 'finished', `after ${turn}`);
    }
    await waitFor(() => us.state.phase === 'finished' && us.pub?.scores !== undefined, 'finished with scores');
    const record = MatchRecordSchema.parse(await (await fetch(`${server.endpoint}/api/matches/${us.code}/record.json`)).json());
    expect(record.agendas?.US).toBe(usAgenda!.id);
    expect(record.agendas?.CN).toBe(cnAgenda!.id);
    const final = replay(record).at(-1)!;
    expect(final.agendas).toEqual(record.agendas);
    expect(us.pub?.scores?.US.agenda?.id).toBe(usAgenda!.id);
  });

  it('are off unless asked for', async () => {
    const us = await Player.create(server.endpoint, { create: { seed: 'no-agendas', turns: 1 }, join: { seat: 'US', name: 'Ana' } });
    open.push(us);
    await waitFor(() => us.latestSeatView() !== undefined, 'seat view');
    expect((us.latestSeatView() as SeatView).agenda).toBeNull();
  });
});
