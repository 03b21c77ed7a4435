import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFeatures, type FeatureFactory } from '../../src/features.js';
import { createLogger } from '../../src/log.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { createTestDatabase } from '../harness/database.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy.js';
import { waitFor } from '../harness/wait.js';

const CCCD = '079123456789';
const PHONE = '0905123456';
const SECRET_TEXT = `Tôi tên Lan, CCCD ${CCCD}, điện thoại ${PHONE}`;

let logged = '';
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logged += chunk.toString();
    done();
  },
});

/** Besides the service's features: one that fails on a query carrying the text, one that echoes it. */
const features: FeatureFactory = async (host) => [
  {
    name: 'leaky-test-feature',
    text: async (_ctx, text) => {
      if (text.startsWith('LỖI')) await host.db.execute(sql`select * from no_such_table where note = ${text}`);
      if (text.startsWith('NHẮC')) return { replies: [{ type: 'text', text }], state: {} };
      return null;
    },
  },
  ...(await defaultFeatures(host)),
];

let fake: FakeTelegram;
let pg: TcpProxy;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let ts: TestService;
let updateId = 1;
const post = (text: string, chat = 4242) =>
  ts.app.inject({
    method: 'POST',
    url: '/webhooks/telegram',
    headers: { 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
    payload: { update_id: updateId++, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Lan' }, text } },
  });

beforeAll(async () => {
  fake = await new FakeTelegram().start();
  db = await createTestDatabase();
  pg = await startTcpProxy(5432);
  ts = await startTestService({
    log: createLogger('debug', sink),
    features,
    databaseUrl: `postgres://postgres@127.0.0.1:${pg.port}/${db.name}`,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url },
  });
});
afterAll(async () => {
  await ts?.stop();
  await pg?.close();
  await db?.drop();
  await fake?.close();
});

describe('no personal data in logs', () => {
  it('logs an intake failure, a send failure and a feature error without the CCCD or phone number they carried', async () => {
    // 1. Intake: Postgres is down while the update arrives.
    pg.cut();
    expect((await post(SECRET_TEXT)).statusCode).toBe(503);
    pg.restore();

    // 2. Send: the platform refuses the message that repeats the data.
    fake.failNext('sendMessage', 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    expect((await post(`NHẮC ${SECRET_TEXT}`)).statusCode).toBe(200);

    // 3. A feature's query fails with the text as a parameter.
    expect((await post(`LỖI ${SECRET_TEXT}`, 4343)).statusCode).toBe(200);

    await waitFor(() => /no_such_table|Failed query/.test(logged) && /chat not found/.test(logged), 'the three failures to be logged', 20_000);
    expect(logged).toMatch(/unavailable|ECONNRESET|ECONNREFUSED|closed|terminat/i);
    expect(logged).not.toContain(CCCD);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toContain('Tôi tên Lan');
  });
});
