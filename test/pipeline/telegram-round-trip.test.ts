import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../src/db/schema/contacts.js';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { sleep, waitFor } from '../harness/wait.js';

let fake: FakeTelegram;
let ts: TestService;
let chat = 9_000_000;

beforeAll(async () => {
  fake = await new FakeTelegram().start();
  ts = await startTestService({ env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url } });
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});
beforeEach(() => {
  chat += 1;
});

const post = (update: unknown) =>
  ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET }, payload: update as object });
const deliveredTo = (chatId: number) => fake.delivered().filter((c) => String(c.params.chat_id) === String(chatId));
const callsTo = (chatId: number) => fake.calls('sendMessage').filter((c) => String(c.params.chat_id) === String(chatId));
const rowsFor = (chatId: number) => ts.rt.db.select().from(outboundMessages).where(eq(outboundMessages.chatId, String(chatId)));

describe('a Telegram message goes through webhook, database and queues, and the reply comes back', () => {
  it('answers /start with the Vietnamese main menu as buttons', async () => {
    expect((await post(textUpdate('/start', chat))).statusCode).toBe(200);
    const [reply] = await waitFor(() => deliveredTo(chat).length && deliveredTo(chat), 'menu reply');
    expect(String(reply!.params.text)).toContain('Xin chào');
    const keyboard = (reply!.params.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(keyboard).toEqual(['Khai báo vào/ra (quét mã)', 'Lịch sử ra vào của tôi', 'Đăng ký mã QR cho địa điểm', 'Đăng ký tiêm vắc xin', 'Hỏi về tiêm chủng', 'Hướng dẫn', 'Xóa dữ liệu của tôi']);
  });

  it('processes a repeated delivery of the same update once', async () => {
    const update = textUpdate('/start', chat);
    const statuses = await Promise.all([post(update), post(update), post(update)].map(async (r) => (await r).statusCode));
    expect(statuses).toEqual([200, 200, 200]);
    await waitFor(() => deliveredTo(chat).length === 1, 'one reply');
    await sleep(600);
    expect(deliveredTo(chat)).toHaveLength(1);
    const stored = await ts.rt.db.select().from(inboundUpdates).where(and(eq(inboundUpdates.channel, 'telegram'), eq(inboundUpdates.key, String(update.update_id))));
    expect(stored).toHaveLength(1);
  });

  it('answers the messages of one chat in the order they were sent', async () => {
    const sent = ['/trogiup', 'menu', 'abc xyz', '/trogiup', 'menu'];
    for (const text of sent) expect((await post(textUpdate(text, chat))).statusCode).toBe(200);
    const replies = await waitFor(() => deliveredTo(chat).length === sent.length && deliveredTo(chat), 'five replies', 20_000);
    const kinds = replies.map((c) => {
      const t = String(c.params.text);
      return t.startsWith('Hướng dẫn') ? 'help' : t.startsWith('Bạn cần gì') ? 'menu' : t.startsWith('Xin lỗi') ? 'unknown' : t;
    });
    expect(kinds).toEqual(['help', 'menu', 'unknown', 'help', 'menu']);
  });

  it('pauses on 429 for retry_after and still delivers the message exactly once', async () => {
    fake.failNext('sendMessage', 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await post(textUpdate('/start', chat));
    await waitFor(() => deliveredTo(chat).length === 1, 'delivery after 429', 15_000);
    const attempts = callsTo(chat);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    await sleep(500);
    expect(deliveredTo(chat)).toHaveLength(1);
  });

  it('marks the contact unreachable on 403 and does not retry', async () => {
    fake.failNext('sendMessage', 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await post(textUpdate('/start', chat));
    const [row] = await waitFor(async () => {
      const rows = await rowsFor(chat);
      return rows[0]?.status === 'unreachable' && rows;
    }, 'unreachable row');
    expect(row!.error).toContain('blocked');
    const [contact] = await ts.rt.db.select().from(contacts).where(eq(contacts.chatId, String(chat)));
    expect(contact!.unreachableAt).toBeInstanceOf(Date);
    await sleep(500);
    expect(callsTo(chat)).toHaveLength(1);
  });

  it('fails a 400 for good without retrying', async () => {
    fake.failNext('sendMessage', 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    await post(textUpdate('/start', chat));
    await waitFor(async () => (await rowsFor(chat))[0]?.status === 'failed', 'failed row');
    await sleep(500);
    expect(callsTo(chat)).toHaveLength(1);
  });

  it('retries a 5xx with backoff until it is delivered', async () => {
    fake.failNext('sendMessage', 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    await post(textUpdate('/start', chat));
    await waitFor(() => deliveredTo(chat).length === 1, 'delivery after 502', 15_000);
    expect(callsTo(chat).map((c) => c.status)).toEqual([502, 200]);
  });

  it('downloads a sent photo through getFile, capped in size', async () => {
    fake.addFile('photo-1', Buffer.alloc(2048, 7));
    const bytes = await ts.rt.telegram!.downloadImage({ kind: 'telegram-file', fileId: 'photo-1' }, 10_000);
    expect(bytes.length).toBe(2048);
    await expect(ts.rt.telegram!.downloadImage({ kind: 'telegram-file', fileId: 'photo-1' }, 1000)).rejects.toThrow(/too large/);
  });
});
