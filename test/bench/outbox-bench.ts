/**
 * npm run bench:outbox [-- --bulk 50000 --replies 20]
 *
 * A resident's reply latency while a bulk send runs: `--bulk` messages (default 50,000) go into the
 * outbox in one transaction as class `bulk`, then a resident writes to the bot every 1.5 s and we
 * time each message from the webhook POST to its reply arriving at the platform. The platform is a
 * fake Telegram on localhost that enforces 30 msg/s per bot (429 + retry_after beyond it), so the
 * bulk send and the replies really share one per-bot limit. Real Postgres + Redis; our Redis keys
 * (this run's prefix only) are deleted at the end. Last line: one JSON object of the figures.
 */
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { Db } from '../../src/db/client.js';
import type { OutboxMessage } from '../../src/outbox/types.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { deleteRunKeys } from './redis-keys.js';
import { runBench } from './run-bench.js';

const { values } = parseArgs({ options: { bulk: { type: 'string', default: '50000' }, replies: { type: 'string', default: '20' } } });
const BULK = Number(values.bulk);
const REPLIES = Number(values.replies);
const RESIDENT = 42;
const LIMIT_PER_SECOND = 30;

/** Fake Bot API: 30 sends per second per bot token, then 429 with retry_after 1. */
async function fakeTelegram(onSend: (chatId: number, at: number) => void) {
  const app = Fastify({ bodyLimit: 10e6 });
  const windows = new Map<string, { second: number; count: number }>();
  let throttled = 0;
  let sent = 0;
  app.post<{ Params: { token: string; method: string }; Body: Record<string, unknown> }>('/bot:token/:method', async (req, reply) => {
    const { token, method } = req.params;
    if (method === 'getMe') return { ok: true, result: { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Bench', username: 'bench_bot' } };
    if (!method.startsWith('send')) return { ok: true, result: true };
    const second = Math.floor(Date.now() / 1000);
    const w = windows.get(token);
    const win = w && w.second === second ? w : { second, count: 0 };
    windows.set(token, win);
    if (++win.count > LIMIT_PER_SECOND) {
      throttled++;
      return reply.code(429).send({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    }
    sent++;
    const chatId = Number(req.body.chat_id);
    onSend(chatId, Date.now());
    return { ok: true, result: { message_id: sent, date: second, chat: { id: chatId, type: 'private' } } };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, stats: () => ({ sent, throttled }), close: () => app.close() };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

async function main(): Promise<void> {
  let waiting: ((at: number) => void) | undefined;
  let bulkSent = 0;
  const fake = await fakeTelegram((chatId, at) => {
    if (chatId === RESIDENT) waiting?.(at);
    else bulkSent++;
  });
  const ts = await startTestService({
    listen: true,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url, SIMULATOR_ENABLED: 'false', SWEEP_INTERVAL_SECONDS: '30' },
  });
  const { rt } = ts;
  try {
    const botId = rt.telegram!.botId;
    const messages: OutboxMessage[] = Array.from({ length: BULK }, (_, i) => ({
      to: { channel: 'telegram', botId, chatId: String(1_000_000 + i) },
      priority: 'bulk',
      parts: [{ type: 'text', text: `Thông báo tiêm chủng đợt ${i % 7}: mời bà con đến điểm tiêm của xã.` }],
    }));
    const t0 = Date.now();
    const receipt = await rt.db.transaction(async (tx) => rt.outbox.add(tx as unknown as Db, messages));
    const addMs = Date.now() - t0;
    await rt.outbox.afterCommit(receipt);
    const enqueueMs = Date.now() - t0 - addMs;
    console.error(`bulk: ${receipt.ids.length} rows in ${addMs} ms, queued in ${enqueueMs} ms`);
    while (bulkSent < 30) await new Promise((r) => setTimeout(r, 100));

    const latencies: number[] = [];
    for (let i = 0; i < REPLIES; i++) {
      const got = new Promise<number>((resolve) => (waiting = resolve));
      const sentAt = Date.now();
      const res = await fetch(`${ts.baseUrl}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
        body: JSON.stringify({ update_id: 10_000 + i, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat: { id: RESIDENT, type: 'private' }, from: { id: RESIDENT, is_bot: false, first_name: 'Dân' }, text: 'menu' } }),
      });
      await res.arrayBuffer();
      const at = await Promise.race([got, new Promise<number>((r) => setTimeout(() => r(NaN), 30_000))]);
      latencies.push(at - sentAt);
      console.error(`reply ${i + 1}: ${at - sentAt} ms (bulk sent so far ${bulkSent})`);
      await new Promise((r) => setTimeout(r, 1500));
    }
    const { throttled } = fake.stats();
    console.log(JSON.stringify({ bulk: BULK, bulk_sent_meanwhile: bulkSent, replies: latencies.length, reply_p50_ms: pct(latencies, 50), reply_p95_ms: pct(latencies, 95), platform_429: throttled, bulk_insert_ms: addMs, bulk_enqueue_ms: enqueueMs }));
  } finally {
    await ts.stop();
    await fake.close();
    await deleteRunKeys(rt.config.REDIS_URL, rt.config.QUEUE_PREFIX);
  }
}

runBench(main);
