import { describe, expect, it } from 'vitest';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { startTcpProxy } from '../harness/tcp-proxy.js';
import { waitFor } from '../harness/wait.js';

const headers = { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET };

describe('Redis down at start-up', () => {
  it('starts, answers /healthz and 503 on webhooks, and recovers when Redis returns', async () => {
    const redis = await startTcpProxy(6379);
    redis.cut();
    const started = Date.now();
    const ts = await startTestService({ env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', REDIS_URL: `redis://127.0.0.1:${redis.port}`, RATE_LIMITS: 'false' } });
    try {
      expect(Date.now() - started).toBeLessThan(20_000);
      expect((await ts.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const down = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', 41_000_001) });
      expect(down.statusCode).toBe(503);
      redis.restore();
      await waitFor(async () => (await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', 41_000_002) })).statusCode === 200, 'webhooks accepted again', 20_000, 500);
    } finally {
      redis.restore();
      await ts.stop();
      await redis.close();
    }
  });
});
