/**
 * npm run bench:checkin [-- --rounds 40]
 *
 * Issue 5's quality bar: from the webhook arriving to the reply being sent, through the real
 * service (real Postgres, real Redis queues and workers, the photo decoder pool) against a fake
 * Telegram API on localhost. Three ways in, each from a fresh chat: a typed manual code, a pasted
 * link, and a 12-megapixel JPEG photo of the poster's code (downloaded from the fake, decoded in
 * the worker pool). Prints p50/p95/max per way in. Targets: p95 < 200 ms (code, link), < 1.5 s (photo).
 * Then the Zalo Mini App's one request (`POST /api/miniapp/checkin`, a fresh Zalo user each time, so
 * every request verifies its token with a fake Graph API on localhost): target p95 < 100 ms.
 * `--only chat` or `--only miniapp` runs one part. Ends with one JSON line of the figures.
 */
import { parseArgs } from 'node:util';
import { Jimp } from 'jimp';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { FakeZaloGraph } from '../fakes/fake-zalo-graph.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { sleep } from '../harness/wait.js';
import { runBench } from './run-bench.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' }, only: { type: 'string' } } });
const rounds = Number(values.rounds);

/** A 4000x3000 JPEG: a grey, noisy scene with the QR code small-ish in it, as a phone would take it. */
async function phonePhoto(qrPng: Buffer): Promise<Buffer> {
  const scene = new Jimp({ width: 4000, height: 3000, color: 0x8a8f94ff });
  const data = scene.bitmap.data;
  for (let i = 0; i < data.length; i += 4) {
    const n = (Math.random() - 0.5) * 40;
    data[i] = Math.max(0, Math.min(255, data[i]! + n));
    data[i + 1] = Math.max(0, Math.min(255, data[i + 1]! + n));
    data[i + 2] = Math.max(0, Math.min(255, data[i + 2]! + n));
  }
  const qr = await Jimp.read(qrPng);
  qr.resize({ w: 1100, h: 1100 });
  scene.composite(qr, 1500, 900);
  return scene.getBuffer('image/jpeg', { quality: 85 });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function main(): Promise<void> {
  const fake = await new FakeTelegram().start();
  const graph = await new FakeZaloGraph('bench-mini-app-secret').start();
  const ts = await startTestService({
    listen: true,
    env: {
      TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url, SIMULATOR_ENABLED: 'false',
      ZALO_MINI_APP_ID: '1000000000000000001', ZALO_APP_SECRET: graph.appSecret, ZALO_GRAPH_ROOT: graph.url,
    },
  });
  const { domain, service } = ts.rt.venues;
  const commune = domain.communes[0]!;
  const a = await service.register({ name: 'Chợ Thạch Trụ', typeId: domain.types[0]!.id, communeId: commune.id, address: 'Thôn An Thạch', phone: '0905123456' });
  const photo = await phonePhoto(a.qrPng);
  fake.addFile('bigphoto', photo);
  process.stdout.write(`venue ready; photo ${(photo.length / 1e6).toFixed(1)} MB, 12.0 MP\n`);

  let updateId = 1;
  const send = async (chat: number, message: Record<string, unknown>): Promise<number> => {
    const t0 = performance.now();
    const before = fake.calls().filter((c) => c.method.startsWith('send') && Number(c.params.chat_id) === chat).length;
    const res = await fetch(`${ts.baseUrl}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
      body: JSON.stringify({ update_id: updateId++, message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Bench' }, ...message } }),
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    for (;;) {
      const sent = fake.calls().filter((c) => c.method.startsWith('send') && Number(c.params.chat_id) === chat);
      if (sent.length > before) {
        const text = String(sent.at(-1)!.params.text ?? '');
        if (!text.includes('Chợ Thạch Trụ')) throw new Error(`unexpected reply: ${text.slice(0, 120)}`);
        return performance.now() - t0;
      }
      if (performance.now() - t0 > 20_000) throw new Error('no reply within 20 s');
      await sleep(2);
    }
  };

  const ways: Record<string, (chat: number) => Record<string, unknown>> = {
    'typed code': () => ({ text: a.code.manualCode }),
    'pasted link': () => ({ text: `quét ở chợ nè ${a.url}` }),
    '12 MP photo': () => ({ photo: [{ file_id: 'bigphoto', file_unique_id: 'ubig', width: 4000, height: 3000, file_size: photo.length }] }),
  };
  const figures: Record<string, number> = {};
  let chat = 500_000;
  for (const [name, message] of Object.entries(values.only === 'miniapp' ? {} : ways)) {
    const n = name.includes('photo') ? Math.max(10, Math.floor(rounds / 2)) : rounds;
    await send(chat++, message(chat)); // warm-up (worker threads, JIT, connections)
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await send(chat++, message(chat)));
    process.stdout.write(`${name.padEnd(12)} n=${n}  p50 ${pct(times, 50).toFixed(0)} ms  p95 ${pct(times, 95).toFixed(0)} ms  max ${Math.max(...times).toFixed(0)} ms\n`);
    figures[`${name.replace(/\W+(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\d+/, 'photo')}P95Ms`] = Math.round(pct(times, 95));
  }

  const token = a.url.split('/c/')[1]!;
  const miniApp = async (user: number): Promise<number> => {
    const accessToken = graph.issue(String(9_000_000_000_000_000 + user));
    const t0 = performance.now();
    const res = await fetch(`${ts.baseUrl}/api/miniapp/checkin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ venueToken: token, accessToken }) });
    const body = (await res.json()) as { checkedIn?: boolean };
    if (res.status !== 200 || !body.checkedIn) throw new Error(`mini app check-in answered ${res.status}: ${JSON.stringify(body)}`);
    return performance.now() - t0;
  };
  if (values.only !== 'chat') {
    await miniApp(0); // warm-up
    const times: number[] = [];
    for (let i = 1; i <= rounds; i++) times.push(await miniApp(i));
    process.stdout.write(`${'Mini App'.padEnd(12)} n=${rounds}  p50 ${pct(times, 50).toFixed(0)} ms  p95 ${pct(times, 95).toFixed(0)} ms  max ${Math.max(...times).toFixed(0)} ms  (target p95 < 100 ms)\n`);
    figures.miniAppCheckinP50Ms = Math.round(pct(times, 50));
    figures.miniAppCheckinP95Ms = Math.round(pct(times, 95));
  }
  await ts.stop();
  await fake.close();
  await graph.stop();
  process.stdout.write(`${JSON.stringify({ rounds, ...figures })}\n`);
}

runBench(main);
