import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { sleep } from '../harness/wait.js';

const telegram = { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' };
const headers = { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET };

describe('process roles and shutdown', () => {
  it('a worker process serves health only, and reports its role and bots', async () => {
    const ts = await startTestService({ env: { ...telegram, ROLE: 'worker' } });
    try {
      expect(ts.service!.workers).toBeDefined();
      expect((await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: textUpdate('/start', 1) })).statusCode).toBe(404);
      expect((await ts.app.inject({ method: 'GET', url: '/chat' })).statusCode).toBe(404);
      const ready = await ts.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ ok: true, role: 'worker', database: true, redis: true, bots: expect.arrayContaining([expect.objectContaining({ channel: 'telegram', webhookPath: '/webhooks/telegram', status: 'ok' })]) });
    } finally {
      await ts.stop();
    }
  });

  it('a web process stores updates and leaves the processing to workers', async () => {
    const ts = await startTestService({ env: { ...telegram, ROLE: 'web' } });
    try {
      expect(ts.service!.workers).toBeUndefined();
      const update = textUpdate('/start', 2);
      expect((await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: update })).statusCode).toBe(200);
      await sleep(500);
      const [row] = await ts.rt.db.select().from(inboundUpdates).where(eq(inboundUpdates.key, String(update.update_id)));
      expect(row?.status).not.toBe('processed');
    } finally {
      await ts.stop();
    }
  });

  it('turns readiness to 503 first when it starts draining, while health stays up', async () => {
    const ts = await startTestService({ listen: true, env: { SHUTDOWN_DRAIN_SECONDS: '1' } });
    expect((await fetch(`${ts.baseUrl}/readyz`)).status).toBe(200);
    const stopped = ts.stop();
    await sleep(200);
    const ready = await fetch(`${ts.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, draining: true });
    expect((await fetch(`${ts.baseUrl}/healthz`)).status).toBe(200);
    await stopped;
  });
});
