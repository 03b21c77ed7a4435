import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { workerConnectionOptions } from './redis.js';

const QUEUE = 'maintenance';

/**
 * Periodic jobs (automatic check-out, retention, ...) as one BullMQ repeatable job, so exactly one
 * process runs each tick however many instances are up. `tasks` run in order; one failing task
 * does not stop the others.
 */
export async function startMaintenance(
  opts: { redisUrl: string; prefix: string; everyMs: number; log: Logger },
  tasks: readonly { name: string; run: () => Promise<unknown> }[],
): Promise<{ close(): Promise<void> }> {
  const connection = workerConnectionOptions(opts.redisUrl);
  const queue = new Queue(QUEUE, { connection, prefix: opts.prefix });
  queue.on('error', () => {});
  await queue.upsertJobScheduler('tick', { every: opts.everyMs }, { name: 'tick', opts: { removeOnComplete: true, removeOnFail: 100 } }).catch((err: unknown) => {
    opts.log.warn({ err: String(err) }, 'maintenance schedule not set (Redis down?); will not run until restart');
  });
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
  worker.on('error', () => {});
  return {
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
