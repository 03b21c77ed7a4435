import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { registrations } from '../../src/db/schema/registrations.js';
import { exportContacts, followUp } from '../../src/tracing/follow-up.js';
import { extendEvent, openPlaceEvent } from '../../src/tracing/open-place-event.js';
import { previewEvent } from '../../src/tracing/preview-event.js';
import { approveEvent, sendAlerts } from '../../src/tracing/send-alerts.js';
import type { Caller } from '../../src/tracing/ports.js';
import { waitFor } from '../harness/wait.js';
import { operator, tracingFixtures } from './tracing-fixtures.js';
import { useAllChannelsService } from './all-channels-service.js';

const svc = useAllChannelsService();
const f = tracingFixtures(() => svc.ts.rt);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const iso = (h: number) => hoursAgo(h).toISOString();


const bot = (channel: string) => svc.ts.rt.adapters.byChannel(channel)!.botId;
const person = (channel: 'telegram' | 'zalo-oa' | 'zalo-bot', extra: { unreachable?: boolean; name?: string } = {}) => f.person({ channel, botId: bot(channel), ...extra });
const telegramTexts = (chatId: string) => svc.telegram.delivered().filter((c) => String(c.params.chat_id) === chatId).map((c) => c.params);
const chatOf = async (id: number) => String(((await svc.ts.rt.db.execute(sql`select chat_id from contacts where id = ${id}`)) as unknown as { chat_id: string }[])[0]!.chat_id);

