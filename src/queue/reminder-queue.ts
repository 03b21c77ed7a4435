import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { throttledErrorLog } from '../log-throttle.js';
import { workerConnectionOptions } from './redis.js';

const QUEUE = 'reminders';

/** A reminder job carries ids only: never names, phone or ID numbers (they would sit in Redis). */
export interface ReminderJob {
  readonly registrationId: number;
  readonly version: number;
  readonly kind: string;
}

const jobId = (j: ReminderJob) => `rem-${j.registrationId}-v${j.version}-${j.kind}`;

/**
 * Appointment reminders as BullMQ delayed jobs. Job ids are deterministic (registration, appointment
 * version, kind), so scheduling twice, or again after a restart, adds nothing; a moved appointment
 * gets a new version, its old jobs are removed, and any that still run find themselves stale.
 */
export class ReminderQueue {
  private readonly queue: Queue;
  private worker: Worker | undefined;

  constructor(private readonly opts: { redisUrl: string; prefix: string; log: Logger }) {
    this.queue = new Queue(QUEUE, { connection: workerConnectionOptions(opts.redisUrl), prefix: opts.prefix });
    this.queue.on('error', throttledErrorLog(opts.log, 'reminder queue: Redis connection problem; retrying'));
  }

  async schedule(job: ReminderJob, at: Date, now: Date): Promise<void> {
    await this.queue.add('remind', job, { jobId: jobId(job), delay: Math.max(0, at.getTime() - now.getTime()), attempts: 5, backoff: { type: 'exponential', delay: 30_000 }, removeOnComplete: 1000, removeOnFail: 1000 });
  }

  /** Removes the delayed jobs of one appointment version (both kinds). */
  async unschedule(registrationId: number, version: number, kinds: readonly string[]): Promise<void> {
    for (const kind of kinds) await this.queue.remove(jobId({ registrationId, version, kind }));
  }

  /** The BullMQ queue itself, read by /metrics for its backlog (jobs due and not yet run). */
  get backlogQueue(): Queue {
    return this.queue;
  }

  /** Jobs not yet run, with the delay they were scheduled with (for officials' tools and tests). */
  async pending(): Promise<{ id: string; data: ReminderJob; delayMs: number }[]> {
    const jobs = await this.queue.getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs.map((j) => ({ id: j.id ?? '', data: j.data as ReminderJob, delayMs: j.opts.delay ?? 0 }));
  }

  start(process: (job: ReminderJob) => Promise<unknown>): void {
    this.worker = new Worker(QUEUE, async (j) => process(j.data as ReminderJob), { connection: workerConnectionOptions(this.opts.redisUrl), prefix: this.opts.prefix, concurrency: 4 });
    this.worker.on('error', throttledErrorLog(this.opts.log, 'reminder worker: Redis connection problem; retrying'));
    this.worker.on('failed', (j, err) => this.opts.log.warn({ job: j?.id, err: err.message }, 'reminder failed; retried with backoff'));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
