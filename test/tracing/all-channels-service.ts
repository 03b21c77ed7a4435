import { afterAll, beforeAll } from 'vitest';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { FakeZalo } from '../fakes/fake-zalo.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';

/** The Zalo OA app, its signing key and the Zalo Bot's webhook secret the service below is started with. */
export const ZALO = { oaApp: '4242', oaSecret: 'oa-secret-key-123', botSecret: 'zalo-bot-secret' } as const;

/** A test service with all three chat platforms on, each talking to a fake on localhost. */
export interface AllChannelsService {
  readonly ts: TestService;
  readonly telegram: FakeTelegram;
  /** One fake serving both the Zalo OA API (with OAuth) and the Zalo Bot API. */
  readonly zalo: FakeZalo;
}

/** Registers beforeAll/afterAll hooks that start and stop the fakes and the service of one test file. */
export function useAllChannelsService(): AllChannelsService {
  let started: { ts: TestService; telegram: FakeTelegram; zalo: FakeZalo } | undefined;
  beforeAll(async () => {
    const telegram = await new FakeTelegram().start();
    const zalo = await new FakeZalo().start();
    const ts = await startTestService({
      env: {
        TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: telegram.url,
        ZALO_OA_APP_ID: ZALO.oaApp, ZALO_OA_SECRET_KEY: ZALO.oaSecret, ZALO_APP_SECRET: 'app-secret', ZALO_OA_ACCESS_TOKEN: 'oa-access-0', ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0', ZALO_OA_API_ROOT: zalo.url, ZALO_OAUTH_ROOT: zalo.url,
        ZALO_BOT_TOKEN: '777:zalo-bot-token', ZALO_BOT_WEBHOOK_SECRET: ZALO.botSecret, ZALO_BOT_API_ROOT: zalo.url, PUBLIC_URL: 'https://quetma.example.vn',
      },
    });
    started = { ts, telegram, zalo };
  });
  afterAll(async () => {
    await started?.ts.stop();
    await started?.telegram.close();
    await started?.zalo.close();
  });
  const get = () => {
    if (!started) throw new Error('service not started yet');
    return started;
  };
  return {
    get ts() {
      return get().ts;
    },
    get telegram() {
      return get().telegram;
    },
    get zalo() {
      return get().zalo;
    },
  };
}
