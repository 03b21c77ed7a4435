import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat } from '../harness/sim-chat.js';
import { COMMUNE_A, COMMUNE_B, loginLink, seedContact, seedOfficial, seedQuestion, seedRegistration, seedVenue } from '../harness/dashboard-seed.js';

let ts: TestService;
let offset = 0;
const clock: Clock = { now: () => new Date(Date.now() + offset) };

beforeAll(async () => {
  ts = await startTestService({ clock, listen: true });
}, 60_000);
afterAll(async () => ts?.stop());

/** Opens a link like a browser: GET the confirmation page, then POST its form with the CSRF token. */
async function signIn(url: string): Promise<{ status: number; cookie: string; body: string }> {
  const path = new URL(url).pathname;
  const page = await ts.app.inject({ method: 'GET', url: path });
  if (page.statusCode !== 200) return { status: page.statusCode, cookie: '', body: page.body };
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const csrfCookie = page.cookies.find((c) => c.name === 'qm_csrf')!;
  const res = await ts.app.inject({ method: 'POST', url: path, payload: form({ _csrf: csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `qm_csrf=${csrfCookie.value}` } });
  const session = res.cookies.find((c) => c.name === 'qm_dash');
  return { status: res.statusCode, cookie: session ? `qm_dash=${session.value}; qm_csrf=${csrfCookie.value}` : '', body: res.body };
}

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const get = (cookie: string, url: string) => ts.app.inject({ method: 'GET', url, headers: { cookie } });

describe('dashboard login by one-time link', () => {
  it('gives an official a link by /dangnhap in chat, and refuses anyone else', async () => {
    const official = await seedOfficial(ts, [COMMUNE_A]);
    const reply = (await official.chat.send('/dangnhap')).map((m) => m.part.text ?? '').join('\n');
    const url = /https?:\/\/\S+\/quanly\/dangnhap\/\S+/.exec(reply)?.[0];
    expect(url, reply).toBeDefined();
    const session = await signIn(url!);
    expect(session.status).toBe(303);
    const res = await ts.app.inject({ method: 'POST', url: new URL(url!).pathname, payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(403); // no CSRF token
    const stranger = new SimChat(ts, 'resident');
    expect((await stranger.send('/dangnhap')).map((m) => m.part.text).join('')).toContain('dành cho cán bộ');
  }, 30_000);

  it('opens a session once: a reused link and an expired link are refused', async () => {
    const official = await seedOfficial(ts, [COMMUNE_A]);
    const url = await loginLink(ts.rt, official.id);
    const first = await signIn(url);
    expect(first.status).toBe(303);
    expect(first.cookie).toContain('qm_dash=');
    expect((await get(first.cookie, '/quanly')).statusCode).toBe(200);
    const again = await signIn(url);
    expect(again.status).toBe(410);
    expect(again.body).toContain('đã được dùng');

    const late = await loginLink(ts.rt, official.id);
    offset = 6 * 60_000;
    try {
      const expired = await signIn(late);
      expect(expired.status).toBe(410);
      expect(expired.body).toContain('hết hạn');
    } finally {
      offset = 0;
    }
  });

  it('sets an HttpOnly SameSite cookie, ends the session at logout and after 30 idle minutes', async () => {
    const official = await seedOfficial(ts, [COMMUNE_A]);
    const path = new URL(await loginLink(ts.rt, official.id)).pathname;
    const page = await ts.app.inject({ method: 'GET', url: path });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const csrfCookie = page.cookies.find((c) => c.name === 'qm_csrf')!.value;
    const res = await ts.app.inject({ method: 'POST', url: path, payload: form({ _csrf: csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `qm_csrf=${csrfCookie}` } });
    const c = res.cookies.find((x) => x.name === 'qm_dash')!;
    expect(c.httpOnly).toBe(true);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
    expect(res.headers['x-frame-options'] ?? res.headers['content-security-policy']).toBeDefined();
    const cookie = `qm_dash=${c.value}; qm_csrf=${csrfCookie}`;
    offset = 31 * 60_000;
    try {
      expect((await get(cookie, '/quanly')).statusCode).toBe(303);
    } finally {
      offset = 0;
    }
    expect((await get(cookie, '/quanly')).statusCode).toBe(303); // ended, not revived

    const s2 = await signIn(await loginLink(ts.rt, official.id));
    const home = await get(s2.cookie, '/quanly');
    const token = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
    const out = await ts.app.inject({ method: 'POST', url: '/quanly/dangxuat', payload: form({ _csrf: token }), headers: { cookie: s2.cookie, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(out.statusCode).toBe(303);
    expect((await get(s2.cookie, '/quanly')).statusCode).toBe(303);
  });

  it('sends a signed-out visitor to the login explanation, never a page', async () => {
    const res = await get('', '/quanly/diadiem');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/quanly/dangnhap');
  });
});

describe('dashboard scope', () => {
  it("answers 403, not an empty page, for another commune's venue, question, registration and export", async () => {
    const official = await seedOfficial(ts, [COMMUNE_A]);
    const resident = await seedContact(ts.rt);
    const own = await seedVenue(ts.rt, { name: 'Chợ Phổ Minh', communeId: COMMUNE_A });
    const other = await seedVenue(ts.rt, { name: 'Chợ Bình Châu', communeId: COMMUNE_B });
    const q = await seedQuestion(ts.rt, resident.id, COMMUNE_B, 'Tiêm mũi 3 ở đâu?');
    const reg = await seedRegistration(ts.rt, resident.id, COMMUNE_B, 'Trần Thị Lan');
    const { cookie } = await signIn(await loginLink(ts.rt, official.id));
    const home = await get(cookie, '/quanly');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
    const post = (url: string, payload: Record<string, string>) => ts.app.inject({ method: 'POST', url, payload: form({ _csrf: csrf, ...payload }), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });

    expect((await get(cookie, `/quanly/diadiem/${own.id}`)).statusCode).toBe(200);
    expect((await get(cookie, `/quanly/diadiem/${other.id}`)).statusCode).toBe(403);
    expect((await post(`/quanly/diadiem/${other.id}/trangthai`, { status: 'suspended' })).statusCode).toBe(403);
    expect((await post(`/quanly/hoidap/${q}/traloi`, { answer: 'Ở trạm y tế.' })).statusCode).toBe(403);
    expect((await post(`/quanly/dangky/${reg}/lich`, { at: '15/09/2099 08:30', place: 'Trạm y tế' })).statusCode).toBe(403);
    expect((await get(cookie, `/quanly/xuat/dangky.csv?xa=${encodeURIComponent(COMMUNE_B)}`)).statusCode).toBe(403);
    expect((await get(cookie, `/quanly/xuat/tongquan.xlsx?xa=${encodeURIComponent(COMMUNE_B)}`)).statusCode).toBe(403);
    expect((await get(cookie, `/quanly/diadiem?xa=${encodeURIComponent(COMMUNE_B)}`)).statusCode).toBe(403);
    expect((await get(cookie, '/quanly/hethong')).statusCode).toBe(403);
    expect((await get(cookie, '/quanly/hethong/hangdoi')).statusCode).toBe(403);

    const list = await get(cookie, '/quanly/diadiem');
    expect(list.body).toContain('Chợ Phổ Minh');
    expect(list.body).not.toContain('Chợ Bình Châu');
    const csv = await get(cookie, '/quanly/xuat/dangky.csv');
    expect(csv.body).not.toContain('Trần Thị Lan');
    const overview = await get(cookie, '/quanly/api/tongquan.json');
    expect((overview.json() as { rows: { communeId: string }[] }).rows.map((r) => r.communeId)).toEqual([COMMUNE_A]);
  });

  it('lets an admin see every commune, the system page and the queues', async () => {
    const admin = await seedOfficial(ts, 'all');
    const { cookie } = await signIn(await loginLink(ts.rt, admin.id));
    const other = await seedVenue(ts.rt, { name: 'Bến xe Bình Châu', communeId: COMMUNE_B });
    expect((await get(cookie, `/quanly/diadiem/${other.id}`)).statusCode).toBe(200);
    const system = await get(cookie, '/quanly/hethong');
    expect(system.statusCode).toBe(200);
    expect(system.body).toContain('Kênh nhắn tin');
    expect((await get(cookie, '/quanly/hethong/hangdoi')).statusCode).toBe(200);
    const overview = (await get(cookie, '/quanly/api/tongquan.json')).json() as { rows: unknown[] };
    expect(overview.rows.length).toBe(ts.rt.venues.domain.communes.filter((c) => !c.mergedInto).length);
  });
});
