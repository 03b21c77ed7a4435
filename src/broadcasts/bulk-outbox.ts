import type { OutboundRepo } from '../db/repos/outbound-repo.js';
import type { Queues } from '../queue/queues.js';
import type { BulkOutbox } from './ports.js';

/** BullMQ priority of bulk sends: behind replies and reminders, which carry none. */
export const BULK_PRIORITY = 10;

/**
 * The bulk outbox on today's outbound ledger: rows written in the caller's transaction, jobs
 * enqueued at the lowest priority after commit. Issue 11's outbox (`bulk` class) replaces this.
 */
export function bulkOutbox(outbound: OutboundRepo, queues: Queues): BulkOutbox {
  return {
    add: (tx, messages) => outbound.add(tx, messages),
    afterCommit: (channel, botId, ids) => queues.enqueueOutbound(channel, botId, ids, BULK_PRIORITY),
  };
}
