import type { Reply } from '../conversation/types.js';
import type { Db } from '../db/client.js';

/** reply > alert > reminder > bulk: the per-bot platform limit is shared, replies go first. */
export type PriorityClass = 'reply' | 'alert' | 'reminder' | 'bulk';

export const PRIORITY_CLASSES: readonly PriorityClass[] = ['reply', 'alert', 'reminder', 'bulk'];

/** BullMQ job priority per class (lower runs first; all four share one per-bot queue and limiter). */
export const QUEUE_PRIORITY: Readonly<Record<PriorityClass, number>> = { reply: 1, alert: 2, reminder: 3, bulk: 4 };

/**
 * How long a message of each class stays worth sending when the caller gives no `expiresAt`:
 * a reply after an hour answers a question nobody remembers asking; an alert or a broadcast is
 * still useful the next day.
 */
export const DEFAULT_LIFETIME_MS: Readonly<Record<PriorityClass, number>> = {
  reply: 3600_000,
  alert: 3 * 24 * 3600_000,
  reminder: 24 * 3600_000,
  bulk: 2 * 24 * 3600_000,
};

/** One exact chat of one bot. */
export interface ChatAddress {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
}

export interface OutboxMessage {
  /** A person (primary contact id): the outbox picks their reachable chat used last; or one exact chat. */
  readonly to: { readonly contactId: number } | ChatAddress;
  readonly priority: PriorityClass;
  readonly parts: readonly Reply[]; // Reply from src/conversation/types.ts (text, image, choices...)
  /** After this the message is pointless (a reply after 1 h, a reminder after its appointment): becomes `expired`. */
  readonly expiresAt?: Date;
  readonly inboundId?: number;
  /** Idempotency: one ledger message per (kind, key); adding the same again is a no-op. */
  readonly dedupe?: { readonly kind: string; readonly key: string };
  /** Send no earlier than this (durable: the due time lives in Postgres, a Redis job only wakes it). */
  readonly notBefore?: Date;
}

/** A stored row and what its queue job needs. */
export interface OutboxJob {
  readonly id: number;
  readonly channel: string;
  readonly botId: string;
  readonly priority: PriorityClass;
  readonly dueAt?: Date | null;
}

export interface OutboxReceipt {
  readonly ids: readonly number[];
  readonly skipped: number /* unreachable or deduped */;
  /** The rows with their queue routing (filled by the outbox; `afterCommit` loads them by id when absent). */
  readonly jobs?: readonly OutboxJob[];
}

export interface Outbox {
  /** Writes ledger rows in the caller's transaction (`tx`); returns what to enqueue after commit. */
  add(tx: Db, messages: readonly OutboxMessage[]): Promise<OutboxReceipt>;
  /** Enqueues the rows of a committed receipt (a lost enqueue is repaired by the sweep). */
  afterCommit(receipt: OutboxReceipt): Promise<void>;
}

/** Ledger row statuses: every row ends in one of the last five, with its reason. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable' | 'expired' | 'uncertain';
