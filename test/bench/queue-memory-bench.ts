/**
 * `npm run bench:queue-memory [-- --jobs 20000]`: Redis memory per queued BullMQ job, as our
 * outbound sends are queued (job id = ledger row id, data = { outboundId }), for capacity planning.
 * Uses a fresh queue prefix and removes it afterwards. Ends with one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '20000' } } });
const jobs = Number(values.jobs);
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefix = `qtmem${randomBytes(4).toString('hex')}`;
const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);

const queue = new Queue('outbound-telegram-bench', { connection: redis, prefix });
await queue.waitUntilReady();
const before = await used();
for (let i = 0; i < jobs; i += 1000) {
  await queue.addBulk(
    Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({
      name: 'send',
      data: { outboundId: 10_000_000 + i + k },
      opts: { jobId: `out-${10_000_000 + i + k}`, priority: 4, attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { count: 1000 } },
    })),
  );
}
const after = await used();
await queue.obliterate({ force: true });
await queue.close();
await redis.quit();
console.log(JSON.stringify({ jobs, redis_bytes_per_job: Math.round((after - before) / jobs), redis_mb_per_100k_jobs: Math.round(((after - before) / jobs) * 100_000 / 1e6) }));
