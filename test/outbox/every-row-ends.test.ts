import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { outboxWorkers } from '../../src/db/schema/outbox-workers.js';
import type { OutboxMessage } from '../../src/outbox/types.js';
import { processOutbound } from '../../src/pipeline/outbound-processor.js';
import { DEFAULT_LIFETIME_MS, PRIORITY_CLASSES } from '../../src/outbox/types.js';
import { processReminder } from '../../src/registration/reminders.js';
import { useTelegramService } from '../harness/telegram-service.js';
import { sendLikeTheQueue } from '../harness/broadcasts.js';
import { sleep, waitFor } from '../harness/wait.js';

const tg = useTelegramService();
let nextChat = 810_000;
const chat = () => ({ channel: 'telegram', botId: tg.ts.rt.telegram!.botId, chatId: String(nextChat++) });

async function add(messages: OutboxMessage[], enqueue = true) {
  const { rt } = tg.ts;
  const receipt = await rt.db.transaction(async (tx) => rt.outbox.add(tx as unknown as Db, messages));
  if (enqueue) await rt.outbox.afterCommit(receipt);
  return receipt.ids;
}
const rowsOf = (ids: readonly number[]) => tg.ts.rt.db.select().from(outboundMessages).where(inArray(outboundMessages.id, [...ids])).orderBy(outboundMessages.id);
const deliveredTo = (chatId: string) => tg.fake.delivered().filter((c) => String(c.params.chat_id) === chatId);
const text = (t: string) => [{ type: 'text' as const, text: t }];

describe('every ledger row ends', () => {
  it('a send that fails on its last attempt becomes failed with its reason, and the chat is not frozen', async () => {
    const to = chat();
    const [first] = await add([{ to, priority: 'reply', parts: text('Lần một') }], false);
    tg.fake.failNext('sendMessage', 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    expect(await sendLikeTheQueue(tg.ts.rt.deps.outbound, first!, 20, { final: true })).toEqual({ kind: 'done', status: 'failed' });
    const [row] = await rowsOf([first!]);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error).toMatch(/retries exhausted/);
    const [second] = await add([{ to, priority: 'reply', parts: text('Lần hai') }]);
    await waitFor(async () => (await rowsOf([second!]))[0]!.status === 'sent', 'the next message of the chat sent');
  });

  it('a message older than its class allows becomes expired instead of going out late', async () => {
    const to = chat();
    const [old] = await add([{ to, priority: 'reply', parts: text('Quá hạn'), expiresAt: new Date(Date.now() - 1000) }]);
    await waitFor(async () => (await rowsOf([old!]))[0]!.status === 'expired', 'the stale reply expired');
    expect((await rowsOf([old!]))[0]!.error).toMatch(/older than a reply/);
    expect(deliveredTo(to.chatId)).toHaveLength(0);
  });

  it('each class lives as long as it allows: a reply an hour, an alert three days, a reminder until its appointment', async () => {
    const later = new Date(Date.now() + 3600_000);
    const ids = await add(PRIORITY_CLASSES.map((priority) => ({ to: chat(), priority, parts: text(`Lớp ${priority}`), notBefore: later })), false);
    const rows = await rowsOf(ids);
    for (const r of rows) expect(r.expiresAt!.getTime() - later.getTime()).toBe(DEFAULT_LIFETIME_MS[r.priority as keyof typeof DEFAULT_LIFETIME_MS]);
    await tg.ts.rt.db.update(outboundMessages).set({ status: 'expired' }).where(inArray(outboundMessages.id, ids));

    // A reminder is written to expire at its appointment, and one still unsent then becomes expired.
    const { rt } = tg.ts;
    const to = chat();
    const contact = await rt.repos.contacts.upsertFromEvent({ channel: 'telegram', botId: to.botId, chatId: to.chatId, userId: to.chatId, at: new Date(), body: { type: 'text', text: 'x' } });
    const reg = await rt.registrations.repo.create({ contactId: contact.id, fullName: 'Đỗ Thị Chín', birthDate: '1962-01-01', phone: '0905123459', idKind: 'cccd', idNumber: '051162000126', communeId: 'duc-pho/pho-minh', address: 'Thôn 3', preferredDate: '2021-09-15' });
    const noonVn = new Date(Date.UTC(2030, 0, 10, 5)); // 12:00 in Vietnam: not the quiet hours
    const appointment = new Date(noonVn.getTime() + 3 * 3600_000);
    const [appointed] = await rt.registrations.repo.appoint([reg.id], appointment, 'Trạm y tế');
    const ports = { ...rt.registrations.ports, now: () => noonVn, outbox: { add: rt.outbox.add.bind(rt.outbox), afterCommit: async () => undefined } };
    expect(await processReminder(ports, { registrationId: reg.id, version: appointed!.appointmentVersion, kind: 'two-hours' })).toBe('sent');
    const [reminder] = await tg.ts.rt.db.select().from(outboundMessages).where(eq(outboundMessages.chatId, to.chatId));
    expect(reminder).toMatchObject({ priority: 'reminder', status: 'pending' });
    expect(reminder!.expiresAt!.getTime()).toBe(appointment.getTime());
    await tg.ts.rt.db.update(outboundMessages).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(outboundMessages.id, reminder!.id));
    expect(await processOutbound(rt.deps.outbound, reminder!.id)).toEqual({ kind: 'done', status: 'expired' });
    expect((await rowsOf([reminder!.id]))[0]!.error).toMatch(/older than a reminder/);
    expect(deliveredTo(to.chatId)).toHaveLength(0);
  });

});

