/**
 * `npm run bench:broadcast [-- --recipients N --limit R]`: one broadcast to N Telegram residents
 * through the real service (a child process: HTTP intake, queues, broadcast engine) against a fake
 * Telegram that enforces R msg/s for the bot (sliding second) and 1 msg/s per chat with 429s.
 * At `--kill-at` of the way the service is killed with SIGKILL and restarted. During the broadcast
 * a resident writes to the bot every half second and the time to their reply is measured.
 *
 * Figures (one JSON line at the end):
 * - achieved_fraction: messages the fake accepted (broadcast and replies: they share the bot's
 *   limit) per second of sending time, over R. Sending time runs from the first broadcast message
 *   the fake accepted to the last (replies after that are not counted), minus the downtime the bench itself causes (from the kill until the restarted
 *   service answers /healthz): the restarted service's ramp-up counts against it.
 *   bulk_fraction: the same for broadcast messages alone.
 * - closest_window_ms: the shortest time the fake saw R + 1 messages take (a 429 below 1000): how
 *   much of the pacer's jitter budget the run left unused.
 * - n429 (n429_bot, n429_chat: which rule; n429_fake_stalled: of the bot's, those answered right
 *   after the fake's own event loop had stalled at least as long as the window was short, so the
 *   requests it stamped together may have arrived apart: the fake shares this 2-core machine), duplicates and lost (broadcast chats with more than
 *   one / no message at the fake), reply_p95_ms (webhook to reply at the fake). Each 429 is also
 *   logged to stderr with its time from the start and from the kill, and the window it closed (to
 *   tell a restart's doing from a late send).
 * - lost_uncertain: of the lost, the rows the kill left `uncertain`: claimed, so the platform call
 *   may have started, and not sent again (at most once: Telegram has no idempotency key). lost
 *   minus lost_uncertain were never attempted (a bug if not 0). uncertain_delivered: `uncertain`
 *   rows whose message did reach the fake (not lost).
 * - slots_missed: pacer slots the service gave up because a send would have left late
 *   (quetma_send_slots_missed_total, scraped every 5 s; each is one unused slot of R).
 * - rss_growth_mb: the most one service process's RSS grew from when it first answered /healthz
 *   (started, idle or just starting the run) to its peak, resolving the audience included (each
 *   process counted separately; the service's RSS only, not the bench's). The audience is resolved
 *   in Postgres (one statement), so the rest is the sender's garbage: V8 collects old space lazily,
 *   `--trace-gc` shows the live heap after each mark-compact.
 *
 * `--rss-trace` prints the service's RSS every 10 s to stderr;
 * `--rate-trace` prints, per 10 s, the messages the fake accepted, its 429s and its own worst
 * event-loop delay (a stalled fake bunches arrivals as a late sender would); `--heap-snapshots DIR` has the
 * service write a heap snapshot there at 50 % and 95 % of the broadcast (to see what grows);
 * BENCH_SERVICE_NODE_FLAGS adds Node flags to the service (e.g. --trace-gc, with
 * BENCH_SERVICE_LOG_LEVEL set so its output is shown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import postgres from 'postgres';
import { loadConfig } from '../../src/config/schema.js';
import { createRuntime } from '../../src/runtime.js';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../harness/database.js';
import { seedResidents } from '../harness/broadcasts.js';
import { RatedFakeTelegram } from './rated-fake-telegram.js';
import { deleteRunKeys } from './redis-keys.js';

const { values } = parseArgs({ options: { recipients: { type: 'string', default: '100000' }, limit: { type: 'string', default: '100' }, 'kill-at': { type: 'string', default: '0.4' }, 'rss-trace': { type: 'boolean', default: false }, 'rate-trace': { type: 'boolean', default: false }, 'heap-snapshots': { type: 'string' } } });
const N = Number(values.recipients);
const LIMIT = Number(values.limit);
const TOKEN = '777000:bench-token_abcdefghijklmnopqrstuvwxyz';
const SECRET = 'bench-secret_0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => process.stderr.write(`[bench:broadcast] ${msg}\n`);

const fake = (await new RatedFakeTelegram(LIMIT, 1).start()).trackBroadcast('9', N);
const db = await createTestDatabase();
const port = 20000 + Math.floor(Math.random() * 20000);
const env = {
  ...process.env,
  NODE_ENV: 'development',
  LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? 'warn',
  DATABASE_URL: db.url,
  QUEUE_PREFIX: `bb${Date.now().toString(36)}`,
  PORT: String(port),
  HOST: '127.0.0.1',
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  TELEGRAM_API_ROOT: fake.url,
  TELEGRAM_MESSAGES_PER_SECOND: String(LIMIT),
  SIMULATOR_ENABLED: 'false',
  BROADCAST_QUIET_HOURS: 'false',
  BROADCAST_APPROVAL_THRESHOLD: String(N + 1),
  SWEEP_INTERVAL_SECONDS: '2',
  METRICS_TOKEN: 'bench-metrics-token-0123456789',
};

// Seed with a runtime of our own (it applies the migrations), then create the broadcast.
const rt = await createRuntime(loadConfig(env as Record<string, string>), { log: pino({ level: 'silent' }) });
const t0 = Date.now();
await seedResidents(rt.db, N, { channel: 'telegram', botId: '777000', communeId: 'duc-pho/pho-minh', consent: true, prefix: '9' });
log(`seeded ${N} residents in ${Date.now() - t0} ms`);
const created = await rt.broadcasts.create({ kind: 'operator' }, 'cli', { text: 'Bà con nhớ quét mã QR khi vào chợ, siêu thị, bến xe. Xin cảm ơn!', communes: ['duc-pho/pho-minh'], audience: 'residents' });
log(`broadcast ${created.id}: ${created.preview.recipients} recipients, ETA ${created.preview.etaSeconds} s`);
await rt.close();

let child: ChildProcess | undefined;
let stopping = false;
function startService(): ChildProcess {
  const snapshots = values['heap-snapshots'] ? [`--heapsnapshot-signal=SIGUSR2`, `--diagnostic-dir=${values['heap-snapshots']}`] : [];
  const flags = process.env.BENCH_SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const c = spawn(process.execPath, [...snapshots, ...flags, '--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', process.env.BENCH_SERVICE_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'] });
  c.on('exit', (code, signal) => {
    if (!stopping && signal !== 'SIGKILL') log(`service ${c.pid} exited unexpectedly (${code ?? signal})`);
  });
  return c;
}
const rssOf = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  } catch {
    return 0;
  }
};
async function ready(): Promise<void> {
  // Up to 3 minutes: on the shared 2-core machine a cold start (tsx compiling) took over a minute.
  for (let i = 0; i < 900; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {}
    await sleep(200);
  }
  throw new Error('service did not start');
}

// Residents who write during the broadcast: time from webhook to our reply at the fake.
const replyMs: number[] = [];
let updateId = 1;
async function residentWrites(): Promise<void> {
  const chat = `5${updateId}`;
  const body = { update_id: updateId++, message: { message_id: updateId, from: { id: Number(chat), is_bot: false, first_name: 'Dân' }, chat: { id: Number(chat), type: 'private' }, date: Math.floor(Date.now() / 1000), text: '/help', entities: [{ offset: 0, length: 5, type: 'bot_command' }] } };
  const sent = Date.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(body) });
    if (!res.ok) return;
  } catch {
    return;
  }
  for (let i = 0; i < 600; i++) {
    const at = fake.receivedAt.get(chat);
    if (at) return void replyMs.push(at - sent);
    await sleep(25);
  }
}

/** Slots each service process gave up (quetma_send_slots_missed_total) per stage, as last scraped: a killed process keeps its last figures. */
const slotsMissed = new Map<number, Map<string, number>>();
const metric = (text: string, name: string) => [...text.matchAll(new RegExp(`^${name}(\\{[^}]*\\})? ([0-9.e+-]+)`, 'gm'))].map((m) => ({ labels: m[1] ?? '', value: Number(m[2]) }));
async function scrapeSlotsMissed(pid: number): Promise<void> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN}` } })).text();
    const stages = new Map(metric(text, 'quetma_send_slots_missed_total').map((m) => [/stage="([^"]+)"/.exec(m.labels)?.[1] ?? '', m.value]));
    slotsMissed.set(pid, stages);
    if (values['rate-trace']) {
      const lag = (q: string) => ((metric(text, `quetma_nodejs_eventloop_lag_${q}_seconds`)[0]?.value ?? 0) * 1000).toFixed(0);
      const gc = metric(text, 'quetma_nodejs_gc_duration_seconds_sum').map((m) => `${/kind="([^"]+)"/.exec(m.labels)?.[1]} ${(m.value * 1000).toFixed(0)} ms`).join(', ');
      const claims = metric(text, 'quetma_send_claim_seconds_bucket').map((m) => `${/le="([^"]+)"/.exec(m.labels)?.[1]}:${m.value}`).join(' ');
      log(`service t=${Math.round((Date.now() - startedAt) / 1000)} s: slots missed ${JSON.stringify(Object.fromEntries(stages))}, loop lag p99 ${lag('p99')} ms max ${lag('max')} ms, gc ${gc}; claims (s, cumulative) ${claims}`);
    }
  } catch {}
}
const missedTotal = () => [...slotsMissed.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);

