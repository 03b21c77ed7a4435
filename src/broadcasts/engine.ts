import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { broadcastRecipients, broadcastRuns, broadcasts } from '../db/schema/broadcasts.js';
import { isQuiet } from '../domain/quiet-hours.js';
import { insertAudience, sentSince, type Audience } from './audience.js';
import { rateOf } from './compose.js';
import type { BroadcastDeps } from './deps.js';
import { linkToken } from './links.js';
import { policyFor } from './policy/policies.js';
import { renderPart } from './render.js';
import { nextOccurrence, vnDayStart, type Schedule } from './schedule.js';
import { idArray, rowsOf } from './sql-rows.js';

type BroadcastRow = typeof broadcasts.$inferSelect;

/** Seconds of sending a bot may have handed to the outbound ledger ahead of time. */
const WINDOW_SECONDS = 2;
/** Reason of a pending recipient row that goes out through the approved template. */
export const VIA_TEMPLATE = 'via-template';

/**
 * The broadcast engine, one `tick` at a time (the service calls it every few hundred ms; tests
 * call it with a fake clock). Each tick:
 * 1. plans the next run of every scheduled broadcast;
 * 2. starts due runs: resolves the recipients once, in one transaction (a late run beyond the
 *    grace period is recorded as missed instead);
 * 3. mirrors finished outbound rows back onto the per-recipient ledger;
 * 4. feeds each bot at most WINDOW_SECONDS of its rate, outside quiet hours, rechecking the daily
 *    cap, in transactions that write the outbound rows and mark the recipients `queued` together.
 * Rows are picked with SKIP LOCKED, so several instances can tick at once without sending twice.
 */
export async function tickBroadcasts(deps: BroadcastDeps): Promise<void> {
  const now = deps.clock.now();
  await planRuns(deps, now);
  await startDueRuns(deps, now);
  await mirrorOutbound(deps.db);
  await finishRuns(deps.db, now);
  if (!(deps.settings.quietHours && isQuiet(now))) await feed(deps, now);
}

async function planRuns(deps: BroadcastDeps, now: Date): Promise<void> {
  const active = await deps.db.select().from(broadcasts).where(eq(broadcasts.status, 'scheduled'));
  for (const b of active) {
    const [last] = rowsOf(await deps.db.execute(sql`select max(due_at) as due_at, count(*) filter (where status in ('due', 'sending')) as open from broadcast_runs where broadcast_id = ${b.id}`));
    const lastDue = last?.due_at ? new Date(last.due_at as string) : null;
    if (Number(last?.open ?? 0) > 0) continue;
    // A broadcast for "now" that waited for approval goes when approved.
    const next = nextOccurrence(b.schedule as Schedule, b.approvedAt ?? b.createdAt, lastDue);
    if (next) await deps.db.insert(broadcastRuns).values({ broadcastId: b.id, dueAt: next }).onConflictDoNothing();
    else await deps.db.update(broadcasts).set({ status: 'done', updatedAt: now }).where(and(eq(broadcasts.id, b.id), eq(broadcasts.status, 'scheduled')));
  }
}

async function startDueRuns(deps: BroadcastDeps, now: Date): Promise<void> {
  const due = rowsOf(
    await deps.db.execute(sql`select r.id, r.due_at, r.broadcast_id from broadcast_runs r join broadcasts b on b.id = r.broadcast_id
      where r.status = 'due' and r.due_at <= ${now.toISOString()}::timestamptz and b.status = 'scheduled' order by r.due_at limit 5`),
  );
  for (const r of due) {
    const [b] = await deps.db.select().from(broadcasts).where(eq(broadcasts.id, Number(r.broadcast_id)));
    if (b) await startRun(deps, b, Number(r.id), new Date(r.due_at as string), now);
  }
}

/** Resolves a run's recipients once; a run later than the grace period is recorded as missed. */
async function startRun(deps: BroadcastDeps, b: BroadcastRow, runId: number, dueAt: Date, now: Date): Promise<void> {
  const graceMs = (b.graceMinutes ?? deps.settings.graceMinutes) * 60_000;
  if (now.getTime() - dueAt.getTime() > graceMs) {
    await deps.db
      .update(broadcastRuns)
      .set({ status: 'missed', finishedAt: now, note: `due ${dueAt.toISOString()}, the service was not running; later than the ${Math.round(graceMs / 60_000)} min grace period` })
      .where(and(eq(broadcastRuns.id, runId), eq(broadcastRuns.status, 'due')));
    deps.log.warn({ broadcastId: b.id, runId }, 'broadcast run missed (later than its grace period)');
    return;
  }
  const options = { communeIds: b.communeIds, audience: b.audience as Audience, now, dailyCap: deps.settings.dailyCap, liveBots: deps.bots.live(), ...(deps.settings.templateChannels ? { templateChannels: deps.settings.templateChannels } : {}) };
  let people = 0;
  await deps.db.transaction(async (tx) => {
    const [claimed] = await tx.update(broadcastRuns).set({ status: 'sending', resolvedAt: now }).where(and(eq(broadcastRuns.id, runId), eq(broadcastRuns.status, 'due'))).returning({ id: broadcastRuns.id });
    if (!claimed) return; // another instance started it
    // Resolved and written by Postgres in one statement: all or nothing, and no per-person memory here.
    people = await insertAudience(tx, runId, options, VIA_TEMPLATE);
  });
  deps.log.info({ broadcastId: b.id, runId, people }, 'broadcast run started');
}

