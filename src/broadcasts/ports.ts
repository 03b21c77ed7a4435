import type { OutboundPart } from '../channels/contract.js';
import type { Db } from '../db/client.js';
import { AppError } from '../domain/errors.js';

/**
 * An official as the broadcast use-cases see them. Structurally the `Official` of issue 10
 * (`src/officials/types.ts`), so the officials directory plugs in unchanged once it lands.
 */
export interface BroadcastOfficial {
  readonly id: number;
  readonly role: 'official' | 'admin';
  readonly communeIds: readonly string[];
  readonly displayName: string | null;
}

/** Who acts: an official, or an operator at the CLI / with the deployment's API key (whole area). */
export type Actor = { readonly kind: 'official'; readonly official: BroadcastOfficial } | { readonly kind: 'operator' };

export type Via = 'chat' | 'cli' | 'api' | 'dashboard';

/** Issue 10's audit log, written in the caller's transaction. Optional until it lands. */
export interface AuditPort {
  record(db: Db, entry: { officialId: number | null; via: Via; action: string; communeId: string | null; subject?: string; detail?: Record<string, unknown> }): Promise<void>;
}

/** One message handed to the outbound ledger (issue 11's outbox, `bulk` class, when it lands). */
export interface BulkMessage {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
  readonly part: OutboundPart;
  /** Idempotency key (the recipient row id): the same key never makes a second message. */
  readonly key: string;
}

/**
 * Where broadcast messages go to be sent. `add` writes ledger rows in the caller's transaction and
 * returns their ids in order; `afterCommit` enqueues them (a lost enqueue is repaired by the sweep).
 */
export interface BulkOutbox {
  add(tx: Db, messages: readonly BulkMessage[]): Promise<number[]>;
  afterCommit(channel: string, botId: string, ids: readonly number[]): Promise<void>;
}

/** The bots that can send right now, with their per-bot rate (messages per second). */
export interface SendingBots {
  rateOf(channel: string, botId: string): number | undefined;
}

/** Thrown when an official acts outside their communes; never retryable (HTTP 403). */
export class BroadcastForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', message, { retryable: false });
    this.name = 'BroadcastForbiddenError';
  }
}

/** The request itself is wrong (HTTP 400 / a clear chat answer); retrying unchanged cannot help. */
export class BroadcastInputError extends AppError {
  constructor(message: string) {
    super('invalid_input', message, { retryable: false });
    this.name = 'BroadcastInputError';
  }
}

/** Scope check: an official may only name communes they act for; operators and admins act for all. */
export function assertCommunesInScope(actor: Actor, communeIds: readonly string[]): void {
  if (actor.kind === 'operator' || actor.official.role === 'admin') return;
  const outside = communeIds.filter((c) => !actor.official.communeIds.includes(c));
  if (outside.length > 0) throw new BroadcastForbiddenError(`outside your communes: ${outside.join(', ')}`);
}

export const isAdmin = (actor: Actor) => actor.kind === 'operator' || actor.official.role === 'admin';
export const actorId = (actor: Actor) => (actor.kind === 'official' ? actor.official.id : null);
