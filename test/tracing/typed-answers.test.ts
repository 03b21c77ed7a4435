import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { zaloOaMac } from '../../bots/zalo-oa/signature.js';
import { openPlaceEvent } from '../../src/tracing/open-place-event.js';
import { sendAlerts } from '../../src/tracing/send-alerts.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { TEST_TELEGRAM_SECRET } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';
import { operator, tracingFixtures } from './tracing-fixtures.js';
import { useAllChannelsService, ZALO } from './all-channels-service.js';

const { oaApp: OA_APP, oaSecret: OA_SECRET, botSecret: BOT_SECRET } = ZALO;
const svc = useAllChannelsService();
const f = tracingFixtures(() => svc.ts.rt);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const iso = (h: number) => hoursAgo(h).toISOString();


/** A resident writing to each platform's webhook, and what that platform's fake received for them. */
let n = 0;
const residents = {
  telegram() {
    const chatId = 7_100_000 + ++n;
    return {
      channel: 'telegram', chatId: String(chatId),
      say: (text: string) => svc.ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET }, payload: textUpdate(text, chatId) as object }),
      got: () => svc.telegram.delivered().filter((c) => String(c.params.chat_id) === String(chatId)).map((c) => `${String(c.params.text)} ${JSON.stringify(c.params.reply_markup ?? '')}`),
    };
  },
  zaloOa() {
    const user = `81234567890123${String(++n).padStart(5, '0')}`;
    return {
      channel: 'zalo-oa', chatId: user,
      say: (text: string) => {
        const raw = JSON.stringify({ app_id: OA_APP, user_id_by_app: '55', event_name: 'user_send_text', timestamp: String(Date.now()), sender: { id: user }, recipient: { id: '999' }, message: { text, msg_id: `m${++n}` } });
        const body = JSON.parse(raw) as { timestamp: string };
        return svc.ts.app.inject({ method: 'POST', url: '/webhooks/zalo-oa', headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${zaloOaMac(OA_APP, raw, body.timestamp, OA_SECRET)}` }, payload: raw });
      },
      got: () => svc.zalo.calls('/v3.0/oa/message/cs').filter((c) => JSON.stringify(c.params).includes(user)).map((c) => JSON.stringify(c.params)),
    };
  },
  zaloBot() {
    const chat = `b0c1d2e3f4${String(++n).padStart(6, '0')}`;
    return {
      channel: 'zalo-bot', chatId: chat,
      say: (text: string) =>
        svc.ts.app.inject({
          method: 'POST', url: '/webhooks/zalo-bot', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': BOT_SECRET },
          payload: { event_name: 'message.text.received', message: { message_id: `m${++n}`, date: Date.now(), from: { id: chat, display_name: 'Chị Hoa', is_bot: false }, chat: { id: chat, chat_type: 'PRIVATE' }, text } },
        }),
      got: () => svc.zalo.calls('sendMessage').filter((c) => String(c.params.chat_id) === chat).map((c) => JSON.stringify(c.params)),
    };
  },
};
type Resident = ReturnType<(typeof residents)['telegram']>;

/** Says something and waits for the next message the platform received for this resident. */
async function ask(r: Resident, text: string): Promise<string> {
  const before = r.got().length;
  expect((await r.say(text)).statusCode).toBe(200);
  return waitFor(() => (r.got().length > before ? r.got().slice(before).join('\n') : null), `a reply to "${text}" on ${r.channel}`);
}

async function contactOf(r: Resident): Promise<number> {
  const rows = (await svc.ts.rt.db.execute(sql`select id from contacts where channel = ${r.channel} and chat_id = ${r.chatId}`)) as unknown as { id: number | string }[];
  return Number(rows[0]!.id);
}

const alertRows = async (eventId: number) =>
  (await svc.ts.rt.db.execute(sql`select contact_id, dependent_id, acknowledged_at is not null as ack, symptoms_at is not null as sym from exposure_alerts where event_id = ${eventId} order by id`)) as unknown as { contact_id: string | number; dependent_id: string | number | null; ack: boolean; sym: boolean }[];

describe('answering an alert by typing', () => {
  it('"đã nhận" / "da nhan" acknowledge and "tôi có triệu chứng" reports symptoms on Telegram, Zalo OA and Zalo Bot', async () => {
    const onTelegram = residents.telegram();
    const onOa = residents.zaloOa();
    const onBot = residents.zaloBot();
    const numbered = residents.zaloOa(); // answers with the number of the choice, as Zalo OA shows them
    const bystander = residents.telegram();
    for (const r of [onTelegram, onOa, onBot, numbered, bystander]) await ask(r, 'xin chào');
    const market = await f.venue('Chợ Sa Huỳnh', 'market');
    for (const r of [onTelegram, onOa, onBot, numbered]) await f.visit(await contactOf(r), market, iso(5), iso(4.5));

    // Before any alert the words are not an answer: nothing is acknowledged for the bystander.
    expect(await ask(bystander, 'đã nhận')).not.toContain('Cảm ơn bạn đã xác nhận');

    const { eventId } = await openPlaceEvent(svc.ts.rt.tracing, operator, { venue: `#${market.id}`, windows: [{ from: hoursAgo(6), to: hoursAgo(4) }] });
    expect(await sendAlerts(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ alerted: 4 });
    const telegramAlert = await waitFor(() => onTelegram.got().find((m) => m.includes('THÔNG BÁO')) ?? null, 'the Telegram alert');
    expect(telegramAlert).toMatch(/tv:ack:\d+/); // the alert's own id went into the button, no placeholder left
    expect(telegramAlert).not.toContain('{{key}}');
    await waitFor(() => onOa.got().find((m) => m.includes('THÔNG BÁO')) ?? null, 'the Zalo OA alert');
    await waitFor(() => onBot.got().find((m) => m.includes('THÔNG BÁO')) ?? null, 'the Zalo Bot alert');
    expect(await waitFor(() => numbered.got().find((m) => m.includes('THÔNG BÁO')) ?? null, 'the numbered Zalo OA alert')).toMatch(/1\. Đã nhận.*2\. Tôi có triệu chứng/);
    expect(await ask(numbered, '1')).toContain('Cảm ơn bạn đã xác nhận');

    expect(await ask(onTelegram, 'ok đã nhận')).toContain('Cảm ơn bạn đã xác nhận');
    expect(await ask(onOa, 'da nhan')).toContain('Cảm ơn bạn đã xác nhận');
    expect(await ask(onTelegram, 'Đã nhận ạ')).toContain('đã xác nhận tin này rồi');
    expect(await ask(onBot, 'co trieu chung')).toContain('Đã báo cán bộ y tế');
    expect(await ask(onOa, 'Tôi có triệu chứng sốt, ho')).toContain('Đã báo cán bộ y tế');
    expect(await ask(onBot, 'tôi có triệu chứng')).toContain('đã báo có triệu chứng rồi');

    const rows = await alertRows(eventId);
    const byContact = new Map(rows.map((r) => [Number(r.contact_id), r]));
    expect(byContact.get(await contactOf(onTelegram))).toMatchObject({ ack: true, sym: false });
    expect(byContact.get(await contactOf(onOa))).toMatchObject({ ack: true, sym: true });
    expect(byContact.get(await contactOf(onBot))).toMatchObject({ ack: true, sym: true }); // symptoms imply it was read
    expect(byContact.get(await contactOf(numbered))).toMatchObject({ ack: true, sym: false });
    const urgent = (await svc.ts.rt.db.execute(sql`select count(*)::int as n from resident_questions where text like ${`[KHẨN]%#${eventId}%`}`)) as unknown as { n: number }[];
    expect(urgent[0]!.n).toBe(2);
  });

  it('asks who has symptoms when the resident and a family member they check in were both alerted', async () => {
    const mother = residents.telegram();
    await ask(mother, 'xin chào');
    const id = await contactOf(mother);
    const child = await f.dependent(id, 'Lê Thị Mai');
    const school = await f.venue('Trường Tiểu học Phổ Minh', 'school');
    await f.visit(id, school, iso(3), iso(2.5));
    await f.visit(id, school, iso(3), iso(2.5), child);
    const { eventId } = await openPlaceEvent(svc.ts.rt.tracing, operator, { venue: `#${school.id}`, windows: [{ from: hoursAgo(4), to: hoursAgo(2) }] });
    expect(await sendAlerts(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ alerted: 2 });
    await waitFor(() => (mother.got().filter((m) => m.includes('THÔNG BÁO')).length === 2 ? true : null), 'both alerts');

    const question = await ask(mother, 'có triệu chứng');
    expect(question).toContain('Ai đang có triệu chứng?');
    expect(question).toContain('Lê Thị Mai');
    expect(question).toContain('"Tôi"');
    expect((await alertRows(eventId)).every((r) => !r.sym)).toBe(true);
    expect(await ask(mother, 'ok da nhan')).toContain('Cảm ơn bạn đã xác nhận');
    expect((await alertRows(eventId)).map((r) => r.ack)).toEqual([true, true]);
  });
});
