import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { createTestDatabase } from '../harness/database.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { startTcpProxy } from '../harness/tcp-proxy.js';
import { waitFor } from '../harness/wait.js';

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
});
afterAll(async () => {
  await fake?.close();
});

const telegramEnv = () => ({ TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url });
const headers = { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET };

describe('when a dependency is down the webhook answers 503 and loses nothing it accepted', () => {
  it('Redis down: 503, the update is kept, and the sweep delivers it once Redis is back', async () => {
    const redis = await startTcpProxy(6379);
    const ts = await startTestService({ env: { ...telegramEnv(), REDIS_URL: `redis://127.0.0.1:${redis.port}` } });
    try {
      const chat = 31_000_001;
      redis.cut();
      const update = textUpdate('/start', chat);
      const res = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: update });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'queue_unavailable', retryable: true } });
      const ready = await ts.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ redis: false, database: true });
      const [row] = await ts.rt.db.select().from(inboundUpdates).where(eq(inboundUpdates.key, String(update.update_id)));
      expect(row?.status).toBe('received');

      redis.restore();
      const delivered = () => fake.delivered().filter((c) => String(c.params.chat_id) === String(chat));
      await waitFor(() => delivered().length === 1, 'reply after Redis returns', 20_000);
      // Telegram redelivers after our 503: still one reply.
      expect((await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: update })).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 1500));
      expect(delivered()).toHaveLength(1);
    } finally {
      await ts.stop();
      await redis.close();
    }
  });

  it('Postgres down: 503 so the platform retries, and readiness says which dependency is missing', async () => {
    const db = await createTestDatabase();
    const pg = await startTcpProxy(5432);
    const ts = await startTestService({ env: telegramEnv(), databaseUrl: `postgres://postgres@127.0.0.1:${pg.port}/${db.name}`, workers: false });
    try {
      pg.cut();
      const update = textUpdate('/start', 31_000_002);
      const res = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: update });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: { code: 'database_unavailable', retryable: true } });
      expect((await ts.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ database: false, redis: true });
      pg.restore();
      const again = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: update });
      expect(again.statusCode).toBe(200);
      expect((await ts.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await ts.stop();
      await pg.close();
      await db.drop();
    }
  });
});
