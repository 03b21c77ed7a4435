import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ChannelCapabilities } from '../channels/contract.js';
import { renderReplies } from '../conversation/render.js';
import type { Db } from '../db/client.js';
import type { NewOutbound, OutboundRepo } from '../db/repos/outbound-repo.js';
import { contacts } from '../db/schema/contacts.js';
import type { AuditLog, Outbox, OutboxReceipt } from './ports.js';

/*
 * INTERIM bindings of tracing's ports to what main offers today, replaced by issue 10's audit log
 * and issue 11's outbox when they land (see CONTRACTS.md). They are real, not pretend: the outbox
 * writes the existing exactly-once outbound ledger and enqueues after commit; the audit log writes
 * structured log lines (there is no audit table yet).
 */

/** The outbound ledger behind the `Outbox` port: renders per channel, inserts in batches, enqueues after commit. */
export function ledgerOutbox(deps: { outbound: OutboundRepo; capabilities(channel: string, botId: string): ChannelCapabilities | undefined; enqueue(channel: string, botId: string, ids: readonly number[]): Promise<void> }): Outbox {
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
      for (let i = 0; i < rows.length; i += 2000) ids.push(...(await deps.outbound.add(tx, rows.slice(i, i + 2000))));
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
        await deps.enqueue(channel, botId, ids);
      }
    },
  };
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
