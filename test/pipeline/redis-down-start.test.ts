import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { startTcpProxy } from '../harness/tcp-proxy.js';
import { waitFor } from '../harness/wait.js';

const headers = { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET };

describe('Redis down at start-up', () => {
  it('starts, answers /healthz and 503 on webhooks, logs the outage without flooding, and recovers when Redis returns', async () => {
    const lines: { level: number; msg: string; suppressed?: number }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as (typeof lines)[number]);
        done();
      },
    });
    const redis = await startTcpProxy(6379);
    redis.cut();
    const started = Date.now();
    const ts = await startTestService({
      log: createLogger('warn', sink),
      env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', REDIS_URL: `redis://127.0.0.1:${redis.port}`, RATE_LIMITS: 'false' },
    });
    try {
      expect(Date.now() - started).toBeLessThan(20_000);
      expect((await ts.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const down = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', 41_000_001) });
      expect(down.statusCode).toBe(503);
      // Every connection retries about once a second; each source logs once, not on every attempt.
      await new Promise((r) => setTimeout(r, 3000));
      const outage = lines.filter((l) => /Redis/.test(l.msg));
      expect(outage.length).toBeGreaterThan(0);
      const perMessage = new Map<string, number>();
      for (const l of outage) perMessage.set(l.msg, (perMessage.get(l.msg) ?? 0) + 1);
      expect(Math.max(...perMessage.values())).toBeLessThanOrEqual(ts.rt.adapters.all().length + 2);
      redis.restore();
      await waitFor(async () => (await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', 41_000_002) })).statusCode === 200, 'webhooks accepted again', 20_000, 500);
    } finally {
      redis.restore();
      await ts.stop();
      await redis.close();
    }
  });
});
