import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema/contacts.js';
import { visits } from '../../src/db/schema/visits.js';
import { FakeZaloGraph } from '../fakes/fake-zalo-graph.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

const APP_ID = '3141592653589793238';
const SECRET = 'mini-app-secret-0123456789';
const graph = new FakeZaloGraph(SECRET);
let ts: TestService;

beforeAll(async () => {
  await graph.start();
  ts = await startTestService({ listen: true, env: { ZALO_MINI_APP_ID: APP_ID, ZALO_APP_SECRET: SECRET, ZALO_GRAPH_ROOT: graph.url, ZALO_OA_CHAT_URL: 'https://zalo.me/4318000000000000001', VISIT_RETENTION_DAYS: '9' } });
});
afterAll(async () => {
  await ts?.stop();
  await graph.stop();
});

async function venue(name: string) {
  const { domain, service } = ts.rt.venues;
  const a = await service.register({ name, typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn 3', phone: '0912345678' });
  return { ...a, token: a.url.split('/c/')[1]! };
}

async function api(path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${ts.baseUrl}/api/miniapp/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://h5.zdn.vn' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

const visitsOfMiniAppUser = async (zaloId: string) => {
  const [c] = await ts.rt.db.select().from(contacts).where(and(eq(contacts.channel, 'zalo-mini-app'), eq(contacts.chatId, zaloId)));
  return c ? ts.rt.db.select().from(visits).where(eq(visits.contactId, c.linkedTo ?? c.id)) : [];
};

describe('POST /api/miniapp/checkin', () => {
  it('checks a verified Zalo user in with one request, and a second tap changes nothing', async () => {
    const market = await venue('Chợ Sa Huỳnh');
    const accessToken = graph.issue('7000000000000000001');
    const first = await api('checkin', { venueToken: market.token, accessToken, requestId: 'tap-00000001' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ checkedIn: true, outcome: 'checked-in', venue: { name: 'Chợ Sa Huỳnh', address: 'Thôn 3' } });
    expect(first.json.message).toContain('Đã khai báo vào: Chợ Sa Huỳnh');
    const again = await api('checkin', { venueToken: market.token, accessToken, requestId: 'tap-00000002' });
    expect(again.json).toMatchObject({ checkedIn: true, outcome: 'repeat' });
    const stored = await visitsOfMiniAppUser('7000000000000000001');
    expect(stored.map((v) => [v.venueId, v.method, v.checkedOutAt])).toEqual([[market.venue.id, 'link', null]]);
  });

  it('refuses a token signed with the wrong app secret, an expired token and an unknown one with 401', async () => {
    const market = await venue('Chợ Đức Phổ');
    const expired = graph.issue('7000000000000000002', { expired: true });
    const res = await api('checkin', { venueToken: market.token, accessToken: expired });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: 'invalid_access_token', retryable: false });
    expect(res.json.error.message).toMatch(/Không xác minh được tài khoản Zalo/);
    expect((await api('checkin', { venueToken: market.token, accessToken: 'never-issued' })).status).toBe(401);

    // Zalo knows another secret than ours: our appsecret_proof is wrong, so the token is refused.
    const good = graph.issue('7000000000000000003');
    const realSecret = (graph as { appSecret: string }).appSecret;
    Object.assign(graph, { appSecret: 'someone-elses-secret' });
    try {
      expect((await api('checkin', { venueToken: market.token, accessToken: good })).status).toBe(401);
    } finally {
      Object.assign(graph, { appSecret: realSecret });
    }
    expect((await api('checkin', { venueToken: market.token, accessToken: good })).status).toBe(200);
    expect(await visitsOfMiniAppUser('7000000000000000002')).toEqual([]);
  });

  it('answers 503 (retry helps) when the Graph API is down, and stores nothing', async () => {
    const market = await venue('Bến xe Thạch Trụ');
    const accessToken = graph.issue('7000000000000000004');
    graph.down = true;
    try {
      const res = await api('checkin', { venueToken: market.token, accessToken });
      expect(res.status).toBe(503);
      expect(res.json.error).toMatchObject({ code: 'zalo_unavailable', retryable: true });
      expect(res.json.error.message).toMatch(/thử lại/);
    } finally {
      graph.down = false;
    }
    expect(await visitsOfMiniAppUser('7000000000000000004')).toEqual([]);
    expect((await api('checkin', { venueToken: market.token, accessToken })).status).toBe(200);
  });

  it('answers 404 in Vietnamese for an altered token and for a code that was re-issued', async () => {
    const shop = await venue('Tạp hóa Cô Ba');
    const accessToken = graph.issue('7000000000000000005');
    const altered = `${shop.token.slice(0, -2)}${shop.token.endsWith('AA') ? 'BB' : 'AA'}`;
    const bad = await api('checkin', { venueToken: altered, accessToken });
    expect(bad.status).toBe(404);
    expect(bad.json.error).toMatchObject({ code: 'venue_not_found', retryable: false });
    expect(bad.json.error.message).toMatch(/không phải mã khai báo ra vào/);
    await ts.rt.venues.service.reissue(shop.code.id);
    const revoked = await api('checkin', { venueToken: shop.token, accessToken });
    expect(revoked.status).toBe(404);
    expect(revoked.json.error.message).toMatch(/đã được thay bằng mã mới/);
    expect((await api('checkin', { venueToken: shop.token })).status).toBe(400);
  });
});

describe('the rest of the Mini App API', () => {
  it('shows the venue before check-in to anyone holding the poster link, with CORS for Zalo\'s hosts', async () => {
    const school = await venue('Trường Tiểu học Phổ Ninh');
    const res = await fetch(`${ts.baseUrl}/api/miniapp/venues/${school.token}`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toMatchObject({ venue: { name: 'Trường Tiểu học Phổ Ninh', commune: expect.any(String) }, retentionDays: 9 });
    const pre = await fetch(`${ts.baseUrl}/api/miniapp/checkin`, { method: 'OPTIONS', headers: { origin: 'https://h5.zdn.vn', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('checks out, checks family members in, and keeps one person\'s data from another', async () => {
    const clinic = await venue('Trạm y tế Phổ Minh');
    const me = graph.issue('7000000000000000006');
    const other = graph.issue('7000000000000000007');
    expect((await api('checkin', { venueToken: clinic.token, accessToken: me })).status).toBe(200);
    const added = await api('family/add', { accessToken: me, name: '  Nguyễn   Thị Bảy ', birthYear: 1950, relation: 'bà nội' });
    expect(added.json.member).toMatchObject({ name: 'Nguyễn Thị Bảy', birthYear: 1950, relation: 'bà nội' });
    expect((await api('family/add', { accessToken: me, name: 'X' })).json.error.message).toMatch(/Tên cần từ 2 đến 60/);
    const fam = await api('checkin', { venueToken: clinic.token, accessToken: me, selfToo: false, dependentIds: [added.json.member.id], requestId: 'fam-000001' });
    expect(fam.json.message).toContain('Cho: Nguyễn Thị Bảy');

    const mine = await api('history', { accessToken: me });
    expect(mine.json.visits.map((v: { dependent: string | null }) => v.dependent).sort()).toEqual(['Nguyễn Thị Bảy', null]);
    // The configured retention (VISIT_RETENTION_DAYS=9 here), not a constant.
    expect(mine.json.note).toMatch(/tự xóa sau 9 ngày/);
    expect((await api('history', { accessToken: other })).json.visits).toEqual([]);
    expect((await api('family', { accessToken: other })).json.members).toEqual([]);
    expect((await api('family/remove', { accessToken: other, id: added.json.member.id })).status).toBe(404);
    expect((await api('history', {})).status).toBe(400);

    const out = await api('checkout', { accessToken: me });
    expect(out.json.checkedOut).toEqual(['Trạm y tế Phổ Minh']);
    expect(out.json.message).toMatch(/Đã khai báo ra/);
    expect(out.json.message).toContain('Trạm y tế Phổ Minh');
    expect((await api('me', { accessToken: me })).json).toMatchObject({ openVisit: null, alerts: { reachable: false }, oaId: '4318000000000000001' });
  });

  it('lands in the same visit history as the chat once the person links the two', async () => {
    const market = await venue('Chợ Mộ Đức');
    const ferry = await venue('Bến đò Phổ Phong');
    const accessToken = graph.issue('7000000000000000008');
    expect((await api('checkin', { venueToken: market.token, accessToken })).status).toBe(200);

    const chat = new SimChat(ts, 'resident');
    expect(textOf(await chat.send(ferry.code.manualCode))).toContain('Bến đò Phổ Phong');
    const link = await api('link-code', { accessToken });
    expect(link.json.message).toMatch(/^LIÊN KẾT \d{6}$/);
    // Like between chats, the code only asks: the app that showed it must agree.
    expect(textOf(await chat.send(link.json.message))).toMatch(/Đã gửi yêu cầu liên kết[\s\S]*ứng dụng Khai báo ra vào[\s\S]*Đồng ý/);
    expect(textOf(await chat.send('lịch sử'))).not.toContain('Chợ Mộ Đức');
    const pending = await api('link/pending', { accessToken });
    expect(pending.json.pending.message).toMatch(/Một cuộc trò chuyện khác \(trang thử nghiệm trên web\) muốn liên kết[\s\S]*Đồng ý\?/);
    const agreed = await api('link/confirm', { accessToken, accept: true });
    expect(agreed.json).toMatchObject({ linked: true });
    expect(agreed.json.message).toMatch(/Đã liên kết/);
    expect(textOf(await chat.replies())).toMatch(/Đã liên kết/);
    expect((await api('link/pending', { accessToken })).json.pending).toBeNull();

    const history = textOf(await chat.send('lịch sử'));
    expect(history).toContain('Chợ Mộ Đức');
    expect(history).toContain('Bến đò Phổ Phong');
    const inApp = (await api('history', { accessToken })).json.visits.map((v: { venue: string }) => v.venue);
    expect(inApp.sort()).toEqual(['Bến đò Phổ Phong', 'Chợ Mộ Đức']);
    // A person is in one place: the later check-in (the ferry) is the one still open.
    expect((await api('me', { accessToken })).json.openVisit).toMatchObject({ venue: 'Bến đò Phổ Phong' });
    // Messages for the person (alerts, reminders) go to the chat, never to the Mini App, which cannot receive them.
    const [mini] = await ts.rt.db.select().from(contacts).where(and(eq(contacts.channel, 'zalo-mini-app'), eq(contacts.chatId, '7000000000000000008')));
    expect(await ts.rt.repos.contacts.reachableChatOf(ts.rt.db, mini!.linkedTo ?? mini!.id)).toMatchObject({ channel: 'web' });
  });

  it('links nothing when someone else types the app\'s code and the app refuses, and tells that chat', async () => {
    const shop = await venue('Tiệm thuốc Phúc Hưng');
    const victim = graph.issue('7000000000000000009');
    expect((await api('checkin', { venueToken: shop.token, accessToken: victim })).status).toBe(200);
    const { code } = (await api('link-code', { accessToken: victim })).json;
    const attacker = new SimChat(ts, 'resident');
    expect(textOf(await attacker.send(`liên kết ${code}`))).toMatch(/Đã gửi yêu cầu liên kết/);
    expect(textOf(await attacker.send('lịch sử'))).not.toContain('Phúc Hưng');
    // Another token's person sees no request, and cannot answer it.
    const other = graph.issue('7000000000000000010');
    expect((await api('link/pending', { accessToken: other })).json.pending).toBeNull();
    expect((await api('link/confirm', { accessToken: other, accept: true })).status).toBe(409);
    expect((await api('link/pending', { accessToken: victim })).json.pending).not.toBeNull();
    const refused = await api('link/confirm', { accessToken: victim, accept: false });
    expect(refused.json).toMatchObject({ linked: false });
    expect(textOf(await attacker.replies())).toMatch(/bị từ chối/);
    expect(textOf(await attacker.send('lịch sử'))).not.toContain('Phúc Hưng');
    expect((await api('link/confirm', { accessToken: victim, accept: true })).status).toBe(409);
    expect((await api('link/confirm', { accessToken: victim })).status).toBe(400);
  });
});