const broadcastDelivered = () => fake.bulkChats;
/** RSS per service process: when it first answered /healthz (started, before its sending), and the most it reached. */
const perProcess = new Map<number, { base: number; max: number }>();
const baseline = (c: ChildProcess) => c.pid && perProcess.set(c.pid, { base: rssOf(c.pid), max: rssOf(c.pid) });
child = startService();
await ready();
baseline(child);
const startedAt = Date.now();
let killed = false;
let killedAt = 0;
let downMs = 0;
let lastProgress = Date.now();
let lastCount = 0;
let lastTrace = 0;
let lastScrape = 0;
const snapshotAt = [0.5, 0.95];
const replies: Promise<void>[] = [];
// Once deliveries stall, the ledger says whether anything is left to send (rows lost in the kill never arrive).
const ledger = postgres(db.url, { max: 1, onnotice: () => {} });
const openRows = async () => (await ledger`select count(*)::int as n from broadcast_recipients where status in ('pending', 'queued')`)[0]!.n as number;
while (broadcastDelivered() < N && Date.now() - lastProgress < 60_000) {
  await sleep(500);
  if (killed && Date.now() - lastProgress > 3000 && (await openRows()) === 0) break;
  const count = broadcastDelivered();
  if (count > lastCount) (lastCount = count), (lastProgress = Date.now());
  if (child.pid) {
    const kb = rssOf(child.pid);
    const seen = perProcess.get(child.pid) ?? { base: kb, max: kb };
    seen.max = Math.max(seen.max, kb);
    perProcess.set(child.pid, seen);
    if (values['rss-trace'] && Date.now() - lastTrace >= 10_000) {
      lastTrace = Date.now();
      log(`t=${Math.round((lastTrace - startedAt) / 1000)} s delivered ${count} rss ${Math.round(kb / 1024)} MB (pid ${child.pid})`);
    }
  }
  if (count > 0 && count < N) replies.push(residentWrites());
  // Every 5 s: a scrape also reads the outbox backlog (a query), so it is not free for the service.
  if (child.pid && Date.now() - lastScrape >= 5000) (lastScrape = Date.now()), void scrapeSlotsMissed(child.pid);
  while (values['heap-snapshots'] && snapshotAt.length && count >= N * snapshotAt[0]!) {
    snapshotAt.shift();
    log(`heap snapshot at ${count} delivered`);
    child.kill('SIGUSR2');
  }
  if (!killed && count >= N * Number(values['kill-at'])) {
    killed = true;
    log(`kill -9 at ${count} delivered`);
    child.kill('SIGKILL');
    killedAt = Date.now();
    const down = Date.now();
    await sleep(1000);
    child = startService();
    await ready();
    baseline(child);
    downMs = Date.now() - down;
    log(`restarted after ${downMs} ms`);
  }
}
await Promise.all(replies);
if (child.pid) await scrapeSlotsMissed(child.pid);
const elapsedSending = (fake.bulkLastAt - fake.bulkFirstAt - downMs) / 1000;
stopping = true;
child.kill('SIGTERM');
await new Promise((r) => child!.once('exit', r));

