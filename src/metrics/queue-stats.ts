import type { Queue } from 'bullmq';
import type { QueueStat } from './metrics.js';

/**
 * Backlog of BullMQ queues for /metrics: waiting (incl. prioritized) jobs and the age of the oldest.
 * `priorityOf` names the priority class a queue carries ('' when it is not a send queue).
 */
export async function readQueueStats(queues: readonly Queue[], now: number, priorityOf: (queue: Queue) => string = () => ''): Promise<QueueStat[]> {
  return Promise.all(
    queues.map(async (q) => {
      const counts = await q.getJobCounts('waiting', 'prioritized');
      const [oldest] = await q.getJobs(['waiting', 'prioritized'], 0, 0, true);
      const waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0);
      return { queue: q.name, priority: priorityOf(q), waiting, oldestAgeSeconds: oldest ? Math.max(0, (now - oldest.timestamp) / 1000) : 0 };
    }),
  );
}