describe('a crashed worker', () => {
  /** A row claimed by a worker that stopped heartbeating `secondsAgo` seconds ago. */
  async function claimedByDeadWorker(priority: 'reply' | 'alert') {
    const { rt } = tg.ts;
    const to = chat();
    const [id] = await add([{ to, priority, parts: text(`Đang gửi ${priority}`) }], false);
    await rt.db.insert(outboxWorkers).values({ id: `dead-${id}`, heartbeatAt: new Date(Date.now() - 60_000) });
    await rt.db.update(outboundMessages).set({ status: 'sending', claimedBy: `dead-${id}`, claimedAt: new Date(Date.now() - 2000), leaseUntil: new Date(Date.now() + 30_000) }).where(eq(outboundMessages.id, id!));
    return { id: id!, to };
  }

  it('leaves a reply uncertain within seconds (at most once) and lets the chat go on', async () => {
    const { id, to } = await claimedByDeadWorker('reply');
    const started = Date.now();
    const [next] = await add([{ to, priority: 'reply', parts: text('Tin sau') }]);
    await waitFor(async () => (await rowsOf([next!]))[0]!.status === 'sent', 'the next reply of the chat sent', 15_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    const [row] = await rowsOf([id]);
    expect(row!.status).toBe('uncertain');
    expect(row!.error).toMatch(/stopped during the platform call/);
    expect(deliveredTo(to.chatId).map((c) => c.params.text)).toEqual(['Tin sau']);
  });

  it('sends an alert again (at least once)', async () => {
    const { id, to } = await claimedByDeadWorker('alert');
    await tg.ts.rt.outbox.afterCommit({ ids: [id], skipped: 0 });
    await waitFor(async () => (await rowsOf([id]))[0]!.status === 'sent', 'the alert resent', 20_000);
    expect(deliveredTo(to.chatId).map((c) => c.params.text)).toEqual(['Đang gửi alert']);
  });
});

// Last: it pauses the bot for a minute.
describe('a rejected bot token', () => {
  it('pauses the bot and shows it degraded on /readyz, without failing the message', async () => {
    const to = chat();
    tg.fake.failNext('sendMessage', 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const [id] = await add([{ to, priority: 'reply', parts: text('Token bị từ chối') }]);
    await waitFor(async () => ((await tg.ts.app.inject({ url: '/readyz' })).json() as { bots: { status: string }[] }).bots.some((b) => b.status === 'degraded'), '/readyz shows the bot degraded');
    await sleep(500);
    const [row] = await rowsOf([id!]);
    expect(row!.status).toBe('pending');
    expect(row!.error).toMatch(/token rejected/);
    // Another message of the same bot waits too: the bot is paused, not each message failed.
    const [later] = await add([{ to: chat(), priority: 'reply', parts: text('Chờ') }]);
    await sleep(1000);
    expect((await rowsOf([later!]))[0]!.status).toBe('pending');
    await tg.ts.rt.db.update(outboundMessages).set({ status: 'expired' }).where(inArray(outboundMessages.id, [id!, later!]));
  });
});
