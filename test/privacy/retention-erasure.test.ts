import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionRepo } from '../../src/db/repos/retention-repo.js';
import { QuestionRepo } from '../../src/db/repos/question-repo.js';
import { contacts } from '../../src/db/schema/contacts.js';
import { residentQuestions } from '../../src/db/schema/questions.js';
import { broadcastRecipients, broadcastRuns, broadcasts, consentEvents, residentHomes } from '../../src/db/schema/broadcasts.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { mirrorOutbound } from '../../src/broadcasts/engine.js';
import { exposureAlerts, exposureEvents, tracingShareCodes } from '../../src/db/schema/tracing.js';
import { runRetention } from '../../src/privacy/retention.js';
import { retentionOptions } from '../../src/service.js';
import { startTestService, type TestService } from '../harness/service.js';
import { choicesOf, SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true, env: { VISIT_RETENTION_DAYS: '14', QUESTION_RETENTION_DAYS: '10' } });
});
afterAll(async () => {
  await ts?.stop();
});

async function venue(name: string) {
  const { domain, service } = ts.rt.venues;
  return service.register({ name, typeId: 'shop', communeId: domain.searchCommunes('pho minh')[0]!.id, address: 'Thôn 2', phone: '0912345678' });
}

/** Rows of a table whose JSON text mentions `needle`. */
async function mentions(table: 'inbound_updates' | 'outbound_messages' | 'simulator_messages', column: 'payload' | 'part', needle: string): Promise<number> {
  const rows = await ts.rt.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text like ${'%' + needle + '%'}`);
  return Number((rows as unknown as { n: number }[])[0]?.n ?? (rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n);
}

describe('data expires', () => {
  it('quotes the configured retention, and reduces raw updates, sent bodies, simulator chats and abandoned forms', async () => {
    const shop = await venue('Nhà thuốc An Tâm');
    const resident = new SimChat(ts, 'resident');
    expect(textOf(await resident.send(shop.code.manualCode))).toContain('Nhà thuốc An Tâm');
    // A processed update keeps only its dedupe key: what the person typed is gone at once.
    expect(await mentions('inbound_updates', 'payload', shop.code.manualCode)).toBe(0);
    expect(textOf(await resident.send('lịch sử'))).toContain('tự xóa sau 14 ngày');
    // A registration form abandoned half-way (after consent), with a CCCD in it.
    await resident.send('/dangkytiem');
    await resident.send({ choice: 'rg:agree' });
    for (const answer of [{ choice: 'rg:who:self' }, 'Lê Thị Năm', '2/2/1962', 'nữ', '0905111222', '051162000777']) await resident.send(answer);
    const forms = await ts.rt.db.execute(sql`select count(*)::int as n from conversation_states where state::text like '%051162000777%'`);
    expect(Number((forms as unknown as { n: number }[])[0]?.n)).toBe(1);
    expect(await mentions('outbound_messages', 'part', 'An Tâm')).toBeGreaterThan(0);

    const later = new Date(Date.now() + 4 * 24 * 3600_000);
    const result = await runRetention(new RetentionRepo(ts.rt.db), later, retentionOptions(ts.rt));
    expect(result.simulatorChatsExpired).toBeGreaterThan(0);
    for (const [table, column] of [['inbound_updates', 'payload'], ['outbound_messages', 'part'], ['simulator_messages', 'part']] as const) {
      expect(await mentions(table, column, 'An Tâm'), table).toBe(0);
    }
    const states = await ts.rt.db.execute(sql`select count(*)::int as n from conversation_states`);
    expect(Number((states as unknown as { n: number }[])[0]?.n)).toBe(0);
  });

  it("deletes residents' questions QUESTION_RETENTION_DAYS after the answer, or after being asked when never answered", async () => {
    const now = Date.now();
    const day = 24 * 3600_000;
    const [asker] = await ts.rt.db.insert(contacts).values({ channel: 'telegram', botId: 'b1', chatId: `q${now}`, userId: `q${now}` }).returning();
    const questions = new QuestionRepo(ts.rt.db);
    const commune = ts.rt.venues.domain.searchCommunes('pho minh')[0]!.id;
    const ask = async (text: string, askedDaysAgo: number, answeredDaysAgo?: number) => {
      const q = await questions.add({ contactId: asker!.id, text, topTopics: [] });
      await ts.rt.db.update(residentQuestions).set({ createdAt: new Date(now - askedDaysAgo * day) }).where(eq(residentQuestions.id, q.id));
      if (answeredDaysAgo !== undefined) {
        await questions.forward(q.id, asker!.id, commune);
        await questions.answer(q.id, null, 'Chị mang CCCD đến trạm y tế nhé.', new Date(now - answeredDaysAgo * day));
      }
      return q.id;
    };
    const oldAnswered = await ask('Số 0905333444 của tôi đăng ký được chưa?', 40, 11);
    const lateAnswer = await ask('Con tôi 15 tuổi tiêm được không?', 40, 3);
    const oldOpen = await ask('Tiêm mũi 3 ở đâu?', 11);
    const freshOpen = await ask('Trạm y tế mở cửa mấy giờ?', 2);

    // QUESTION_RETENTION_DAYS=10 in this file's configuration: the maintenance job's options come from it.
    const result = await runRetention(new RetentionRepo(ts.rt.db), new Date(now), retentionOptions(ts.rt));
    expect(result.questionsExpired).toBe(2);
    const left = (await ts.rt.db.select({ id: residentQuestions.id }).from(residentQuestions).where(eq(residentQuestions.contactId, asker!.id))).map((r) => r.id);
    expect(left.sort()).toEqual([lateAnswer, freshOpen].sort());
    expect(left).not.toContain(oldAnswered);
    expect(left).not.toContain(oldOpen);
  });
});

describe('"XÓA DỮ LIỆU"', () => {
  it('asks first, then erases the person and their family in every linked chat', async () => {
    const shop = await venue('Tiệm vàng Kim Hoa');
    const first = new SimChat(ts, 'resident');
    const second = new SimChat(ts, 'owner');
    await first.send(shop.code.manualCode);
    const code = /LIÊN KẾT (\d{6})/.exec(textOf(await first.send('liên kết')))![1]!;
    await second.send(`liên kết ${code}`);
    await first.replies();
    expect(textOf(await first.send({ choice: 'link:ok' }))).toMatch(/Đã liên kết/);
    await second.replies();
    expect(textOf(await second.send('lịch sử'))).toContain('Kim Hoa');

    const ask = await second.send('xoá dữ liệu');
    expect(textOf(ask)).toMatch(/không hoàn tác được[\s\S]*chắc chắn/);
    expect(textOf(await second.send({ choice: 'erase:no' }))).toMatch(/Không xóa gì/);
    expect(textOf(await second.send('lịch sử'))).toContain('Kim Hoa');

    await second.send('XÓA DỮ LIỆU');
    const done = textOf(await second.send({ choice: choicesOf(ask).find((c) => c.label === 'Xóa hết')!.data }));
    expect(done).toMatch(/Đã xóa dữ liệu của bạn: 1 lượt khai báo/);
    expect(textOf(await second.send('lịch sử'))).not.toContain('Kim Hoa');
    expect(textOf(await first.send('lịch sử'))).not.toContain('Kim Hoa');
    expect(await mentions('simulator_messages', 'part', 'Kim Hoa')).toBe(0);
    expect(await mentions('outbound_messages', 'part', 'Kim Hoa')).toBe(0);
  });

  it('also erases their home commune, consent records, exposure alerts (with symptoms) and share codes, even in the chat that asked', async () => {
    const shop = await venue('Quán cơm Bà Sáu');
    const chat = new SimChat(ts, 'resident');
    await chat.send(shop.code.manualCode);
    const [me] = await ts.rt.db.select().from(contacts).where(sql`${contacts.chatId} like ${'%' + chat.session + '%'}`);
    const person = me!.linkedTo ?? me!.id;
    const commune = ts.rt.venues.domain.searchCommunes('pho minh')[0]!.id;
    await ts.rt.db.insert(residentHomes).values({ personId: person, communeId: commune, source: 'chat' });
    await ts.rt.db.insert(consentEvents).values({ personId: person, purpose: 'announcements', given: true, channel: me!.channel, botId: me!.botId, chatId: me!.chatId, textShown: 'Đồng ý nhận thông báo', textVersion: 'v1' });
    const [event] = await ts.rt.db.insert(exposureEvents).values({ kind: 'person', communeId: commune, caseContactId: person, tailMinutes: 30 }).returning();
    await ts.rt.db.insert(exposureAlerts).values({ eventId: event!.id, contactId: person, personKey: `c${person}`, status: 'queued', templateVersion: 1, symptomsAt: new Date() });
    await ts.rt.db.insert(tracingShareCodes).values({ codeHash: `h${person}`, contactId: person, expiresAt: new Date(Date.now() + 3600_000) });

    const ask = await chat.send('xóa dữ liệu');
    expect(textOf(await chat.send({ choice: choicesOf(ask).find((c) => c.label === 'Xóa hết')!.data }))).toMatch(/Đã xóa dữ liệu/);
    const left = async (table: string, column: string) => {
      const rows = await ts.rt.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${person}`);
      return Number((rows as unknown as { n: number }[])[0]?.n);
    };
    expect(await left('resident_homes', 'person_id')).toBe(0);
    expect(await left('consent_events', 'person_id')).toBe(0);
    expect(await left('exposure_alerts', 'contact_id')).toBe(0);
    expect(await left('tracing_share_codes', 'contact_id')).toBe(0);
    expect(await left('exposure_events', 'case_contact_id')).toBe(0);
  });

  it('stops broadcasts not yet sent to them: a row not handed over is cancelled, a waiting message ends, and no row keeps their chat', async () => {
    const chat = new SimChat(ts, 'resident');
    await chat.send('xin chào');
    const [me] = await ts.rt.db.select().from(contacts).where(sql`${contacts.chatId} like ${'%' + chat.session + '%'}`);
    const person = me!.linkedTo ?? me!.id;
    const commune = ts.rt.venues.domain.searchCommunes('pho minh')[0]!.id;
    const to = { channel: me!.channel, botId: me!.botId, chatId: me!.chatId };
    // Paused, so the running engine leaves the run alone; the waiting message is due later.
    const [b] = await ts.rt.db.insert(broadcasts).values({ text: 'Nhắc tiêm mũi 3', communeIds: [commune], audience: 'residents', schedule: { kind: 'now' }, status: 'paused' }).returning();
    const runs = await ts.rt.db.insert(broadcastRuns).values([{ broadcastId: b!.id, dueAt: new Date(Date.now() - 60_000), status: 'sending' }, { broadcastId: b!.id, dueAt: new Date(), status: 'sending' }]).returning();
    const [waiting] = await ts.rt.db.insert(outboundMessages).values({ ...to, part: { type: 'text', text: 'Nhắc tiêm mũi 3' }, priority: 'bulk', dueAt: new Date(Date.now() + 3600_000) }).returning();
    await ts.rt.db.insert(broadcastRecipients).values([
      { runId: runs[0]!.id, personId: person, communeId: commune, ...to, status: 'pending' },
      { runId: runs[1]!.id, personId: person, communeId: commune, ...to, status: 'queued', outboundId: waiting!.id },
    ]);

    const ask = await chat.send('xóa dữ liệu');
    expect(textOf(await chat.send({ choice: choicesOf(ask).find((c) => c.label === 'Xóa hết')!.data }))).toMatch(/Đã xóa dữ liệu/);
    await mirrorOutbound(ts.rt.db);
    const rows = await ts.rt.db.select().from(broadcastRecipients).where(sql`${broadcastRecipients.personId} = ${person}`).orderBy(broadcastRecipients.runId);
    expect(rows.map((r) => [r.status, r.reason, r.chatId])).toEqual([
      ['cancelled', 'erased', null],
      ['expired', 'erased', null],
    ]);
    const [message] = await ts.rt.db.select().from(outboundMessages).where(sql`${outboundMessages.id} = ${waiting!.id}`);
    expect(message!.status).toBe('expired');
  });
});
