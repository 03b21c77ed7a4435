import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

const session = 'simtest_0001';
async function messages(role: string, after = 0) {
  const res = await fetch(`${ts.baseUrl}/chat/api/messages?session=${session}&role=${role}&after=${after}`);
  return ((await res.json()) as { messages: { id: number; part: { type: string; text?: string; choices?: { data: string }[] } }[] }).messages;
}
async function say(role: string, payload: object) {
  return fetch(`${ts.baseUrl}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: `m${Math.random().toString(36).slice(2, 10)}`, session, role, ...payload }) });
}

describe('the browser simulator talks to the same core through the same queues', () => {
  it('serves the chat page in Vietnamese with the resident and owner chats, and no official role to pick', async () => {
    const res = await fetch(`${ts.baseUrl}/chat`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="vi"');
    for (const label of ['Người dân', 'Chủ địa điểm']) expect(html).toContain(label);
    expect(html).not.toContain('value="official"');
  });

  it('round-trips /start, a typed number choice and a button choice', async () => {
    expect((await say('resident', { text: '/start' })).status).toBe(200);
    const [welcome] = await waitFor(async () => (await messages('resident')).length >= 1 && messages('resident'), 'welcome');
    expect(welcome!.part.text).toContain('Xin chào');
    expect(welcome!.part.choices?.map((c) => c.data)).toContain('menu:help');

    await say('resident', { text: '6' });
    const help = await waitFor(async () => (await messages('resident', welcome!.id))[0], 'help');
    expect(help.part.text).toContain('Hướng dẫn sử dụng');

    await say('resident', { choice: 'menu:venue' });
    const soon = await waitFor(async () => (await messages('resident', help.id))[0], 'coming soon');
    expect(soon.part.text).toMatch(/Đăng ký mã QR cho địa điểm|địa điểm/);
  });

  it('keeps roles apart: an owner session is its own conversation', async () => {
    await say('owner', { text: '/start' });
    await waitFor(async () => (await messages('owner')).length >= 1, 'owner welcome');
    const resident = await messages('resident');
    const owner = await messages('owner');
    expect(owner.every((m) => !resident.some((r) => r.id === m.id))).toBe(true);
  });

  it('accepts a photo upload and answers it', async () => {
    const before = (await messages('resident')).at(-1)?.id ?? 0;
    const res = await fetch(`${ts.baseUrl}/chat/api/photo?session=${session}&role=resident`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: Buffer.from('89504e470d0a1a0a0000', 'hex') });
    expect(res.status).toBe(200);
    const reply = await waitFor(async () => (await messages('resident', before))[0], 'photo reply');
    expect(reply.part.type).toBe('text');
  });

  it('rejects bad simulator input with a JSON error', async () => {
    const res = await fetch(`${ts.baseUrl}/chat/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session: 'x', role: 'hacker' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { retryable: false } });
    const empty = await fetch(`${ts.baseUrl}/chat/api/photo?session=${session}&role=resident`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
  });

  it('answers health and readiness', async () => {
    expect((await fetch(`${ts.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${ts.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, role: 'all', draining: false, database: true, redis: true, bots: [{ channel: 'web', botId: 'simulator', status: 'ok' }] });
  });
});
