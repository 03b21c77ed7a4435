import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaMac } from '../../bots/zalo-oa/signature.js';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { processInbound } from '../../src/pipeline/inbound-processor.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { FakeZalo } from '../fakes/fake-zalo.js';
import { operator, seedResidents, sendLikeTheQueue } from '../harness/broadcasts.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';

const A = 'duc-pho/pho-minh';
const APP_ID = '1234567890123456789';
const OA_SECRET = 'oa-secret-key-for-tests';
const IMAGE = 'https://cdn.example.vn/poster-tiem-chung.jpg';
const BUTTON = { label: 'Đăng ký tiêm', url: 'https://dangky.example.vn/tiem' };

let tg: FakeTelegram;
let zalo: FakeZalo;
let ts: TestService;

beforeAll(async () => {
  tg = await new FakeTelegram().start();
  zalo = await new FakeZalo().start();
  ts = await startTestService({
    workers: false,
    env: {
      TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: tg.url,
      ZALO_OA_APP_ID: APP_ID,
      ZALO_OA_SECRET_KEY: OA_SECRET,
      ZALO_APP_SECRET: 'app-secret',
      ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
      ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
      ZALO_OA_API_ROOT: zalo.url,
      ZALO_OAUTH_ROOT: zalo.url,
      ZALO_OA_TEMPLATE_ID: 'tpl-nhac-tiem-1',
      ZALO_OA_TEMPLATE_PARAM: 'noi_dung',
      ZALO_BOT_TOKEN: '4455:bot-token-for-tests',
      ZALO_BOT_WEBHOOK_SECRET: 'bot-secret-for-tests',
      ZALO_BOT_API_ROOT: zalo.url,
      BROADCAST_QUIET_HOURS: 'false',
    },
  });
});
afterAll(async () => {
  await ts?.stop();
  await zalo?.close();
  await tg?.close();
});

const botOf = (channel: string) => ts.rt.adapters.byChannel(channel)!.botId;

/** Ticks the engine and sends every queued message through the real outbound processor. */
async function drain(id: number): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await ts.rt.broadcasts.tick();
    const queued = rowsOf(await ts.rt.db.execute(sql`select x.outbound_id from broadcast_recipients x join broadcast_runs r on r.id = x.run_id where r.broadcast_id = ${id} and x.status = 'queued'`));
    const p = await ts.rt.broadcasts.progress(operator, id);
    if (queued.length === 0 && p.runs.every((r) => r.status !== 'sending' && r.status !== 'due')) return;
    for (const q of queued) await sendLikeTheQueue(ts.rt.deps.outbound, Number(q.outbound_id));
  }
}

