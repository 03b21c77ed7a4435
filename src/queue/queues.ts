import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { withTimeout } from '../db/client.js';
import { UnavailableError } from '../domain/errors.js';
import { microBatch } from '../pipeline/micro-batch.js';

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

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {
    this.inbound = new Queue(INBOUND_QUEUE, { connection, prefix });
    this.inbound.on('error', () => {});
  }

  outboundQueue(channel: string, botId: string): Queue {
    const name = outboundQueueName(channel, botId);
    let q = this.outbound.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      q.on('error', () => {});
      this.outbound.set(name, q);
    }
    return q;
  }

  /** Job ids are the row ids, so enqueueing the same row twice adds one job. Concurrent calls share one round trip. */
  readonly enqueueInbound = microBatch(async (ids: number[]) => {
    await guard(this.inbound.addBulk(ids.map((updateId) => ({ name: 'update', data: { updateId }, opts: { ...inboundJob, jobId: `in-${updateId}` } }))));
    return ids.map(() => undefined);
  });

  /** `priority` > 0 queues behind every job without one (BullMQ takes its wait list first): bulk sends use it so replies go first. */
  async enqueueOutbound(channel: string, botId: string, ids: readonly number[], priority?: number): Promise<void> {
    if (ids.length === 0) return;
    const q = this.outboundQueue(channel, botId);
    const extra = priority ? { priority } : {};
    await guard(q.addBulk(ids.map((id) => ({ name: 'send', data: { outboundId: id }, opts: { ...outboundJob, ...extra, jobId: `out-${id}` } }))));
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

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await withTimeout(p, 1500);
  } catch (err) {
    throw new UnavailableError('Redis', err);
  }
}
