import { and, desc, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ChannelCapabilities, OutboundPart } from '../channels/contract.js';
import { renderReplies } from '../conversation/render.js';
import type { Db } from '../db/client.js';
import { contacts } from '../db/schema/contacts.js';
import { afterCommit } from '../db/unit-of-work.js';
import { DEFAULT_LIFETIME_MS, type ChatAddress, type Outbox, type OutboxJob, type OutboxMessage, type OutboxReceipt, type PriorityClass } from './types.js';

/** Rows per INSERT statement (one JSON parameter each). */
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
      for (const r of await insertBatch(tx, rows.slice(i, i + INSERT_BATCH))) {
        jobs.push({ id: Number(r.id), channel: r.channel, botId: r.bot_id, priority: r.priority as PriorityClass, dueAt: r.due_at ? new Date(r.due_at) : null });
        if (r.dedupe_kind !== null && r.dedupe_key !== null) dedupeGot.add(dedupeId(r.dedupe_kind, r.dedupe_key));
      }
    }
    for (const d of dedupeWanted) if (!dedupeGot.has(d)) skipped++;
    jobs.sort((a, b) => a.id - b.id);
    return { ids: jobs.map((j) => j.id), skipped, jobs };
  }

  async afterCommit(receipt: OutboxReceipt): Promise<void> {
    if (receipt.ids.length === 0) return;
    // Called by a use-case inside a conversation turn: its rows commit with the turn, so they are
    // queued then (a job for a row not yet committed would find nothing to send).
    if (afterCommit(() => this.enqueueReceipt(receipt))) return;
    await this.enqueueReceipt(receipt);
  }

  private async enqueueReceipt(receipt: OutboxReceipt): Promise<void> {
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

interface Inserted {
  id: number | string;
  channel: string;
  bot_id: string;
  priority: string;
  due_at: string | Date | null;
  dedupe_kind: string | null;
  dedupe_key: string | null;
}

/**
 * One multi-row INSERT whose rows travel as a single JSON parameter (jsonb_to_recordset): a few
 * thousand rows cost one statement and one parameter instead of tens of thousands of bound values.
 */
async function insertBatch(tx: Db, rows: readonly Row[]): Promise<Inserted[]> {
  const json = JSON.stringify(
    rows.map((r) => ({
      channel: r.channel,
      bot_id: r.botId,
      chat_id: r.chatId,
      inbound_id: r.inboundId,
      part: r.part,
      priority: r.priority,
      expires_at: r.expiresAt.toISOString(),
      due_at: r.dueAt?.toISOString() ?? null,
      dedupe_kind: r.dedupeKind,
      dedupe_key: r.dedupeKey,
      part_no: r.partNo,
    })),
  );
  const result = await tx.execute(sql`
    insert into outbound_messages (channel, bot_id, chat_id, inbound_id, part, priority, expires_at, due_at, dedupe_kind, dedupe_key, part_no)
    select channel, bot_id, chat_id, inbound_id, part, priority, expires_at, due_at, dedupe_kind, dedupe_key, part_no
    from jsonb_to_recordset(${json}::jsonb) as r(channel text, bot_id text, chat_id text, inbound_id bigint, part jsonb, priority text, expires_at timestamptz, due_at timestamptz, dedupe_kind text, dedupe_key text, part_no integer)
    on conflict do nothing
    returning id, channel, bot_id, priority, due_at, dedupe_kind, dedupe_key`);
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Inserted[];
}
