import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { defaultFeatures } from '../../src/features.js';
import { APOLOGY } from '../../src/pipeline/inbound-processor.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { sleep, waitFor } from '../harness/wait.js';

let fake: FakeTelegram;
let ts: TestService;
let calls = 0;
let updateId = 1;

beforeAll(async () => {
  fake = await new FakeTelegram().start();
  ts = await startTestService({
    listen: true,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url },
    // A feature with an ordinary bug, in front of the real ones.
    features: async (host) => [
      {
        name: 'buggy',
        text: async (_ctx, text) => {
          if (text !== 'lỗi') return null;
          calls++;
          return (undefined as unknown as { x: { y: number } }).x.y as never;
        },
      },
      ...(await defaultFeatures(host)),
    ],
  });
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});

async function post(chat: number, message: Record<string, unknown>): Promise<number> {
  const id = updateId++;
  const res = await fetch(`${ts.baseUrl}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
    body: JSON.stringify({ update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Dân' }, ...message } }),
  });
  expect(res.status).toBe(200);
  return id;
}
const textsTo = (chat: number) => fake.delivered().filter((c) => Number(c.params.chat_id) === chat).map((c) => String(c.params.text ?? ''));

describe('a turn that fails', () => {
  it('answers a programming error with a short apology at once, marks the update failed and does not retry', async () => {
    const started = Date.now();
    await post(5001, { text: 'lỗi' });
    await waitFor(() => textsTo(5001).includes(APOLOGY), 'the apology', 10_000);
    expect(Date.now() - started).toBeLessThan(8000);
    const [row] = await ts.rt.db.select().from(inboundUpdates).where(eq(inboundUpdates.chatId, '5001'));
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.error).toMatch(/TypeError/);
    await sleep(1500);
    expect(calls).toBe(1);
    // The chat goes on.
    await post(5001, { text: 'menu' });
    await waitFor(() => textsTo(5001).length >= 2, 'the next answer');
  });

  it('says at once that a photo could not be downloaded', async () => {
    const started = Date.now();
    await post(5002, { photo: [{ file_id: 'missing-file', file_unique_id: 'u-missing', width: 800, height: 600, file_size: 50_000 }] });
    await waitFor(() => textsTo(5002).some((t) => t.startsWith('Không tải được ảnh')), 'the download answer', 10_000);
    expect(Date.now() - started).toBeLessThan(8000);
    const [row] = await ts.rt.db.select().from(inboundUpdates).where(eq(inboundUpdates.chatId, '5002'));
    expect(row!.status).toBe('processed');
  });
});
