import { describe, expect, it } from 'vitest';
import type { ChatHistory, ServerError } from '../../shared/index.js';
import type { ChatMessage } from '../../shared/chat.js';
import { facilitatedMatch, Player, serverForFile, sleep, waitFor } from './harness.js';

const server = serverForFile();
const open = server.open;

/** Control, a two-person US team, CN, EU and a projector. */
async function table() {
  const m = await facilitatedMatch(server.endpoint, ['US', 'CN', 'EU'], { seed: 'chat', orderSeconds: 600 });
  const us2 = await Player.join(server.endpoint, m.control.code, { join: { seat: 'US', name: 'US deputy' } });
  const spec = await Player.join(server.endpoint, m.control.code, { join: { role: 'spectator', name: 'Projector' } });
  await waitFor(() => us2.you() !== undefined && spec.you() !== undefined, 'joined');
  const all = { control: m.control, us: m.players.US, us2, cn: m.players.CN, eu: m.players.EU, spec };
  open.push(...Object.values(all));
  return all;
}


describe('negotiation chat', () => {
  it('delivers each message only to the clients allowed in its channel (checked on the wire)', async () => {
    const t = await table();
    const pub = await t.cn.say('public', 'PUBLIC-MARKER hello all');
    const dm = await t.us.say('dm:US:CN', 'DM-MARKER a quiet word');
    await t.us2.say('team:US', 'TEAM-MARKER our line');
    await t.control.say('dm:US:CN', 'WHITECELL-MARKER Control listening');
    expect(dm).toMatchObject({ channel: 'dm:US:CN', from: { name: 'US lead', seat: 'US', role: 'player' }, text: 'DM-MARKER a quiet word' });
    expect(pub.id).toBeLessThan(dm.id);
    await sleep(200);

    const got = (p: Player) => p.of<ChatMessage>('chat').map((m) => m.text.split(' ')[0]);
    expect(got(t.control)).toEqual(['PUBLIC-MARKER', 'DM-MARKER', 'TEAM-MARKER', 'WHITECELL-MARKER']);
    expect(got(t.us)).toEqual(['PUBLIC-MARKER', 'DM-MARKER', 'TEAM-MARKER', 'WHITECELL-MARKER']);
    expect(got(t.us2)).toEqual(['PUBLIC-MARKER', 'DM-MARKER', 'TEAM-MARKER', 'WHITECELL-MARKER']);
    expect(got(t.cn)).toEqual(['PUBLIC-MARKER', 'DM-MARKER', 'WHITECELL-MARKER']);
    expect(got(t.eu)).toEqual(['PUBLIC-MARKER']);
    expect(got(t.spec)).toEqual(['PUBLIC-MARKER']);
    // Nothing private crossed the wire to those outside the channel, in any form.
    for (const p of [t.eu, t.spec]) expect(p.wireText()).not.toMatch(/DM-MARKER|TEAM-MARKER|WHITECELL-MARKER/);
    expect(t.cn.wireText()).not.toMatch(/TEAM-MARKER/);
    for (const p of Object.values(t)) expect(p.states.join('')).not.toMatch(/MARKER/);
  });

  it('gives late joiners and returning players the history of the channels they may read', async () => {
    const t = await table();
    await t.us.say('public', 'P1');
    await t.us.say('dm:US:CN', 'D1');
    await t.us.say('team:US', 'T1');
    await t.cn.say('dm:CN:EU', 'D2');
    const late = await Player.join(server.endpoint, t.control.code, { join: { seat: 'CN', name: 'CN late' } });
    const watcher = await Player.join(server.endpoint, t.control.code, { join: { name: 'Seatless' } });
    open.push(late, watcher);
    await waitFor(() => late.of('chat-history').length > 0 && watcher.of('chat-history').length > 0, 'histories');
    expect(late.of<ChatHistory>('chat-history')[0].messages.map((m) => m.text)).toEqual(['P1', 'D1', 'D2']);
    expect(watcher.of<ChatHistory>('chat-history')[0].messages.map((m) => m.text)).toEqual(['P1']);
    expect(watcher.wireText()).not.toMatch(/"D1"|"T1"|"D2"/);
    // Taking a seat opens its channels: the history is sent again.
    await watcher.request('claim', { seat: 'EU' }, ['you', 'error']);
    await waitFor(() => watcher.of('chat-history').length === 2, 'history after claim');
    expect(watcher.of<ChatHistory>('chat-history')[1].messages.map((m) => m.text)).toEqual(['P1', 'D2']);
  });

  it('refuses oversize, malformed and forbidden messages, changing nothing', async () => {
    const t = await table();
    const refusals: [Player, unknown, string][] = [
      [t.us, { channel: 'public', text: 'x'.repeat(501) }, 'bad-request'],
      [t.us, { channel: 'public', text: '   ' }, 'bad-request'],
      [t.us, { channel: 'public' }, 'bad-request'],
      [t.us, 'hello', 'bad-request'],
      [t.us, { channel: 'public', text: 'hi', html: '<b>' }, 'bad-request'],
      [t.us, { channel: 'dm:CN:US', text: 'unsorted' }, 'bad-request'],
      [t.us, { channel: 'dm:US:US', text: 'self' }, 'bad-request'],
      [t.us, { channel: 'shout', text: 'hi' }, 'bad-request'],
      [t.us, { channel: 'public', text: 'y'.repeat(70_000) }, 'too-large'],
      [t.eu, { channel: 'dm:US:CN', text: 'let me in' }, 'channel-forbidden'],
      [t.eu, { channel: 'team:US', text: 'let me in' }, 'channel-forbidden'],
      [t.spec, { channel: 'public', text: 'from the projector' }, 'spectator'],
    ];
    for (const [p, payload, code] of refusals) {
      const reply = await p.request<ServerError>('chat', payload, ['chat', 'error']);
      expect(reply.type, JSON.stringify(payload).slice(0, 80)).toBe('error');
      expect(reply.data).toMatchObject({ code, ref: 'chat' });
    }
    await sleep(150);
    for (const p of Object.values(t)) expect(p.of('chat')).toEqual([]);
    // Text is plain: markup arrives as the characters that were typed.
    const m = await t.us.say('public', '<img src=x onerror=alert(1)>');
    expect(m.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('limits the chat rate per client without disconnecting', async () => {
    const t = await table();
    const before = t.us.messages.length;
    for (let i = 0; i < 12; i++) t.us.send('chat', { channel: 'public', text: `flood ${i}` });
    await waitFor(() => t.us.messages.slice(before).filter((m) => m.type === 'chat' || m.type === 'error').length >= 12, 'replies');
    const replies = t.us.messages.slice(before).filter((m) => m.type === 'chat' || m.type === 'error');
    const limited = replies.filter((m) => m.type === 'error' && (m.data as ServerError).code === 'rate-limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((m) => m.type === 'chat').length).toBeGreaterThan(0);
    expect(t.us.room.connection.isOpen).toBe(true);
    // Other clients are not limited by one client's flood.
    await t.cn.say('public', 'still talking');
  });
});
