/**
 * npm run bench:inbound [-- --updates 3000 --chats 600]
 *
 * Inbound processing end to end, for capacity planning (docs/capacity.md): how many updates per
 * second one all-in-one process turns into replies. `--updates` text updates from `--chats`
 * different chats arrive through the real webhook as fast as intake takes them (16 in flight);
 * the mix is what residents send at a peak: 60 % typed venue codes (check-in or check-out), 25 %
 * FAQ questions, 15 % menu words. Each is a full turn: the conversation state is loaded, the
 * feature runs, the turn commits with its reply in the ledger. Real Postgres and Redis; the
 * platform is a fake Telegram on localhost. Reports updates/s from the first POST to the last
 * update marked processed: the figure for capacity. The webhook-to-first-reply p50/p95 is printed
 * too, but replies leave at the bot's own pace (~30 msg/s, Telegram's limit), so under this load it
 * measures the send queue, not the turn. Ends with one JSON line.
 */
import { parseArgs } from 'node:util';
import { count, ne } from 'drizzle-orm';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { sleep } from '../harness/wait.js';
import { runBench } from './run-bench.js';

const { values } = parseArgs({ options: { updates: { type: 'string', default: '3000' }, chats: { type: 'string', default: '600' }, inflight: { type: 'string', default: '16' } } });
const UPDATES = Number(values.updates);
const CHATS = Number(values.chats);
const INFLIGHT = Number(values.inflight);

const QUESTIONS = ['tiêm vắc xin có mất tiền không', 'dang ky tiem o dau', 'tre em may tuoi duoc tiem', 'mũi 3 cách mũi 2 bao lâu', 'bi sot sau tiem thi lam sao'];
const WORDS = ['menu', 'lịch sử', 'xin chào', 'cảm ơn'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

async function main(): Promise<void> {
  const fake = await new FakeTelegram().start();
  const ts = await startTestService({
    listen: true,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url, SIMULATOR_ENABLED: 'false', SWEEP_INTERVAL_SECONDS: '30' },
  });
  const { domain, service } = ts.rt.venues;
  const venues = await Promise.all(
    Array.from({ length: 20 }, (_, i) => service.register({ name: `Chợ số ${i + 1}`, typeId: domain.types[0]!.id, communeId: domain.communes[i % domain.communes.length]!.id, address: `Thôn ${i + 1}`, phone: '0905123456' })),
  );
  const textOf = (i: number): string => {
    const r = i % 20;
    if (r < 12) return venues[i % venues.length]!.code.manualCode;
    if (r < 17) return QUESTIONS[i % QUESTIONS.length]!;
    return WORDS[i % WORDS.length]!;
  };

  const postedAt = new Map<number, number>();
  const repliedAt = new Map<number, number>();
  const sends = () => fake.calls().filter((c) => c.method.startsWith('send'));
  let seen = 0;
  const watch = setInterval(() => {
    const all = sends();
    for (; seen < all.length; seen++) {
      const chat = Number(all[seen]!.params.chat_id);
      if (!repliedAt.has(chat)) repliedAt.set(chat, performance.now());
    }
  }, 5);

  // Every chat writes once in a first wave (the reply latency is timed on these), then again.
  let next = 0;
  const t0 = performance.now();
  const postOne = async (i: number): Promise<void> => {
    const chat = 8_000_000 + (i % CHATS);
    if (i < CHATS) postedAt.set(chat, performance.now());
    const res = await fetch(`${ts.baseUrl}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
      body: JSON.stringify({ update_id: i + 1, message: { message_id: i + 1, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Bench' }, text: textOf(i) } }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  };
  await Promise.all(Array.from({ length: INFLIGHT }, async () => {
    while (next < UPDATES) await postOne(next++);
  }));
  const postedMs = performance.now() - t0;

  const processed = async () => (await ts.rt.db.select({ n: count() }).from(inboundUpdates).where(ne(inboundUpdates.status, 'received')))[0]?.n ?? 0;
  let done = 0;
  for (;;) {
    done = await processed();
    if (done >= UPDATES) break;
    if (performance.now() - t0 > 600_000) throw new Error(`only ${done} of ${UPDATES} processed in 10 minutes`);
    await sleep(20);
  }
  const totalMs = performance.now() - t0;
  await sleep(500);
  clearInterval(watch);
  const latencies = [...postedAt].filter(([c]) => repliedAt.has(c)).map(([c, at]) => repliedAt.get(c)! - at);
  const figures = {
    updates: UPDATES,
    chats: CHATS,
    intake_s: Number((postedMs / 1000).toFixed(1)),
    processed_per_s: Math.round(UPDATES / (totalMs / 1000)),
    first_reply_p50_ms: Math.round(pct(latencies, 50)),
    first_reply_p95_ms: Math.round(pct(latencies, 95)),
    replies: sends().length,
  };
  process.stdout.write(`${UPDATES} updates from ${CHATS} chats: posted in ${figures.intake_s} s, all processed in ${(totalMs / 1000).toFixed(1)} s = ${figures.processed_per_s} updates/s; first reply per chat p50 ${figures.first_reply_p50_ms} ms, p95 ${figures.first_reply_p95_ms} ms\n`);
  await ts.stop();
  await fake.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

runBench(main);
