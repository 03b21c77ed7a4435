import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { createTestDatabase } from '../harness/database.js';
import { TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { capture } from '../harness/cli-io.js';


let db: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeTelegram;
beforeAll(async () => {
  db = await createTestDatabase();
  fake = await new FakeTelegram().start();
});
afterAll(async () => {
  await db?.drop();
  await fake?.close();
});

describe('npm run cli', () => {
  it('lists the commands when none is given, and fails on an unknown one', async () => {
    const c = capture();
    expect(await runCli([], {}, c.io)).toBe(0);
    expect(c.err.join('\n')).toContain('telegram:set-webhook');
    expect(await runCli(['nope'], {}, capture().io)).toBe(2);
  });

  it('migrate applies the migrations to Postgres', async () => {
    const c = capture();
    expect(await runCli(['migrate'], { DATABASE_URL: db.url, QUEUE_PREFIX: 'qtcli' }, c.io)).toBe(0);
    expect(JSON.parse(c.out[0]!)).toEqual({ ok: true, database: 'postgres' });
  });

  it('telegram:set-webhook registers PUBLIC_URL/webhooks/telegram with the secret', async () => {
    const c = capture();
    const env = { DATABASE_URL: db.url, QUEUE_PREFIX: 'qtcli', PUBLIC_URL: 'https://quetma.example.vn', TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url };
    expect(await runCli(['telegram:set-webhook'], env, c.io)).toBe(0);
    expect(fake.calls('setWebhook')[0]!.params).toMatchObject({ url: 'https://quetma.example.vn/webhooks/telegram', secret_token: TEST_TELEGRAM_SECRET });
  });

  it('refuses telegram:set-webhook without an https PUBLIC_URL, and reports bad config by key', async () => {
    const c = capture();
    expect(await runCli(['telegram:set-webhook'], { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET }, c.io)).toBe(2);
    expect(c.err.join('')).toContain('PUBLIC_URL');
    const bad = capture();
    expect(await runCli(['migrate'], { PORT: 'x' }, bad.io)).toBe(78);
    expect(bad.err.join('')).toContain('PORT');
  });
});
