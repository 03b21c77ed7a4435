import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { createTestDatabase } from '../harness/database.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { startTcpProxy } from '../harness/tcp-proxy.js';

const env = { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' };
const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET };
let nextId = 1;
/** A raw Telegram update body; `text` is inserted as raw JSON string content (escapes allowed). */
const rawUpdate = (chat: number, rawText: string, extra = '') => {
  const id = nextId++;
  return { id, body: `{"update_id":${id},"message":{"message_id":${id},"date":${Math.floor(Date.now() / 1000)},"chat":{"id":${chat},"type":"private"},"from":{"id":${chat},"is_bot":false,"first_name":"Dân"},"text":"${rawText}"${extra}}}` };
};

describe('intake isolates poison', () => {
  let ts: TestService;
  beforeAll(async () => {
    ts = await startTestService({ env, workers: false });
  });
  afterAll(async () => ts?.stop());

  it('stores updates Postgres refuses in a safe form without failing the others of their batch', async () => {
    const deep = `,"x":${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const poison = [rawUpdate(900, 'có NUL \\u0000 ở đây'), rawUpdate(901, 'nửa cặp \\ud800 ký tự'), rawUpdate(902, 'lồng sâu', deep)];
    const ordinary = Array.from({ length: 20 }, (_, i) => rawUpdate(1000 + i, 'xin chào'));
    const all = [...ordinary.slice(0, 10), ...poison, ...ordinary.slice(10)];
    const answers = await Promise.all(all.map((u) => ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: u.body })));
    const byId = new Map(all.map((u, i) => [u.id, answers[i]!.statusCode]));
    for (const u of ordinary) expect(byId.get(u.id)).toBe(200);
    for (const u of poison) expect([200, 400]).toContain(byId.get(u.id));
    const [nul] = await ts.rt.db.select().from(inboundUpdates).where(eq(inboundUpdates.key, String(poison[0]!.id)));
    expect(JSON.stringify(nul!.payload)).toContain('có NUL \uFFFD ở đây');
    // Redelivery of a poison update is answered the same way, not 503 forever.
    const again = await ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: poison[1]!.body });
    expect([200, 400]).toContain(again.statusCode);
  });
});

describe('intake fails fast', () => {
  it('answers 503 within about 1.5 s when Postgres stops answering, under load', async () => {
    const db = await createTestDatabase();
    const pg = await startTcpProxy(5432);
    const ts = await startTestService({ env, databaseUrl: `postgres://postgres@127.0.0.1:${pg.port}/${db.name}`, workers: false });
    try {
      pg.stall();
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const u = rawUpdate(2000 + i, 'xin chào');
          return ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: u.body }).then((r) => ({ status: r.statusCode, ms: Date.now() - started }));
        }),
      );
      expect(answers.every((a) => a.status === 503)).toBe(true);
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(3000);
    } finally {
      pg.restore();
      await ts.stop();
      await pg.close();
      await db.drop();
    }
  });
});
