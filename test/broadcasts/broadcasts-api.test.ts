import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken } from '../../src/broadcasts/links.js';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { ManualClock, RecordingAdapter, seedResidents, sendLikeTheQueue } from '../harness/broadcasts.js';
import { startTestService, type TestService } from '../harness/service.js';

const KEY = 'officials-key-0123456789';
const clock = new ManualClock(new Date('2021-09-14T03:00:00Z'));
const tg = new RecordingAdapter('telegram', 'tgbot', 50);
let ts: TestService;
const auth = { authorization: `Bearer ${KEY}` };

beforeAll(async () => {
  ts = await startTestService({ workers: false, clock, adapters: [tg], env: { OFFICIALS_API_KEY: KEY } });
});
afterAll(async () => {
  await ts?.stop();
});

describe('broadcasts API', () => {
  it('refuses callers without the key', async () => {
    for (const [method, url] of [['GET', '/api/broadcasts'], ['POST', '/api/broadcasts/preview'], ['POST', '/api/broadcasts'], ['POST', '/api/broadcasts/1/approve'], ['GET', '/api/broadcasts/1/results.csv']] as const) {
      const res = await ts.app.inject({ method, url, payload: method === 'POST' ? {} : undefined, headers: { authorization: 'Bearer wrong-key-0000000000' } });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('answers bad input with a JSON error', async () => {
    const res = await ts.app.inject({ method: 'POST', url: '/api/broadcasts/preview', headers: auth, payload: { text: '', communes: ['atlantis'], audience: 'everyone' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', retryable: false } });
    expect((await ts.app.inject({ method: 'GET', url: '/api/broadcasts/999', headers: auth })).statusCode).toBe(404);
  });

  it('previews, creates, sends, counts a button tap and exports results as CSV', async () => {
    await seedResidents(ts.rt.db, 3, { channel: 'telegram', botId: 'tgbot', communeId: 'duc-pho/pho-minh', consent: true, prefix: 'api-' });
    const body = { text: 'Mời đăng ký tiêm', communes: ['Phổ Minh'], audience: 'residents', button: { label: 'Đăng ký', url: 'https://example.org/dang-ky' } };
    const preview = await ts.app.inject({ method: 'POST', url: '/api/broadcasts/preview', headers: auth, payload: body });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ recipients: 3, byChannel: { telegram: 3 } });
    const created = await ts.app.inject({ method: 'POST', url: '/api/broadcasts', headers: auth, payload: body });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    for (let i = 0; i < 3; i++) {
      await ts.rt.broadcasts.tick();
      const ids = rowsOf(await ts.rt.db.execute(sql`select outbound_id from broadcast_recipients where status = 'queued'`)).map((r) => Number(r.outbound_id));
      for (const o of ids) await sendLikeTheQueue(ts.rt.deps.outbound, o);
    }
    const link = /https?:\/\/\S+\/b\/(\S+)/.exec(tg.sent.map((m) => (m.part.type === 'text' ? m.part.text : '')).join('\n'))!;
    expect(link).not.toBeNull();
    const tap = await ts.app.inject({ method: 'GET', url: `/b/${link[1]}` });
    expect(tap.statusCode).toBe(302);
    expect(tap.headers.location).toBe('https://example.org/dang-ky');
    expect((await ts.app.inject({ method: 'GET', url: `/b/${linkToken('forged', 1)}` })).statusCode).toBe(404);
    const progress = await ts.app.inject({ method: 'GET', url: `/api/broadcasts/${id}`, headers: auth });
    expect(progress.json().runs[0].counts).toEqual({ sent: 3 });
    const csv = await ts.app.inject({ method: 'GET', url: `/api/broadcasts/${id}/results.csv`, headers: auth });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Lượt gửi,Thời điểm gửi,"Mã xã, phường","Xã, phường",Số người,Không gửi,Đã gửi,Gửi lỗi,Đã nhận,Đã xem,Có hành động,Bấm nút,Đăng ký tiêm,Khai báo ra vào');
    expect(lines[1]).toMatch(/duc-pho\/pho-minh,Phường Phổ Minh,3,0,3,0,0,0,1,1,0,0$/);
    const cancel = await ts.app.inject({ method: 'POST', url: `/api/broadcasts/${id}/cancel`, headers: auth });
    expect(cancel.statusCode).toBe(400);
  });
});