const check = await createRuntime(loadConfig(env as Record<string, string>), { log: pino({ level: 'silent' }) });
const states = rowsOf(await check.db.execute(sql`select status, count(*)::int as n from broadcast_recipients group by status`));
// Rows the kill left `uncertain` (claimed, platform call perhaps under way): did the message arrive?
const uncertainChats = rowsOf(await check.db.execute(sql`select chat_id from broadcast_recipients where status = 'uncertain'`)).map((r) => String(r.chat_id));
const uncertainDelivered = uncertainChats.filter((c) => fake.gotBroadcast(c)).length;
await ledger.end();
await check.close();
if (values['rate-trace']) {
  const offset = (startedAt - fake.startedAtMs) / 1000;
  for (const [i, b] of fake.buckets.entries()) log(`rate t=${(i * 10 - offset).toFixed(0)}..${(i * 10 + 10 - offset).toFixed(0)} s: ${(b.accepted / 10).toFixed(1)}/s, 429 ${b.n429}, fake loop max ${b.loopMaxMs.toFixed(0)} ms`);
}
// Where the 429s fell: seconds after the start, and relative to the kill (a restart's doing?).
for (const e of fake.at429) log(`429 (${e.rule}) at t=${((e.at - startedAt) / 1000).toFixed(1)} s, ${killedAt ? `${((e.at - killedAt) / 1000).toFixed(1)} s after the kill` : 'no kill'}, window ${Math.round(e.windowMs)} ms, the fake itself stalled ${Math.round(e.fakeStallMs)} ms before it`);
log(`ledger: ${JSON.stringify(Object.fromEntries(states.map((r) => [r.status, r.n])))}; ran ${Math.round((Date.now() - startedAt) / 1000)} s; shared 2-core machine`);