/** Posts a signed Zalo OA webhook event and runs the inbound worker's step on it. */
async function oaEvent(body: Record<string, unknown>): Promise<void> {
  const raw = JSON.stringify({ app_id: APP_ID, user_id_by_app: '5512345678901234567', timestamp: String(Date.now()), ...body });
  const parsed = JSON.parse(raw) as { timestamp: string };
  const res = await ts.app.inject({ method: 'POST', url: '/webhooks/zalo-oa', headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloOaMac(APP_ID, raw, parsed.timestamp, OA_SECRET)}` }, payload: raw });
  expect(res.statusCode).toBe(200);
  const [row] = rowsOf(await ts.rt.db.execute(sql`select id from inbound_updates where status = 'received' order by id desc limit 1`));
  await processInbound(ts.rt.deps.inbound, Number(row!.id));
}

describe('a broadcast with a photo and a link button, on every channel', () => {
  it('goes natively per channel, through the approved template outside the Zalo window, and records Zalo receipts', async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600_000);
    await seedResidents(ts.rt.db, 1, { channel: 'telegram', botId: botOf('telegram'), communeId: A, consent: true, prefix: '71' });
    await seedResidents(ts.rt.db, 1, { channel: 'zalo-oa', botId: botOf('zalo-oa'), communeId: A, consent: true, prefix: 'oa-near-' });
    await seedResidents(ts.rt.db, 1, { channel: 'zalo-oa', botId: botOf('zalo-oa'), communeId: A, consent: true, prefix: 'oa-far-', lastSeenAt: tenDaysAgo });
    await seedResidents(ts.rt.db, 1, { channel: 'zalo-bot', botId: botOf('zalo-bot'), communeId: A, consent: true, prefix: 'zb-' });

    const created = await ts.rt.broadcasts.create(operator, 'api', { text: 'Thứ Bảy này tiêm mũi 2 tại trạm y tế phường.', communes: [A], audience: 'residents', imageUrl: IMAGE, button: BUTTON });
    // Outside the 7-day window is not excluded when a template is configured.
    expect(created.preview.exclusions['outside-zalo-window'] ?? 0).toBe(0);
    expect(created.preview.recipients).toBe(4);
    await drain(created.id);

    // Telegram: one sendPhoto by URL, the text as caption, a URL button under it (tracked link).
    const photo = tg.calls('sendPhoto');
    expect(photo).toHaveLength(1);
    expect(tg.calls('sendMessage')).toHaveLength(0);
    expect(photo[0]!.params.photo).toBe(IMAGE);
    expect(String(photo[0]!.params.caption)).toMatch(/tiêm mũi 2[\s\S]*DỪNG/);
    expect(String(photo[0]!.params.caption)).not.toMatch(/👉/);
    const markup = photo[0]!.params.reply_markup as { inline_keyboard: { text: string; url: string }[][] };
    expect(markup.inline_keyboard[0]![0]!.text).toBe('Đăng ký tiêm');
    expect(markup.inline_keyboard[0]![0]!.url).toMatch(/\/b\/\S+$/);

    // Zalo OA inside the window: a consultation message with the image as a media template by URL,
    // the link as a caption line (no documented v3 link buttons).
    const cs = zalo.calls('/v3.0/oa/message/cs');
    expect(cs).toHaveLength(1);
    const message = cs[0]!.params.message as { text: string; attachment: { payload: { template_type: string; elements: { media_type: string; url: string }[] } } };
    expect((cs[0]!.params.recipient as { user_id: string }).user_id).toBe('oa-near-1');
    expect(message.attachment.payload.template_type).toBe('media');
    expect(message.attachment.payload.elements[0]).toEqual({ media_type: 'image', url: IMAGE });
    expect(message.text).toMatch(/tiêm mũi 2[\s\S]*👉 Đăng ký tiêm: http:\/\/\S+\/b\//);

    // Zalo OA outside the window: the approved template, the announcement in its one parameter.
    const tpl = zalo.calls('/v3.0/oa/message/template');
    expect(tpl).toHaveLength(1);
    expect(tpl[0]!.params).toMatchObject({ recipient: { user_id: 'oa-far-1' }, template_id: 'tpl-nhac-tiem-1' });
    expect(String((tpl[0]!.params.template_data as Record<string, string>).noi_dung)).toMatch(/tiêm mũi 2[\s\S]*👉 Đăng ký tiêm/);

    // Zalo Bot: sendPhoto by URL, caption with the link line.
    const zb = zalo.calls('sendPhoto');
    expect(zb).toHaveLength(1);
    expect(zb[0]!.params.photo).toBe(IMAGE);
    expect(String(zb[0]!.params.caption)).toMatch(/tiêm mũi 2[\s\S]*👉 Đăng ký tiêm: http/);

    // Zalo OA receipts: received for the consultation message, seen for the template one.
    const ids = rowsOf(await ts.rt.db.execute(sql`select o.chat_id, o.platform_message_id from outbound_messages o where o.channel = 'zalo-oa' order by o.chat_id`));
    const near = String(ids.find((r) => r.chat_id === 'oa-near-1')!.platform_message_id);
    const far = String(ids.find((r) => r.chat_id === 'oa-far-1')!.platform_message_id);
    await oaEvent({ event_name: 'user_received_message', sender: { id: '999' }, recipient: { id: 'oa-near-1' }, message: { msg_id: near } });
    await oaEvent({ event_name: 'user_seen_message', sender: { id: '999' }, recipient: { id: 'oa-far-1' }, message: { msg_ids: [far, 'not-ours'] } });
    // A receipt is no interaction: the far person's window stays closed.
    const [far1] = rowsOf(await ts.rt.db.execute(sql`select last_seen_at from contacts where chat_id = 'oa-far-1'`));
    expect(new Date(far1!.last_seen_at as string).getTime()).toBe(tenDaysAgo.getTime());

    const [row] = await ts.rt.broadcasts.results(operator, created.id);
    expect(row).toMatchObject({ people: 4, sent: 4, delivered: 2, seen: 1 });
    const csv = await ts.rt.broadcasts.resultsCsv(operator, created.id);
    const [first] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(first).toMatchObject({ 'Đã nhận': '2', 'Đã xem': '1' });
  });
});
