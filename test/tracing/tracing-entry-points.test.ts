import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { simulatorChatId } from '../../bots/web/adapter.js';
import { runCli } from '../../src/cli/main.js';
import { capture } from '../harness/cli-io.js';
import { becomeOfficial } from '../harness/officials.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, choicesOf, textOf } from '../harness/sim-chat.js';
import { tracingFixtures } from './tracing-fixtures.js';

let ts: TestService;
const f = tracingFixtures(() => ts.rt);
const iso = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
/** "dd/mm HH:MM-HH:MM" (Vietnam time) of a window from `a` to `b` hours ago, whole minutes. */
const vnWindow = (a: number, b: number) => {
  const at = (h: number) => new Date(Math.floor((Date.now() - h * 3600_000) / 60_000) * 60_000 + 7 * 3600_000).toISOString();
  return `${at(a).slice(8, 10)}/${at(a).slice(5, 7)} ${at(a).slice(11, 16)}-${at(b).slice(11, 16)}`;
};

beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => ts?.stop());

async function tokenFor(chatId: string, communes: string[], role: 'official' | 'admin' = 'official') {
  const communeIds = communes.map((c) => ts.rt.venues.domain.searchCommunes(c)[0]!.id);
  const { code } = await ts.rt.officials.invite({ role, communeIds, by: null, via: 'cli', now: new Date() });
  const contact = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'telegram', botId: 'b', chatId, userId: chatId, at: new Date(), body: { type: 'text', text: code } });
  const joined = await ts.rt.officials.redeem(code, { contactId: contact.id, channel: 'telegram', chatId, displayName: null }, new Date());
  if (joined.kind !== 'joined') throw new Error('invite refused');
  return { authorization: `Bearer ${await ts.rt.officials.issueApiToken(joined.official.id, 'cli')}` };
}
const contactOf = async (chat: SimChat) => (await ts.rt.repos.contacts.find('web', 'simulator', simulatorChatId(chat.session, chat.role)))!.id;

describe('the tracing API for the dashboard', () => {
  it('needs a personal token, keeps each commune to itself and audits every query and export', async () => {
    const market = await f.venue('Chợ Phổ Minh', 'market', 'duc-pho/pho-minh');
    await f.visit(await f.person(), market, iso(2), iso(1.5));
    const phoMinh = await tokenFor('2001', ['Phổ Minh']);
    const binhChau = await tokenFor('2002', ['Bình Châu']);
    const open = { venue: market.manualCode, windows: [{ from: iso(3), to: iso(1) }] };

    expect((await ts.app.inject({ method: 'POST', url: '/api/tracing/events', payload: open })).statusCode).toBe(401);
    const created = await ts.app.inject({ method: 'POST', url: '/api/tracing/events', headers: phoMinh, payload: open });
    expect(created.statusCode).toBe(201);
    const { preview } = created.json() as { preview: { eventId: number; people: number } };
    expect(preview.people).toBe(1);

    for (const url of [`/api/tracing/events/${preview.eventId}`, `/api/tracing/events/${preview.eventId}/preview`, `/api/tracing/events/${preview.eventId}/contacts.csv`]) {
      expect((await ts.app.inject({ method: 'GET', url, headers: binhChau })).statusCode).toBe(404);
    }
    expect((await ts.app.inject({ method: 'POST', url: `/api/tracing/events/${preview.eventId}/send`, headers: binhChau })).statusCode).toBe(404);
    expect((await ts.app.inject({ method: 'POST', url: '/api/tracing/events', headers: binhChau, payload: open })).statusCode).toBe(403);
    expect((await ts.app.inject({ method: 'POST', url: '/api/tracing/events', headers: phoMinh, payload: { venue: market.manualCode, windows: [{ from: iso(1), to: iso(3) }] } })).json()).toMatchObject({ ok: false, error: { code: 'bad_window', retryable: false } });

    const csv = await ts.app.inject({ method: 'GET', url: `/api/tracing/events/${preview.eventId}/contacts.csv`, headers: phoMinh });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect((await ts.app.inject({ method: 'PUT', url: '/api/tracing/template', headers: phoMinh, payload: { body: 'Bạn đã ở {dia_diem} ngày {ngay}, {khung_gio}.' } })).statusCode).toBe(403);
    const actions = ((await ts.rt.db.execute(sql`select action from audit_log where subject = ${`event:${preview.eventId}`}`)) as unknown as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['tracing.open', 'tracing.preview', 'tracing.export']));
  });
});

