import type { Reply } from '../conversation/types.js';
import type { Db } from '../db/client.js';
import type { ChatAddress, OutboxReceipt, PriorityClass } from './types.js';

/**
 * Where a variant's parts carry the recipient's dedupe key (a button's payload, e.g. `tv:ack:{{key}}`).
 * Substituted server-side, after rendering, so it must not change a text's length by much: keys
 * are short ids.
 */
export const RECIPIENT_KEY_TOKEN = '{{key}}';

/**
 * Many messages that share a few texts: each variant is rendered once per (channel, bot) and the
 * rows are written by Postgres itself (INSERT … SELECT joining the recipients to the rendered
 * variants), so 10,000 alerts ship ~100 bytes each instead of their whole rendered text.
 */
export interface TemplatedBatch {
  readonly priority: PriorityClass;
  /** Every message gets `dedupe: { kind, key: recipient.dedupeKey }`: adding the same recipient twice writes nothing. */
  readonly dedupeKind: string;
  readonly expiresAt?: Date;
  /** The message of each variant, with RECIPIENT_KEY_TOKEN where the recipient's key goes. */
  readonly variants: ReadonlyMap<string, readonly Reply[]>;
  readonly recipients: readonly { readonly variant: string; readonly to: ChatAddress; readonly dedupeKey: string }[];
}

/** The bulk writer as callers receive it (bound to the bots' capabilities and the clock). */
export interface TemplatedOutbox {
  /** Writes the batch in the caller's transaction; hand the receipt to `Outbox.afterCommit` after commit. */
  addTemplated(tx: Db, batch: TemplatedBatch): Promise<OutboxReceipt>;
}