const duplicates = fake.bulkDuplicates;
const lost = N - broadcastDelivered();
const sorted = [...replyMs].sort((a, b) => a - b);
const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! : null;
const capacity = Math.max(1e-9, elapsedSending * LIMIT);
await fake.close();
await db.drop();
await deleteRunKeys(loadConfig(env as Record<string, string>).REDIS_URL, env.QUEUE_PREFIX);
console.log(
  JSON.stringify({
    recipients: N,
    limit_per_s: LIMIT,
    achieved_fraction: Number((fake.deliveredByBulkLast / capacity).toFixed(3)),
    bulk_fraction: Number((fake.bulkMessages / capacity).toFixed(3)),
    n429: fake.n429,
    n429_bot: fake.n429Bot,
    n429_chat: fake.n429Chat,
    n429_fake_stalled: fake.n429FakeStalled,
    rss_growth_mb: Number((Math.max(0, ...[...perProcess.values()].map((p) => p.max - p.base)) / 1024).toFixed(1)),
    duplicates,
    lost,
    lost_uncertain: uncertainChats.length - uncertainDelivered,
    uncertain_delivered: uncertainDelivered,
    reply_p95_ms: p95,
    replies: replyMs.length,
    slots_missed: missedTotal(),
    closest_window_ms: Number.isFinite(fake.closestWindowMs) ? Math.round(fake.closestWindowMs) : null,
    sending_s: Number(elapsedSending.toFixed(1)),
    down_s: Number((downMs / 1000).toFixed(1)),
  }),
);
process.exit(0);
