import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { withTimeout } from '../db/client.js';
import { UnavailableError } from '../domain/errors.js';
import type { Logger } from 'pino';
import { throttledErrorLog } from '../log-throttle.js';
import { microBatch } from '../pipeline/micro-batch.js';
import { QUEUE_PRIORITY, type OutboxJob, type PriorityClass } from '../outbox/types.js';

/** Jobs per addBulk call (one Redis round trip each). */
const ENQUEUE_BATCH = 1000;

export const INBOUND_QUEUE = 'inbound';

/** One outbound queue per bot, so each bot has its own rate limiter and can be paused alone. */
export function outboundQueueName(channel: string, botId: string): string {
  return `outbound-${channel}-${botId}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

const inboundJob: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

const outboundJob: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Producer side of every queue; adding a job fails within a second when Redis is down. */
export class Queues {
  private readonly outbound = new Map<string, Queue>();
  readonly inbound: Queue;

  /** Connection errors of every producer queue, logged once a minute at most (they share one connection). */
  private readonly connectionError: (err: unknown) => void;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    log?: Logger,
  ) {
    this.connectionError = log ? throttledErrorLog(log, 'queue producer: Redis connection problem; retrying') : () => undefined;
    this.inbound = new Queue(INBOUND_QUEUE, { connection, prefix });
    this.inbound.on('error', this.connectionError);
  }

  outboundQueue(channel: string, botId: string): Queue {
    const name = outboundQueueName(channel, botId);
    let q = this.outbound.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      q.on('error', this.connectionError);
      this.outbound.set(name, q);
    }
    return q;
  }

  /** Job ids are the row ids, so enqueueing the same row twice adds one job. Concurrent calls share one round trip. */
  readonly enqueueInbound = microBatch(async (ids: number[]) => {
    await guard(this.inbound.addBulk(ids.map((updateId) => ({ name: 'update', data: { updateId }, opts: { ...inboundJob, jobId: `in-${updateId}` } }))));
    return ids.map(() => undefined);
  });

  /**
   * One job per ledger row in the bot's queue. Every class shares the bot's queue, so its rate
   * limiter is the platform's per-bot limit; BullMQ job priorities put replies before alerts,
   * reminders and bulk sends. A due time in the future becomes a delay.
   */
  async enqueueOutbound(channel: string, botId: string, ids: readonly number[], opts: { priority?: PriorityClass; dueAt?: Date | null } = {}): Promise<void> {
    await this.enqueueOutboxJobs(ids.map((id) => ({ id, channel, botId, priority: opts.priority ?? 'reply', dueAt: opts.dueAt ?? null })));
  }

  async enqueueOutboxJobs(jobs: readonly OutboxJob[]): Promise<void> {
    const byBot = new Map<string, OutboxJob[]>();
    for (const j of jobs) {
      const key = `${j.channel}\u0000${j.botId}`;
      const group = byBot.get(key);
      if (group) group.push(j);
      else byBot.set(key, [j]);
    }
    const now = Date.now();
    for (const group of byBot.values()) {
      const q = this.outboundQueue(group[0]!.channel, group[0]!.botId);
      for (let i = 0; i < group.length; i += ENQUEUE_BATCH) {
        const chunk = group.slice(i, i + ENQUEUE_BATCH).map((j) => {
          const delay = j.dueAt ? Math.max(0, j.dueAt.getTime() - now) : 0;
          return { name: 'send', data: { outboundId: j.id }, opts: { ...outboundJob, jobId: `out-${j.id}`, priority: QUEUE_PRIORITY[j.priority] ?? QUEUE_PRIORITY.bulk, ...(delay > 0 ? { delay } : {}) } };
        });
        await guard(q.addBulk(chunk), chunk.length > 100 ? 15_000 : 1500);
      }
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await withTimeout(this.connection.ping(), 1000)) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.inbound.close(), ...[...this.outbound.values()].map((q) => q.close())]);
  }
}

async function guard<T>(p: Promise<T>, ms = 1500): Promise<T> {
  try {
    return await withTimeout(p, ms);
  } catch (err) {
    throw new UnavailableError('Redis', err);
  }
}
