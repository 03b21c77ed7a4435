import type { Logger } from 'pino';
import type { InboundRepo } from '../db/repos/inbound-repo.js';
import type { OutboundRepo } from '../db/repos/outbound-repo.js';
import type { MediaStore } from '../db/repos/media-repo.js';
import { STUCK_SENDING_MS } from './outbound-processor.js';

export interface SweepDeps {
  readonly inbound: InboundRepo;
  readonly outbound: OutboundRepo;
  readonly media: MediaStore;
  readonly log: Logger;
  enqueueInbound(id: number): Promise<void>;
  enqueueOutbound(channel: string, botId: string, ids: readonly number[]): Promise<void>;
}

/**
 * Re-enqueues work that was stored but whose job was lost (Redis down between the row and the
 * job), retires rows stuck in `sending`, and purges expired media. Idempotent: job ids are row ids.
 */
export async function sweepOnce(deps: SweepDeps, olderThanMs = 10_000): Promise<{ inbound: number; outbound: number }> {
  const stale = await deps.inbound.stale(olderThanMs);
  for (const row of stale) await deps.enqueueInbound(row.id);
  const pending = await deps.outbound.stalePending(olderThanMs);
  for (const row of pending) await deps.enqueueOutbound(row.channel, row.botId, [row.id]);
  const uncertain = await deps.outbound.markStuckUncertain(STUCK_SENDING_MS);
  if (uncertain > 0) deps.log.warn({ uncertain }, 'outbound messages left mid-send by a stopped worker');
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
