import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { sleep, waitFor } from '../harness/wait.js';

/**
 * Two instances (each with its workers) on one Postgres and one Redis: a bot token rejected in one
 * pauses the bot in both, both /readyz say so, and sending resumes everywhere once the token works.
 */
let fake: FakeTelegram;
let a: TestService;
let b: TestService;

beforeAll(async () => {
  fake = await new FakeTelegram().start();
  const env = { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url, QUEUE_PREFIX: `qt${randomBytes(4).toString('hex')}` };
  a = await startTestService({ env });
  b = await startTestService({ env, databaseUrl: a.databaseUrl });
}, 60_000);
afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await fake?.close();
});

let nextChat = 920_000;
const bots = async (ts: TestService) => ((await ts.app.inject({ url: '/readyz' })).json() as { bots: { channel: string; status: string; detail?: string }[] }).bots.filter((x) => x.channel === 'telegram');
const statusOn = async (ts: TestService) => (await bots(ts))[0]?.status;
const rows = (ids: readonly number[]) => a.rt.db.select().from(outboundMessages).where(inArray(outboundMessages.id, [...ids]));

async function reply(ts: TestService, text: string): Promise<number> {
  const to = { channel: 'telegram', botId: ts.rt.telegram!.botId, chatId: String(nextChat++) };
  const receipt = await ts.rt.db.transaction(async (tx) => ts.rt.outbox.add(tx as unknown as Db, [{ to, priority: 'reply', parts: [{ type: 'text', text }] }]));
  await ts.rt.outbox.afterCommit(receipt);
  return receipt.ids[0]!;
}

describe('a rejected bot token, with two instances', () => {
  it('pauses the bot on every instance, shows it degraded on each /readyz, and resumes everywhere when the token works', async () => {
    expect(await statusOn(a)).toBe('ok');
    expect(await statusOn(b)).toBe('ok');
    fake.revokeToken(TEST_TELEGRAM_TOKEN);

    const first = await reply(a, 'Tin một');
    await waitFor(async () => (await statusOn(a)) === 'degraded' && (await statusOn(b)) === 'degraded', 'both instances show the bot degraded', 15_000);
    expect((await bots(b))[0]!.detail).toMatch(/rejected the bot token/);

    // Messages queued on either instance wait; neither instance's workers keep hitting the platform.
    const second = await reply(b, 'Tin hai');
    const third = await reply(a, 'Tin ba');
    const callsBefore = fake.calls('sendMessage').length;
    await sleep(3000);
    expect(fake.calls('sendMessage').length - callsBefore).toBe(0);
    expect((await rows([first, second, third])).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);

    // The token works again (renewed at the platform) and a refresh tells one instance: all resume.
    fake.restoreToken(TEST_TELEGRAM_TOKEN);
    await b.rt.pausedBots.retryNow('telegram', b.rt.telegram!.botId);
    await waitFor(async () => (await rows([first, second, third])).every((r) => r.status === 'sent'), 'every held message sent', 20_000);
    await waitFor(async () => (await statusOn(a)) === 'ok' && (await statusOn(b)) === 'ok', 'both instances show the bot ok again', 10_000);
    expect(fake.delivered().map((c) => c.params.text)).toEqual(expect.arrayContaining(['Tin một', 'Tin hai', 'Tin ba']));
  }, 90_000);
});
