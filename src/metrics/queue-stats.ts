import type { Queue } from 'bullmq';
import type { OutboxBacklog } from '../db/repos/outbox-backlog-repo.js';
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

/**
 * One line per send queue and priority class. Every class shares its bot's queue (one rate
 * limiter), so the split comes from the ledger: pending rows that are due, and the oldest's age.
 * `queueOf` names the bot's BullMQ queue so both views use one label.
 */
export function sendQueueStats(backlog: readonly OutboxBacklog[], classes: readonly string[], bots: readonly { channel: string; botId: string }[], queueOf: (channel: string, botId: string) => string, now: number): QueueStat[] {
  const out = new Map<string, QueueStat>();
  // Every bot and class shows, with 0 when empty, so a dashboard's series do not vanish.
  for (const b of bots) for (const priority of classes) out.set(`${queueOf(b.channel, b.botId)}|${priority}`, { queue: queueOf(b.channel, b.botId), priority, waiting: 0, oldestAgeSeconds: 0 });
  for (const r of backlog) {
    const queue = queueOf(r.channel, r.botId);
    out.set(`${queue}|${r.priority}`, { queue, priority: r.priority, waiting: r.pending, oldestAgeSeconds: Math.max(0, (now - r.oldest.getTime()) / 1000) });
  }
  return [...out.values()];
}
