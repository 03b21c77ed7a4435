import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ChannelCapabilities } from '../channels/contract.js';
import { renderReplies } from '../conversation/render.js';
import type { Db } from '../db/client.js';
import type { NewOutbound } from '../db/repos/outbound-repo.js';
import { contacts } from '../db/schema/contacts.js';
import type { AuditLog, Outbox, OutboxReceipt } from './ports.js';

/*
 * INTERIM bindings of tracing's ports to what main offers today, replaced by issue 10's audit log
 * and issue 11's outbox when they land (see CONTRACTS.md). They are real, not pretend: the outbox
 * writes the existing exactly-once outbound ledger and enqueues after commit; the audit log writes
 * structured log lines (there is no audit table yet).
 */

/** The outbound ledger behind the `Outbox` port: renders per channel, inserts in batches, enqueues after commit. */
export function ledgerOutbox(deps: { capabilities(channel: string, botId: string): ChannelCapabilities | undefined; enqueue(channel: string, botId: string, ids: readonly number[]): Promise<void> }): Outbox {
  const groups = new WeakMap<OutboxReceipt, Map<string, number[]>>();
  return {
    async add(tx, messages) {
      const rows: NewOutbound[] = [];
      let skipped = 0;
      for (const m of messages) {
        const chat = 'contactId' in m.to ? await lastReachableChat(tx, m.to.contactId) : m.to;
        const caps = chat && deps.capabilities(chat.channel, chat.botId);
        if (!chat || !caps) {
          skipped += 1;
          continue;
        }
        for (const part of renderReplies(m.parts, caps).parts) rows.push({ channel: chat.channel, botId: chat.botId, chatId: chat.chatId, ...(m.inboundId ? { inboundId: m.inboundId } : {}), part });
      }
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += 5000) ids.push(...(await insertLedgerRows(tx, rows.slice(i, i + 5000))));
      const receipt: OutboxReceipt = { ids, skipped };
      const byBot = new Map<string, number[]>();
      rows.forEach((r, i) => {
        const k = `${r.channel}\u0000${r.botId}`;
        byBot.set(k, [...(byBot.get(k) ?? []), ids[i]!]);
      });
      groups.set(receipt, byBot);
      return receipt;
    },
    async afterCommit(receipt) {
      for (const [k, ids] of groups.get(receipt) ?? []) {
        const [channel, botId] = k.split('\u0000') as [string, string];
        // In slices: one huge addBulk can outlast the queue's Redis timeout (a lost enqueue is repaired by the sweep anyway).
        for (let i = 0; i < ids.length; i += 500) await deps.enqueue(channel, botId, ids.slice(i, i + 500));
      }
    },
  };
}

/** One statement per slice, rows passed as one JSON array (thousands of bound parameters are far slower). */
async function insertLedgerRows(tx: Db, rows: readonly NewOutbound[]): Promise<number[]> {
  const json = JSON.stringify(rows.map((r) => ({ channel: r.channel, botId: r.botId, chatId: r.chatId, inboundId: r.inboundId ?? null, part: r.part })));
  const result = await tx.execute(sql`
    insert into outbound_messages (channel, bot_id, chat_id, inbound_id, part)
    select e.v->>'channel', e.v->>'botId', e.v->>'chatId', (e.v->>'inboundId')::bigint, e.v->'part'
    from jsonb_array_elements(${json}::jsonb) with ordinality as e(v, n)
    order by e.n
    returning id`);
  const list = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return (list as { id: unknown }[]).map((r) => Number(r.id)).sort((a, b) => a - b);
}

async function lastReachableChat(db: Db, personId: number): Promise<{ channel: string; botId: string; chatId: string } | undefined> {
  const [row] = await db
    .select({ channel: contacts.channel, botId: contacts.botId, chatId: contacts.chatId })
    .from(contacts)
    .where(and(or(eq(contacts.id, personId), eq(contacts.linkedTo, personId)), isNull(contacts.unreachableAt)))
    .orderBy(sql`${contacts.lastSeenAt} desc`)
    .limit(1);
  return row;
}

/** Audit entries as structured log lines until issue 10's audit_log table lands. */
export function logAudit(log: Logger): AuditLog {
  return {
    async record(_db, entry) {
      log.info({ audit: entry }, `audit ${entry.action}`);
    },
  };
}
