import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { ChannelAdapter } from '../channels/contract.js';
import { processInbound, type InboundDeps } from '../pipeline/inbound-processor.js';
import { processOutbound, type OutboundDeps, type SendOutcome } from '../pipeline/outbound-processor.js';
import { INBOUND_QUEUE, outboundQueueName } from './queues.js';
import { throttledErrorLog } from '../log-throttle.js';
import { workerConnectionOptions } from './redis.js';

export interface WorkerOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  readonly inboundConcurrency: number;
  readonly log: Logger;
  /**
   * Told the outcome of every platform send attempt (sent, 429, auth, failed, unreachable,
   * expired), so /metrics can count them per channel. Waits and claims held elsewhere are not sends.
   */
  readonly onSendOutcome?: (channel: string, outcome: SendOutcomeLabel) => void;
}

/** What one send attempt came to, as counted by the metrics. */
export type SendOutcomeLabel = 'sent' | '429' | 'auth' | 'failed' | 'unreachable' | 'expired' | 'uncertain' | 'retry';

/** Maps a processor outcome to its metrics label; undefined when no send was attempted. */
export function sendOutcomeLabel(outcome: SendOutcome): SendOutcomeLabel | undefined {
  if (outcome.kind === 'rate-limited') return '429';
  // A bot already paused holds its message without a platform call: not a send attempt.
  if (outcome.kind === 'paused') return outcome.held ? undefined : 'auth';
  if (outcome.kind === 'wait') return undefined;
  const known: readonly string[] = ['sent', 'failed', 'unreachable', 'expired', 'uncertain'];
  return known.includes(outcome.status) ? (outcome.status as SendOutcomeLabel) : undefined;
}

/** Running BullMQ workers; `close` lets each finish its current job, then disconnects. */
export interface RunningWorkers {
  readonly workers: readonly Worker[];
  close(): Promise<void>;
}

async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

/**
 * Send jobs in flight per bot when a bot pacer paces them. Each job spends a few database and
 * Redis round trips besides its platform call; on a busy machine a round trip takes tens of ms,
 * so a handful of slots cannot keep up with a fast bot (4 slots sent ~18 msg/s against a 200/s
 * limit). About a quarter of the per-second rate keeps the pipe full; how far ahead bulk sends
 * hold slots (and so how long a resident's reply waits behind them) is bounded by the pacer's
 * bulk lead (MAX_LEAD_MS in src/pipeline/send-slot.ts), not by this number.
 */
export function sendConcurrency(perSecond: number): number {
  return Math.min(100, Math.max(4, Math.ceil(perSecond / 4)));
}

export function startWorkers(opts: WorkerOptions, inbound: InboundDeps, outbound: OutboundDeps, adapters: readonly ChannelAdapter[]): RunningWorkers {
  const connection = workerConnectionOptions(opts.redisUrl);
  const base = { connection, prefix: opts.prefix, autorun: true };
  const workers: Worker[] = [];

  const inboundWorker = new Worker(
    INBOUND_QUEUE,
    async (job, token) => {
      const outcome = await processInbound(inbound, Number(job.data.updateId));
      if (outcome.kind === 'wait') await delay(job, token, outcome.ms);
    },
    { ...base, concurrency: opts.inboundConcurrency },
  );
  inboundWorker.on('failed', (job, err) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    opts.log.error({ err, updateId: job.data.updateId }, 'inbound update failed for good');
    void inbound.inbound
      .finish(inbound.db, Number(job.data.updateId), 'failed', String(err).slice(0, 500))
      .catch((e: unknown) => opts.log.warn({ err: e, updateId: job.data.updateId }, 'failed update not marked failed; the sweep will queue it again'));
  });
  workers.push(inboundWorker);

  for (const adapter of adapters) {
    const { perSecond } = adapter.capabilities.rate;
    const worker: Worker = new Worker(
      outboundQueueName(adapter.channel, adapter.botId),
      async (job, token) => {
        let outcome;
        try {
          outcome = await processOutbound(outbound, Number(job.data.outboundId), { final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
        } catch (err) {
          opts.onSendOutcome?.(adapter.channel, 'retry');
          if (err instanceof Error && 'retryable' in err && err.retryable === false) throw new UnrecoverableError(err.message);
          throw err;
        }
        const label = sendOutcomeLabel(outcome);
        if (label) opts.onSendOutcome?.(adapter.channel, label);
        if (outcome.kind === 'wait') return delay(job, token, outcome.ms);
        if (outcome.kind === 'rate-limited' || outcome.kind === 'paused') {
          if (outcome.kind === 'rate-limited') opts.log.warn({ channel: adapter.channel, ms: outcome.ms }, 'platform throttled the bot; pausing it');
          await worker.rateLimit(outcome.ms);
          throw Worker.RateLimitError();
        }
        return outcome.status;
      },
      // A dead process's job is noticed within seconds (short lock, frequent stall check). With a
      // bot pacer the pace is the pacer's; without one, BullMQ's limiter paces this queue alone.
      {
        ...base,
        ...(outbound.botPacer ? { concurrency: sendConcurrency(perSecond) } : { concurrency: 4, limiter: { max: Math.max(1, Math.floor(perSecond)), duration: 1000 } }),
        lockDuration: 10_000,
        stalledInterval: 5_000,
      },
    );
    // A job that failed for good leaves no job behind, so the sweep can queue its row again if
    // the row is still pending (e.g. Postgres was down during every attempt).
    worker.on('failed', (job, err) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      opts.log.error({ err: err.message, outboundId: job.data.outboundId }, 'send job failed for good');
      job.remove().catch((e: unknown) => opts.log.warn({ err: String(e) }, 'failed send job not removed'));
    });
    workers.push(worker);
  }
  for (const w of workers) w.on('error', throttledErrorLog(opts.log, 'worker: Redis connection problem; retrying', { queue: w.name }));

  return {
    workers,
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
    },
  };
}
