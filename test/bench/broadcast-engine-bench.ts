/**
 * `npm run bench:broadcast-engine [-- --recipients N]`: what a broadcast costs the engine itself,
 * in process, without sending (run with `node --expose-gc`, as the npm script does):
 * - start_ms, start_heap_growth_mb: starting a run of N residents (resolving the audience into the
 *   per-recipient ledger), and the most the heap grew meanwhile (sampled every 10 ms);
 * - with half the run sent (in 500-row steps, as the engine leaves index entries behind), the
 *   median of 5 timings of each per-tick engine query (load per bot, finished?, hand-over pick,
 *   mirror) and of the live progress read. They should not grow with N.
 * Ends with one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/schema.js';
import { createRuntime } from '../../src/runtime.js';
import { createTestDatabase } from '../harness/database.js';
import { seedResidents } from '../harness/broadcasts.js';
import { deleteRunKeys } from './redis-keys.js';
import { runBench } from './run-bench.js';

runBench(async () => {
  const { values } = parseArgs({ options: { recipients: { type: 'string', default: '100000' } } });
  const N = Number(values.recipients);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:broadcast-engine)');
  const db = await createTestDatabase();
  const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', DATABASE_URL: db.url, QUEUE_PREFIX: `be${Date.now().toString(36)}`, TELEGRAM_BOT_TOKEN: '777000:bench-token_abcdefghijklmnopqrstuvwxyz', TELEGRAM_WEBHOOK_SECRET: 'bench-secret_0123456789', TELEGRAM_API_ROOT: 'http://127.0.0.1:9', SIMULATOR_ENABLED: 'false', BROADCAST_QUIET_HOURS: 'false', BROADCAST_APPROVAL_THRESHOLD: String(N + 1) };
  const rt = await createRuntime(loadConfig(env as Record<string, string>), { log: pino({ level: 'silent' }) });
  await seedResidents(rt.db, N, { channel: 'telegram', botId: '777000', communeId: 'duc-pho/pho-minh', consent: true, prefix: '9' });
  const { id } = await rt.broadcasts.create({ kind: 'operator' }, 'cli', { text: 'Bà con nhớ quét mã QR.', communes: ['duc-pho/pho-minh'], audience: 'residents' });

  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const t0 = performance.now();
  await rt.broadcasts.tick(); // starts the run (and hands the first window over)
  const startMs = performance.now() - t0;
  clearInterval(sampler);

  for (let i = 0; i < N / 2; i += 500) await rt.db.execute(sql`update broadcast_recipients set status = 'sent' where id in (select id from broadcast_recipients where status = 'pending' order by id limit 500)`);
  const median = async (q: SQL) => {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await rt.db.execute(q);
      t.push(performance.now() - s);
    }
    return Number(t.sort((a, b) => a - b)[2]!.toFixed(1));
  };
  // The engine's own statements (src/broadcasts/engine.ts, control.ts), read-only forms.
  const figures = {
    recipients: N,
    start_ms: Math.round(startMs),
    start_heap_growth_mb: Number(((peak - heap0) / 1048576).toFixed(1)),
    load_ms: await median(sql`select c.run_id, c.channel, c.bot_id, coalesce(sum(c.n) filter (where c.status = 'pending'), 0) as pending, coalesce(sum(c.n) filter (where c.status = 'queued'), 0) as queued
      from broadcast_run_counts c join broadcast_runs r on r.id = c.run_id join broadcasts b on b.id = r.broadcast_id
      where r.status = 'sending' and b.status = 'scheduled' and c.status in ('pending', 'queued') and c.n > 0 group by c.run_id, c.channel, c.bot_id order by c.run_id`),
    finished_ms: await median(sql`select r.id from broadcast_runs r where r.status = 'sending' and not exists (select 1 from broadcast_run_counts c where c.run_id = r.id and c.status in ('pending', 'queued') and c.n > 0)`),
    pick_ms: await median(sql`select id from broadcast_recipients where run_id = (select id from broadcast_runs where broadcast_id = ${id}) and channel = 'telegram' and bot_id = '777000' and status = 'pending' order by id limit 200`),
    mirror_ms: await median(sql`select r.id from broadcast_recipients r join outbound_messages o on r.outbound_id = o.id where r.status = 'queued' and o.status in ('sent', 'failed', 'unreachable', 'uncertain', 'expired')
      and r.run_id in (select id from broadcast_runs where status in ('sending', 'cancelled', 'done'))`),
    progress_ms: await (async () => {
      const t: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await rt.broadcasts.progress({ kind: 'operator' }, id);
        t.push(performance.now() - s);
      }
      return Number(t.sort((a, b) => a - b)[2]!.toFixed(1));
    })(),
  };
  await rt.close();
  await db.drop();
  await deleteRunKeys(loadConfig(env as Record<string, string>).REDIS_URL, env.QUEUE_PREFIX);
  console.log(JSON.stringify(figures));
});