describe('tracing in chat', () => {
  it('a resident shares a one-time code, the official traces with it, and an alert answered with symptoms reaches the commune as urgent', async () => {
    const theCase = new SimChat(ts);
    await theCase.send('xin chào');
    const shop = await f.venue('Nhà sách Phổ Minh', 'bookshop', 'duc-pho/pho-minh');
    await f.visit(await contactOf(theCase), shop, iso(5), iso(4.5));
    const neighbour = new SimChat(ts);
    await neighbour.send('xin chào');
    await f.visit(await contactOf(neighbour), shop, iso(4.8), iso(4.6));

    const offer = await theCase.send('Chia sẻ lịch sử cho cán bộ y tế');
    expect(choicesOf(offer).map((c) => c.label)).toContain('Của tôi');
    const shared = textOf(await theCase.send({ choice: 'tv:share:self' }));
    const code = /TV-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(shared)![0];

    const official = new SimChat(ts);
    await becomeOfficial(ts, official, { communes: ['Phổ Minh'] });
    const outsider = new SimChat(ts);
    expect(textOf(await outsider.send(`/truyvet ${code}`))).toContain('dành cho cán bộ');

    const preview = await official.send(`/truyvet ${code}`);
    expect(textOf(preview)).toMatch(/Sự kiện truy vết #\d+/);
    expect(textOf(preview)).toContain('chưa được báo: 1');
    const send = choicesOf(preview).find((c) => c.data.startsWith('tv:send:'))!;
    expect(textOf(await official.send({ choice: send.data }))).toContain('tới 1 người');
    expect(textOf(await official.send(`/truyvet ${code}`))).toContain('đã được dùng');

    const alert = await neighbour.replies();
    expect(textOf(alert)).toContain('Nhà sách Phổ Minh');
    const symptoms = choicesOf(alert).find((c) => c.label === 'Tôi có triệu chứng')!;
    expect(textOf(await neighbour.send({ choice: symptoms.data }))).toContain('Đã báo cán bộ y tế');
    expect(textOf(await official.replies())).toContain('KHẨN');
  });
});

describe('/truyvet with several windows and venues', () => {
  it('opens one event for every window and venue given, and an extension alerts only people not alerted yet', async () => {
    const market = await f.venue('Chợ Nghĩa Hành', 'market', 'duc-pho/pho-minh');
    const shop = await f.venue('Tạp hóa Cô Tư', 'shop', 'duc-pho/pho-minh');
    const pharmacy = await f.venue('Nhà thuốc Phổ Minh', 'shop', 'duc-pho/pho-minh');
    const morning = await f.person();
    const afternoon = await f.person();
    const atShop = await f.person();
    const between = await f.person(); // at the market between the two windows (and past the tail): not matched
    const later = await f.person();
    await f.visit(morning, market, iso(7.5), iso(7.2));
    await f.visit(afternoon, market, iso(3.5), iso(3.2));
    await f.visit(between, market, iso(5.5), iso(5.3));
    await f.visit(atShop, shop, iso(5.8), iso(5.7));
    await f.visit(later, pharmacy, iso(2.5), iso(2.4));
    await f.visit(morning, pharmacy, iso(2.5), iso(2.4));

    const official = new SimChat(ts);
    await becomeOfficial(ts, official, { communes: ['Phổ Minh'] });
    const opened = await official.send(`/truyvet Chợ Nghĩa Hành, ${vnWindow(8, 7)} và ${vnWindow(4, 3)}\nTạp hóa Cô Tư, ${vnWindow(6, 5.5)}`);
    const text = textOf(opened);
    expect(text).toMatch(/Sự kiện truy vết #\d+/);
    expect(text.match(/^• /gm)).toHaveLength(3);
    expect(text).toContain('Tạp hóa Cô Tư');
    expect(text).toContain('chưa được báo: 3');
    const eventId = Number(/#(\d+)/.exec(text)![1]);
    expect(textOf(await official.send({ choice: `tv:send:${eventId}` }))).toContain('tới 3 người');

    const extended = textOf(await official.send(`/truyvet #${eventId} thêm Nhà thuốc Phổ Minh, ${vnWindow(3, 2)}`));
    expect(extended.match(/^• /gm)).toHaveLength(4);
    expect(extended).toContain('chưa được báo: 1');
    expect(textOf(await official.send({ choice: `tv:send:${eventId}` }))).toContain('tới 1 người');
    const alerted = (await ts.rt.db.execute(sql`select contact_id from exposure_alerts where event_id = ${eventId} order by contact_id`)) as unknown as { contact_id: string | number }[];
    expect(alerted.map((r) => Number(r.contact_id))).toEqual([morning, afternoon, atShop, later].sort((a, b) => a - b));
    expect(textOf(await official.send(`/truyvet Chợ Nghĩa Hành 7:00-10:00`))).toContain('Nhiều khung giờ');
  });
});

describe('the tracing CLI', () => {
  it('tracing:preview prints who would be alerted and sends nothing; tracing:send alerts each person once, an extension only the new ones', async () => {
    const env = { DATABASE_URL: ts.databaseUrl, QUEUE_PREFIX: 'qttrcli' };
    const hall = await f.venue('Nhà văn hóa thôn Trung An', 'other', 'duc-pho/pho-minh');
    const first = await f.person();
    const second = await f.person();
    const blocked = await f.person({ unreachable: true });
    for (const p of [first, second, blocked]) await f.visit(p, hall, iso(6), iso(5.5));
    const cli = async (...args: string[]) => {
      const c = capture();
      const code = await runCli(args, env, c.io);
      expect(code, c.err.join('\n')).toBe(0);
      return JSON.parse(c.out.at(-1)!) as Record<string, unknown>;
    };

    const preview = await cli('tracing:preview', '--venue', hall.manualCode, '--from', iso(7), '--to', iso(5));
    expect(preview).toMatchObject({ people: 3, byChannel: { web: 2 }, unreachable: 1 });
    const eventId = Number(preview.eventId);
    expect((await ts.rt.db.execute(sql`select count(*)::int as n from exposure_alerts where event_id = ${eventId}`)) as unknown as { n: number }[]).toEqual([{ n: 0 }]);
    expect(await cli('tracing:send', String(eventId))).toMatchObject({ eventId, alerted: 2, unreachable: 1 });
    expect(await cli('tracing:send', String(eventId))).toMatchObject({ eventId, alerted: 0, unreachable: 0 });

    const late = await f.person();
    await f.visit(late, hall, iso(2), iso(1.5));
    await f.visit(first, hall, iso(2), iso(1.5));
    expect(await cli('tracing:preview', '--event', String(eventId), '--venue', `#${hall.id}`, '--from', iso(2.5), '--to', iso(1))).toMatchObject({ eventId, people: 4, newPeople: 1 });
    expect(await cli('tracing:send', String(eventId))).toMatchObject({ eventId, alerted: 1 });
    const bad = capture();
    expect(await runCli(['tracing:preview', '--venue', hall.manualCode, '--from', iso(1), '--to', iso(3)], env, bad.io)).toBe(2);
    expect(JSON.parse(bad.err[0]!)).toMatchObject({ error: { code: 'bad_window' } });
  });
});

