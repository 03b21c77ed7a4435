import { and, desc, inArray, isNull, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ChannelCapabilities, OutboundPart } from '../channels/contract.js';
import { renderReplies } from '../conversation/render.js';
import type { Db } from '../db/client.js';
import { contacts } from '../db/schema/contacts.js';
import { outboundMessages } from '../db/schema/outbound.js';
import { DEFAULT_LIFETIME_MS, type ChatAddress, type Outbox, type OutboxJob, type OutboxMessage, type OutboxReceipt, type PriorityClass } from './types.js';

/** Rows per INSERT: ~14 parameters a row keeps one statement well under Postgres' 65,535. */
export const INSERT_BATCH = 2000;
/** Person ids per chat-lookup query. */
const LOOKUP_BATCH = 5000;

export interface LedgerOutboxDeps {
  /** The switched-on bot's capabilities, or undefined when that channel/bot is off. */
  capabilities(channel: string, botId: string): ChannelCapabilities | undefined;
  /** Hands committed rows to the per-bot send queues. */
  enqueue(jobs: readonly OutboxJob[]): Promise<void>;
  /** Loads routing of committed rows (for receipts built without `jobs`). */
  load?(ids: readonly number[]): Promise<OutboxJob[]>;
  now(): Date;
  readonly log: Logger;
}

interface Row {
  channel: string;
  botId: string;
  chatId: string;
  inboundId: number | null;
  part: OutboundPart;
  priority: PriorityClass;
  expiresAt: Date;
  dueAt: Date | null;
  dedupeKind: string | null;
  dedupeKey: string | null;
  partNo: number;
}

/**
 * The one way a message leaves quetma: turn replies, notices, reminders, automatic check-out
 * notices, alerts and broadcasts all become ledger rows here, in the caller's transaction, and go
 * to the send queue after it commits. Rendering happens here, for the chat actually chosen.
 */
export class LedgerOutbox implements Outbox {
  constructor(private readonly deps: LedgerOutboxDeps) {}

  async add(tx: Db, messages: readonly OutboxMessage[]): Promise<OutboxReceipt> {
    if (messages.length === 0) return { ids: [], skipped: 0, jobs: [] };
    const chats = await this.resolve(tx, messages);
    const now = this.deps.now();
    const rows: Row[] = [];
    let skipped = 0;
    const dedupeWanted = new Set<string>();
    messages.forEach((m, i) => {
      const chat = chats[i];
      const caps = chat && this.deps.capabilities(chat.channel, chat.botId);
      if (!chat || !caps) {
        skipped++;
        return;
      }
      const { parts } = renderReplies(m.parts, caps);
      const expiresAt = m.expiresAt ?? new Date((m.notBefore ?? now).getTime() + DEFAULT_LIFETIME_MS[m.priority]);
      if (m.dedupe) dedupeWanted.add(dedupeId(m.dedupe.kind, m.dedupe.key));
      parts.forEach((part, partNo) =>
        rows.push({
          ...pickChat(chat),
          inboundId: m.inboundId ?? null,
          part,
          priority: m.priority,
          expiresAt,
          dueAt: m.notBefore ?? null,
          dedupeKind: m.dedupe?.kind ?? null,
          dedupeKey: m.dedupe?.key ?? null,
          partNo,
        }),
      );
    });
    const jobs: OutboxJob[] = [];
    const dedupeGot = new Set<string>();
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const inserted = await tx
        .insert(outboundMessages)
        .values(rows.slice(i, i + INSERT_BATCH))
        .onConflictDoNothing()
        .returning({ id: outboundMessages.id, channel: outboundMessages.channel, botId: outboundMessages.botId, priority: outboundMessages.priority, dueAt: outboundMessages.dueAt, dedupeKind: outboundMessages.dedupeKind, dedupeKey: outboundMessages.dedupeKey });
      for (const r of inserted) {
        jobs.push({ id: r.id, channel: r.channel, botId: r.botId, priority: r.priority as PriorityClass, dueAt: r.dueAt });
        if (r.dedupeKind !== null && r.dedupeKey !== null) dedupeGot.add(dedupeId(r.dedupeKind, r.dedupeKey));
      }
    }
    for (const d of dedupeWanted) if (!dedupeGot.has(d)) skipped++;
    jobs.sort((a, b) => a.id - b.id);
    return { ids: jobs.map((j) => j.id), skipped, jobs };
  }

  async afterCommit(receipt: OutboxReceipt): Promise<void> {
    if (receipt.ids.length === 0) return;
    const jobs = receipt.jobs ?? (this.deps.load ? await this.deps.load(receipt.ids) : []);
    await this.deps.enqueue(jobs);
  }

  /** The chat for each message: exact addresses as given, persons by their reachable chat used last. */
  private async resolve(tx: Db, messages: readonly OutboxMessage[]): Promise<(ChatAddress | undefined)[]> {
    const personIds = [...new Set(messages.flatMap((m) => ('contactId' in m.to ? [m.to.contactId] : [])))];
    const byPerson = new Map<number, ChatAddress>();
    for (let i = 0; i < personIds.length; i += LOOKUP_BATCH) {
      const ids = personIds.slice(i, i + LOOKUP_BATCH);
      const found = await tx
        .select({ id: contacts.id, linkedTo: contacts.linkedTo, channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId })
        .from(contacts)
        .where(and(or(inArray(contacts.id, ids), inArray(contacts.linkedTo, ids)), isNull(contacts.unreachableAt)))
        .orderBy(desc(contacts.lastSeenAt), desc(contacts.id));
      // Most recently used first: the first switched-on chat seen for a person wins.
      for (const c of found) {
        const person = c.linkedTo ?? c.id;
        if (!byPerson.has(person) && this.deps.capabilities(c.channel, c.botId)) byPerson.set(person, pickChat(c));
      }
    }
    return messages.map((m) => ('contactId' in m.to ? byPerson.get(m.to.contactId) : pickChat(m.to)));
  }
}

const pickChat = (c: ChatAddress): ChatAddress => ({ channel: c.channel, botId: c.botId, chatId: c.chatId });
const dedupeId = (kind: string, key: string) => `${kind}\u0000${key}`;
