import type { Logger } from 'pino';
import type { InboundRepo } from '../db/repos/inbound-repo.js';
import type { OutboundRepo } from '../db/repos/outbound-repo.js';
import type { MediaStore } from '../db/repos/media-repo.js';
import type { Db } from '../db/client.js';
import { resolveAbandoned } from '../outbox/recovery.js';
import type { OutboxJob } from '../outbox/types.js';

export interface SweepDeps {
  readonly inbound: InboundRepo;
  readonly outbound: OutboundRepo;
  readonly media: MediaStore;
  readonly log: Logger;
  enqueueInbound(id: number): Promise<void>;
  enqueueOutbound(channel: string, botId: string, ids: readonly number[]): Promise<void>;
  /** Queues ledger rows with their class and due time. */
  enqueueOutboxJobs?(jobs: readonly OutboxJob[]): Promise<void>;
  /** The database, for resolving rows of dead send workers (optional for older callers). */
  readonly db?: Db;
  now?(): Date;
}

/**
 * Re-enqueues work that was stored but whose job was lost (Redis down between the row and the
 * job), retires rows stuck in `sending`, and purges expired media. Idempotent: job ids are row ids.
 */
export async function sweepOnce(deps: SweepDeps, olderThanMs = 10_000): Promise<{ inbound: number; outbound: number }> {
  const stale = await deps.inbound.stale(olderThanMs);
  for (const row of stale) await deps.enqueueInbound(row.id);
  const expired = await deps.outbound.expirePending(deps.now?.());
  if (expired > 0) deps.log.info({ expired }, 'outbound messages expired unsent');
  const pending = await deps.outbound.stalePending(olderThanMs);
  const jobs = pending.map((row) => ({ id: row.id, channel: row.channel, botId: row.botId, priority: row.priority as OutboxJob['priority'], dueAt: row.dueAt }));
  if (deps.enqueueOutboxJobs) await deps.enqueueOutboxJobs(jobs);
  else for (const row of pending) await deps.enqueueOutbound(row.channel, row.botId, [row.id]);
  if (deps.db) {
    const dead = await resolveAbandoned(deps.db);
    if (dead.uncertain + dead.requeue.length > 0) deps.log.warn({ uncertain: dead.uncertain, resent: dead.requeue.length }, 'outbound messages left mid-send by a stopped worker');
    if (dead.requeue.length && deps.enqueueOutboxJobs) await deps.enqueueOutboxJobs(dead.requeue);
  } else {
    const uncertain = await deps.outbound.markStuckUncertain(60_000);
    if (uncertain > 0) deps.log.warn({ uncertain }, 'outbound messages left mid-send by a stopped worker');
  }
  await deps.media.purgeExpired();
  if (stale.length + pending.length > 0) deps.log.info({ inbound: stale.length, outbound: pending.length }, 'sweep re-enqueued work');
  return { inbound: stale.length, outbound: pending.length };
}

/** Runs the sweep every `intervalMs`; errors (Redis or Postgres still down) just wait for the next run. */
export function startSweeper(deps: SweepDeps, intervalMs: number): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepOnce(deps)
      .catch((err: unknown) => deps.log.warn({ err: String(err) }, 'sweep failed; will retry'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
