import { afterAll, beforeAll } from 'vitest';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from './service.js';

/** A listening test service whose Telegram bot talks to a fake Bot API, for the tests of one file. */
export interface TelegramService {
  readonly fake: FakeTelegram;
  readonly ts: TestService;
  /** Posts a private-chat text update to the webhook (current date) and returns the HTTP status. */
  post(chat: number, text: string, updateId?: number): Promise<number>;
  /** A fresh update id, for tests that deliver the same update twice. */
  nextUpdateId(): number;
}

/** Registers beforeAll/afterAll hooks that start and stop the fake and the service. */
export function useTelegramService(): TelegramService {
  let fake: FakeTelegram | undefined;
  let ts: TestService | undefined;
  let updateId = 1;
  beforeAll(async () => {
    fake = await new FakeTelegram().start();
    ts = await startTestService({
      listen: true,
      env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url },
    });
  });
  afterAll(async () => {
    await ts?.stop();
    await fake?.close();
  });
  const handle: TelegramService = {
    get fake() {
      if (!fake) throw new Error('fake Telegram not started yet');
      return fake;
    },
    get ts() {
      if (!ts) throw new Error('test service not started yet');
      return ts;
    },
    nextUpdateId: () => updateId++,
    async post(chat, text, id = updateId++) {
      const res = await fetch(`${handle.ts.baseUrl}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
        body: JSON.stringify({ update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Dân' }, text } }),
      });
      await res.arrayBuffer();
      return res.status;
    },
  };
  return handle;
}
