import { sql } from 'drizzle-orm';
import type { ChannelCapabilities } from '../channels/contract.js';
import { renderReplies } from '../conversation/render.js';
import type { Db } from '../db/client.js';
import { RECIPIENT_KEY_TOKEN, type TemplatedBatch } from './bulk-types.js';
import { DEFAULT_LIFETIME_MS, type OutboxJob, type OutboxReceipt, type PriorityClass } from './types.js';

/** Recipients per INSERT … SELECT (one small JSON parameter each). */
const RECIPIENT_BATCH = 10_000;

export interface BulkTemplatedDeps {
  /** The switched-on bot's capabilities, or undefined when that channel/bot is off. */
  capabilities(channel: string, botId: string): ChannelCapabilities | undefined;
  now(): Date;
}

/**
 * Writes a templated batch into the outbox ledger in the caller's transaction and returns an
 * ordinary receipt (with its jobs), to hand to `Outbox.afterCommit` once the transaction commits.
 * Recipients on a switched-off bot, of an unknown variant or already written count as skipped.
 */
export async function addTemplated(tx: Db, deps: BulkTemplatedDeps, batch: TemplatedBatch): Promise<OutboxReceipt> {
  const rendered: { variant: string; channel: string; bot_id: string; part_no: number; part: unknown }[] = [];
  const seen = new Set<string>();
  const recipients: { variant: string; channel: string; bot_id: string; chat_id: string; dedupe_key: string; key_json: string }[] = [];
  let skipped = 0;
  for (const r of batch.recipients) {
    const caps = deps.capabilities(r.to.channel, r.to.botId);
    const replies = batch.variants.get(r.variant);
    if (!caps || !replies) {
      skipped++;
      continue;
    }
    const id = `${r.variant}\u0000${r.to.channel}\u0000${r.to.botId}`;
    if (!seen.has(id)) {
      seen.add(id);
      renderReplies(replies, caps).parts.forEach((part, partNo) => rendered.push({ variant: r.variant, channel: r.to.channel, bot_id: r.to.botId, part_no: partNo, part }));
    }
    recipients.push({ variant: r.variant, channel: r.to.channel, bot_id: r.to.botId, chat_id: r.to.chatId, dedupe_key: r.dedupeKey, key_json: JSON.stringify(r.dedupeKey).slice(1, -1) });
  }
  const expiresAt = batch.expiresAt ?? new Date(deps.now().getTime() + DEFAULT_LIFETIME_MS[batch.priority]);
  const variants = JSON.stringify(rendered);
  const jobs: OutboxJob[] = [];
  const written = new Set<string>();
  for (let i = 0; i < recipients.length; i += RECIPIENT_BATCH) {
    const chunk = recipients.slice(i, i + RECIPIENT_BATCH);
    const result = await tx.execute(sql`
      with v as (select * from jsonb_to_recordset(${variants}::jsonb) as v(variant text, channel text, bot_id text, part_no integer, part jsonb)),
        r as (select * from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(variant text, channel text, bot_id text, chat_id text, dedupe_key text, key_json text))
      insert into outbound_messages (channel, bot_id, chat_id, part, priority, expires_at, dedupe_kind, dedupe_key, part_no)
      select r.channel, r.bot_id, r.chat_id, replace(v.part::text, ${RECIPIENT_KEY_TOKEN}, r.key_json)::jsonb, ${batch.priority}, ${expiresAt.toISOString()}::timestamptz, ${batch.dedupeKind}, r.dedupe_key, v.part_no
      from r join v on v.variant = r.variant and v.channel = r.channel and v.bot_id = r.bot_id
      order by r.dedupe_key, v.part_no
      on conflict do nothing
      returning id, channel, bot_id, priority, dedupe_key`);
    const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { id: number | string; channel: string; bot_id: string; priority: string; dedupe_key: string }[];
    for (const row of rows) {
      jobs.push({ id: Number(row.id), channel: row.channel, botId: row.bot_id, priority: row.priority as PriorityClass, dueAt: null });
      written.add(row.dedupe_key);
    }
  }
  skipped += recipients.filter((r) => !written.has(r.dedupe_key)).length;
  jobs.sort((a, b) => a.id - b.id);
  return { ids: jobs.map((j) => j.id), skipped, jobs };
}