describe('sending exposure alerts', () => {
  it('alerts each person once on Telegram (buttons), Zalo OA (numbered) and Zalo Bot, names family members to their guardian, and tells the owner', async () => {
    const owner = await person('telegram', { name: 'Chủ chợ' });
    const market = await f.venue('Chợ Phổ Minh', 'market', 'duc-pho/pho-minh', owner);
    const onTelegram = await person('telegram');
    const mother = await person('telegram');
    const child = await f.dependent(mother, 'Nguyễn Văn Bé');
    const onZaloOa = await person('zalo-oa');
    const onZaloBot = await person('zalo-bot');
    const blocked = await person('telegram', { unreachable: true });
    for (const p of [onTelegram, mother, onZaloOa, onZaloBot, blocked]) await f.visit(p, market, iso(5), iso(4.5));
    await f.visit(mother, market, iso(5), iso(4.5), child);

    const { eventId } = await openPlaceEvent(svc.ts.rt.tracing, operator, { venue: market.manualCode, windows: [{ from: hoursAgo(6), to: hoursAgo(4) }] });
    const preview = await previewEvent(svc.ts.rt.tracing, operator, eventId);
    expect(preview).toMatchObject({ people: 6, newPeople: 6, familyMembers: 1, byChannel: { telegram: 3, 'zalo-oa': 1, 'zalo-bot': 1 }, unreachable: 1, unreachableBy: { blocked: 1 }, needsApproval: false });
    expect(svc.telegram.delivered()).toHaveLength(0); // a preview sends nothing

    expect(await sendAlerts(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ eventId, alerted: 5, unreachable: 1 });
    const motherChat = await chatOf(mother);
    const toMother = await waitFor(() => (telegramTexts(motherChat).length === 2 ? telegramTexts(motherChat) : null), 'two alerts to the guardian');
    expect(toMother.map((p) => String(p.text)).some((t) => t.includes('Người thân của bạn (Nguyễn Văn Bé)'))).toBe(true);
    expect(JSON.stringify(toMother[0]!.reply_markup)).toContain('Đã nhận');
    expect(JSON.stringify(toMother[0]!.reply_markup)).toContain('Tôi có triệu chứng');
    expect(String(toMother[0]!.text)).toContain('Chợ Phổ Minh');
    const oa = await waitFor(() => svc.zalo.calls('/v3.0/oa/message/cs').find((c) => JSON.stringify(c.params).includes('THÔNG BÁO')), 'the Zalo OA alert');
    expect(JSON.stringify(oa.params)).toMatch(/1\. Đã nhận.*2\. Tôi có triệu chứng/);
    const zb = await waitFor(() => svc.zalo.calls('sendMessage').find((c) => JSON.stringify(c.params).includes('THÔNG BÁO')), 'the Zalo Bot alert');
    expect(JSON.stringify(zb.params)).toContain('Đã nhận');
    const ownerMsgs = await waitFor(async () => { const m = telegramTexts(await chatOf(owner)); return m.length ? m : null; }, 'the owner notice');
    await waitFor(async () => telegramTexts(await chatOf(onTelegram)).length === 1, 'the Telegram alert');
    expect(String(ownerMsgs[0]!.text)).toContain('vệ sinh');

    // A re-run alerts nobody again; an extension alerts only people not alerted yet.
    expect(await sendAlerts(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ alerted: 0, unreachable: 0 });
    const shop = await f.venue('Tạp hóa Cô Ba', 'shop');
    const newcomer = await person('telegram');
    await f.visit(newcomer, shop, iso(3), iso(2.9));
    await f.visit(onTelegram, shop, iso(3), iso(2.9));
    await extendEvent(svc.ts.rt.tracing, operator, eventId, { venue: `#${shop.id}`, windows: [{ from: hoursAgo(3.5), to: hoursAgo(2.5) }] });
    expect(await previewEvent(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ people: 7, newPeople: 1 });
    expect(await sendAlerts(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ alerted: 1 });
    await waitFor(async () => telegramTexts(await chatOf(newcomer)).length === 1, 'the newcomer alert');
    expect(telegramTexts(await chatOf(onTelegram))).toHaveLength(1);

    await waitFor(async () => (await followUp(svc.ts.rt.tracing, operator, eventId)).delivered === 6, 'delivered counts');
    expect(await followUp(svc.ts.rt.tracing, operator, eventId)).toMatchObject({ people: 7, sent: 6, delivered: 6, acknowledged: 0, symptoms: 0, unreachable: 1 });
  });

  it('sends at night too (a confirmed alert is never held for the quiet hours)', async () => {
    const market = await f.venue('Chợ đêm Sa Huỳnh');
    const someone = await person('telegram');
    await f.visit(someone, market, iso(2), iso(1.5));
    const night = { ...svc.ts.rt.tracing, now: () => new Date('2026-12-01T16:30:00Z') }; // 23:30 in Vietnam
    const { eventId } = await openPlaceEvent(svc.ts.rt.tracing, operator, { venue: `#${market.id}`, windows: [{ from: hoursAgo(3), to: hoursAgo(1) }] });
    expect(await sendAlerts(night, operator, eventId)).toMatchObject({ alerted: 1 });
    const rows = (await svc.ts.rt.db.execute(sql`select due_at, priority from outbound_messages where dedupe_kind = 'tracing.alert' and chat_id = ${await chatOf(someone)}`)) as unknown as { due_at: unknown; priority: string }[];
    expect(rows).toEqual([{ due_at: null, priority: 'alert' }]);
  });

  it('needs a district admin to approve an event above the threshold', async () => {
    const small = { ...svc.ts.rt.tracing, settings: { ...svc.ts.rt.tracing.settings, approvalThreshold: 2 } };
    const market = await f.venue('Chợ Phổ Văn');
    for (let i = 0; i < 3; i++) await f.visit(await person('zalo-bot'), market, iso(2), iso(1.5));
    const { eventId } = await openPlaceEvent(small, operator, { venue: `#${market.id}`, windows: [{ from: hoursAgo(3), to: hoursAgo(1) }] });
    expect(await previewEvent(small, operator, eventId)).toMatchObject({ people: 3, needsApproval: true });
    await expect(sendAlerts(small, operator, eventId)).rejects.toMatchObject({ code: 'approval_required' });
    const commune: Caller = { official: { id: 7, role: 'official', communeIds: ['duc-pho/pho-minh'], displayName: null }, via: 'api' };
    await expect(approveEvent(small, commune, eventId)).rejects.toMatchObject({ code: 'forbidden' });
    const admin: Caller = { official: { id: 8, role: 'admin', communeIds: ['duc-pho/pho-minh'], displayName: null }, via: 'api' };
    expect(await approveEvent(small, admin, eventId)).toEqual({ eventId, approvedFor: 3 });
    expect(await sendAlerts(small, commune, eventId)).toMatchObject({ alerted: 3 });
  });

  it('keeps another commune out: no preview, follow-up, export or venue of theirs', async () => {
    const market = await f.venue('Chợ Bình Châu', 'market', 'binh-son/binh-chau');
    const { eventId } = await openPlaceEvent(svc.ts.rt.tracing, operator, { venue: `#${market.id}`, windows: [{ from: hoursAgo(3), to: hoursAgo(1) }] });
    const outsider: Caller = { official: { id: 9, role: 'official', communeIds: ['duc-pho/pho-minh'], displayName: null }, via: 'api' };
    for (const call of [previewEvent, followUp, exportContacts, sendAlerts]) await expect(call(svc.ts.rt.tracing, outsider, eventId)).rejects.toMatchObject({ code: 'event_not_found', statusCode: 404 });
    await expect(openPlaceEvent(svc.ts.rt.tracing, outsider, { venue: `#${market.id}`, windows: [{ from: hoursAgo(3), to: hoursAgo(1) }] })).rejects.toMatchObject({ code: 'venue_not_found' });
    await expect(openPlaceEvent(svc.ts.rt.tracing, outsider, { venue: market.manualCode, windows: [{ from: hoursAgo(3), to: hoursAgo(1) }] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('exports the contact list as CSV for Excel: BOM, formula-safe names, phone and ID kept as text', async () => {
    const market = await f.venue('Chợ Trà Câu');
    const someone = await person('telegram', { name: '=HYPERLINK("http://x")' });
    await svc.ts.rt.db.insert(registrations).values({ contactId: someone, relation: 'self', fullName: 'Lê Văn A', phone: '0905123456', idNumber: '051090001234', communeId: 'duc-pho/pho-minh' });
    await f.visit(someone, market, iso(2), iso(1.5));
    const { eventId } = await openPlaceEvent(svc.ts.rt.tracing, operator, { venue: `#${market.id}`, windows: [{ from: hoursAgo(3), to: hoursAgo(1) }] });
    await sendAlerts(svc.ts.rt.tracing, operator, eventId);
    const { csv, rows } = await exportContacts(svc.ts.rt.tracing, operator, eventId);
    expect(rows).toBe(1);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const line = csv.split('\r\n')[1]!;
    expect(line).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(line).toContain('"=""0905123456"""');
    expect(line).toContain('"=""051090001234"""');
  });
});
