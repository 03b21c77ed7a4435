import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { processOutbound } from '../../src/pipeline/outbound-processor.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { createTestDatabase } from '../harness/database.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { sleep, waitFor } from '../harness/wait.js';

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
});
afterAll(async () => {
  await fake?.close();
});

const env = () => ({ TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url });
const headers = { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET };
const callsTo = (chat: number) => fake.calls('sendMessage').filter((c) => String(c.params.chat_id) === String(chat));

describe('stopping and restarting never sends a message twice', () => {
  it('a worker killed in the middle of a send does not resend after restart', async () => {
    const db = await createTestDatabase();
    const chat = 41_000_001;
    const first = await startTestService({ env: env(), databaseUrl: db.url });
    fake.stallNext('sendMessage', 4000); // long enough that the crash always happens mid-call
    await first.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', chat) });
    await waitFor(() => callsTo(chat).length === 1, 'the send to start');
    // Crash: workers stop without waiting for their job, connections drop.
    await Promise.all(first.service!.workers!.workers.map((w) => w.close(true)));
    await first.rt.close();
    await first.app.close();

    const second = await startTestService({ env: env(), databaseUrl: db.url, workers: false });
    try {
      const [row] = await second.rt.db.select().from(outboundMessages).where(eq(outboundMessages.chatId, String(chat)));
      expect(row!.status).toBe('sending');
      // What a redelivered job does with the claimed row: while the claim may still be alive it
      // waits; once the claim is older than the stuck limit it gives the row up as uncertain.
      // (Limits are relative to the claim's age, so a slow machine cannot change the outcome.)
      const age = Date.now() - row!.claimedAt!.getTime();
      expect((await processOutbound({ ...second.rt.deps.outbound, stuckAfterMs: age + 60_000 }, row!.id)).kind).toBe('wait');
      expect(await processOutbound({ ...second.rt.deps.outbound, stuckAfterMs: 1 }, row!.id)).toEqual({ kind: 'done', status: 'uncertain' });
      await sleep(1500);
      expect(callsTo(chat)).toHaveLength(1);
    } finally {
      await second.stop();
      await db.drop();
    }
  });

  it('a graceful stop lets the current send finish and records it as sent', async () => {
    const chat = 41_000_002;
    const db = await createTestDatabase();
    const ts = await startTestService({ env: env(), databaseUrl: db.url });
    fake.stallNext('sendMessage', 800);
    await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', chat) });
    await waitFor(() => callsTo(chat).length === 1, 'the send to start');
    await ts.service!.stop();
    const check = postgres(db.url, { max: 1 });
    try {
      const rows = await check`select status from outbound_messages where chat_id = ${String(chat)}`;
      expect(rows.map((r) => r.status)).toEqual(['sent']);
      expect(callsTo(chat)).toHaveLength(1);
    } finally {
      await check.end();
      await db.drop();
    }
  });
});
