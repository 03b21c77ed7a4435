import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { withTimeout } from '../db/client.js';
import { throttledErrorLog } from '../log-throttle.js';
import { workerConnectionOptions } from './redis.js';

const QUEUE = 'maintenance';

/**
 * Periodic jobs (automatic check-out, retention, ...) as one BullMQ repeatable job, so exactly one
 * process runs each tick however many instances are up. `tasks` run in order; one failing task
 * does not stop the others.
 */
export async function startMaintenance(
  opts: { redisUrl: string; prefix: string; everyMs: number; log: Logger; recheckMs?: number },
  tasks: readonly { name: string; run: () => Promise<unknown> }[],
): Promise<{ ensureSchedule(): Promise<boolean>; close(): Promise<void> }> {
  const connection = workerConnectionOptions(opts.redisUrl);
  const queue = new Queue(QUEUE, { connection, prefix: opts.prefix });
  queue.on('error', throttledErrorLog(opts.log, 'maintenance queue: Redis connection problem; retrying'));
  // The schedule lives in Redis: check it now and every minute, and put it back when it is missing
  // (a Redis flush, a restart without persistence). Never blocks start-up while Redis is down.
  const ensure = async (): Promise<boolean> => {
    const existing = await withTimeout(queue.getJobScheduler('tick'), 2000);
    if (existing) return false;
    await withTimeout(queue.upsertJobScheduler('tick', { every: opts.everyMs }, { name: 'tick', opts: { removeOnComplete: true, removeOnFail: 100 } }), 2000);
    opts.log.info({ everyMs: opts.everyMs }, 'maintenance schedule registered');
    return true;
  };
  const tryEnsure = () => ensure().catch((err: unknown) => {
    opts.log.warn({ err: String(err) }, 'maintenance schedule not checked (Redis down?); will retry');
    return false;
  });
  void tryEnsure();
  const timer = setInterval(() => void tryEnsure(), opts.recheckMs ?? 60_000);
  timer.unref();
  const worker = new Worker(
    QUEUE,
    async () => {
      for (const task of tasks) {
        try {
          await task.run();
        } catch (err) {
          opts.log.error({ err, task: task.name }, 'maintenance task failed; retried next tick');
        }
      }
    },
    { connection, prefix: opts.prefix, concurrency: 1 },
  );
  worker.on('error', throttledErrorLog(opts.log, 'maintenance worker: Redis connection problem; retrying'));
  return {
    ensureSchedule: ensure,
    async close() {
      clearInterval(timer);
      await worker.close();
      await queue.close();
    },
  };
}