/** Copies the final state of handed-over messages onto the recipients' rows. */
export async function mirrorOutbound(db: Db): Promise<void> {
  await db.execute(sql`update broadcast_recipients r set status = o.status, finished_at = coalesce(o.finished_at, now()),
      reason = case when o.status = 'sent' then null else o.error end
    from outbound_messages o
    where r.outbound_id = o.id and r.status = 'queued' and o.status in ('sent', 'failed', 'unreachable', 'uncertain', 'expired')
      and r.run_id in (select id from broadcast_runs where status in ('sending', 'cancelled', 'done'))`);
}

/** A sending run with nothing pending or in flight is done (read from the run's counts: a few rows whatever its size). */
async function finishRuns(db: Db, now: Date): Promise<void> {
  await db.execute(sql`update broadcast_runs r set status = 'done', finished_at = ${now.toISOString()}::timestamptz
    where r.status = 'sending' and not exists (select 1 from broadcast_run_counts c where c.run_id = r.id and c.status in ('pending', 'queued') and c.n > 0)`);
}

async function feed(deps: BroadcastDeps, now: Date): Promise<void> {
  const load = rowsOf(
    await deps.db.execute(sql`select c.run_id, c.channel, c.bot_id, coalesce(sum(c.n) filter (where c.status = 'pending'), 0) as pending, coalesce(sum(c.n) filter (where c.status = 'queued'), 0) as queued
      from broadcast_run_counts c join broadcast_runs r on r.id = c.run_id join broadcasts b on b.id = r.broadcast_id
      where r.status = 'sending' and b.status = 'scheduled' and c.status in ('pending', 'queued') and c.n > 0
      group by c.run_id, c.channel, c.bot_id order by c.run_id`),
  );
  const inFlight = new Map<string, number>();
  for (const l of load) inFlight.set(`${l.channel}:${l.bot_id}`, (inFlight.get(`${l.channel}:${l.bot_id}`) ?? 0) + Number(l.queued));
  for (const l of load) {
    if (Number(l.pending) === 0) continue;
    const bot = `${l.channel}:${l.bot_id}`;
    if (!deps.bots.live().has(bot)) continue;
    const room = Math.ceil(rateOf(deps, bot) * WINDOW_SECONDS) - (inFlight.get(bot) ?? 0);
    if (room <= 0) continue;
    const handed = await handOver(deps, Number(l.run_id), String(l.channel), String(l.bot_id), room, now);
    inFlight.set(bot, (inFlight.get(bot) ?? 0) + handed);
  }
}

/** Moves up to `limit` pending recipients of one run and bot into the outbound ledger, atomically. */
async function handOver(deps: BroadcastDeps, runId: number, channel: string, botId: string, limit: number, now: Date): Promise<number> {
  const [run] = await deps.db.select({ broadcastId: broadcastRuns.broadcastId }).from(broadcastRuns).where(eq(broadcastRuns.id, runId));
  const [b] = await deps.db.select().from(broadcasts).where(eq(broadcasts.id, run!.broadcastId));
  if (!b) return 0;
  const policy = policyFor(channel);
  const result = await deps.db.transaction(async (tx) => {
    const picked = rowsOf(
      await tx.execute(sql`select id, person_id, chat_id, reason from broadcast_recipients where run_id = ${runId} and channel = ${channel} and bot_id = ${botId} and status = 'pending'
        order by id limit ${limit} for update skip locked`),
    ).map((r) => ({ id: Number(r.id), personId: Number(r.person_id), chatId: String(r.chat_id), viaTemplate: r.reason === VIA_TEMPLATE }));
    if (picked.length === 0) return [];
    const counts = await sentSince(tx, picked.map((p) => p.personId), vnDayStart(now));
    const over = picked.filter((p) => (counts.get(p.personId) ?? 0) >= deps.settings.dailyCap);
    const go = picked.filter((p) => (counts.get(p.personId) ?? 0) < deps.settings.dailyCap);
    if (over.length) await tx.update(broadcastRecipients).set({ status: 'excluded', reason: 'frequency-cap', finishedAt: now }).where(inArray(broadcastRecipients.id, over.map((p) => p.id)));
    if (go.length === 0) return [];
    const content = { text: b.text, imageUrl: b.imageUrl, button: b.button };
    const link = (id: number) => (b.button ? `${deps.settings.publicUrl}/b/${linkToken(deps.settings.linkSecret, id)}` : null);
    const ids = await deps.outbox.add(tx, go.map((p) => ({ channel, botId, chatId: p.chatId, part: renderPart(content, policy, link(p.id), p.viaTemplate), key: String(p.id) })));
    await tx.execute(sql`update broadcast_recipients x set status = 'queued', outbound_id = v.oid, queued_at = ${now.toISOString()}::timestamptz
      from (select unnest(${idArray(go.map((p) => p.id))}::bigint[]) as rid, unnest(${idArray(ids)}::bigint[]) as oid) v where x.id = v.rid`);
    return ids;
  });
  if (result.length) await deps.outbox.afterCommit(channel, botId, result).catch((err: unknown) => deps.log.warn({ err: (err as Error).message }, 'broadcast enqueue failed; the sweep re-queues it'));
  return result.length;
}
