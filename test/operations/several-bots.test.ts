import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/schema.js';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';

const SECOND_TOKEN = '987654321:SECOND-token_abcdefghijklmnopqrstuvw';
const SECOND_SECRET = 'second-secret_0123456789';
let dir: string;
let file: string;
let fake: FakeTelegram;
let ts: TestService;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quetma-channels-'));
  file = path.join(dir, 'channels.json');
  await writeFile(file, JSON.stringify({ telegram: [{ name: 'binh-son', token: { env: 'TG_BINH_SON_TOKEN' }, webhookSecret: { env: 'TG_BINH_SON_SECRET' }, communes: ['binh-son/chau-o'] }] }));
  fake = await new FakeTelegram().start();
  ts = await startTestService({
    env: {
      TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET,
      TELEGRAM_API_ROOT: fake.url,
      CHANNELS_FILE: file,
      TG_BINH_SON_TOKEN: SECOND_TOKEN,
      TG_BINH_SON_SECRET: SECOND_SECRET,
    },
  });
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

const post = (url: string, secret: string, update: object) => ts.app.inject({ method: 'POST', url, headers: { 'x-telegram-bot-api-secret-token': secret }, payload: update });
const repliesTo = (chat: number) => fake.delivered().filter((c) => String(c.params.chat_id) === String(chat));

describe('several bots of one platform in one deployment', () => {
  it('answers each resident through the bot they wrote to, each bot at its own path with its own secret', async () => {
    expect((await post('/webhooks/telegram', TEST_TELEGRAM_SECRET, textUpdate('/start', 5_500_001))).statusCode).toBe(200);
    expect((await post('/webhooks/telegram/binh-son', SECOND_SECRET, textUpdate('/start', 5_500_002))).statusCode).toBe(200);
    const [first] = await waitFor(() => repliesTo(5_500_001).length > 0 && repliesTo(5_500_001), 'reply through the first bot');
    const [second] = await waitFor(() => repliesTo(5_500_002).length > 0 && repliesTo(5_500_002), 'reply through the second bot');
    expect(first!.token).toBe(TEST_TELEGRAM_TOKEN);
    expect(second!.token).toBe(SECOND_TOKEN);
  });

  it('refuses a bot\'s path with another bot\'s secret', async () => {
    expect((await post('/webhooks/telegram/binh-son', TEST_TELEGRAM_SECRET, textUpdate('/start', 5_500_003))).statusCode).toBe(401);
    expect((await post('/webhooks/telegram/unknown', SECOND_SECRET, textUpdate('/start', 5_500_004))).statusCode).toBe(404);
  });

  it('names a missing secret and a bad file entry at start-up', () => {
    let error: unknown;
    try {
      loadConfig({ CHANNELS_FILE: file });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('CHANNELS_FILE:telegram.0.token: environment variable TG_BINH_SON_TOKEN is not set');
    expect(() => loadConfig({ CHANNELS_FILE: path.join(dir, 'missing.json') })).toThrow(/CHANNELS_FILE: cannot read/);
  });
});
