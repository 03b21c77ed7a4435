import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { broadcastEvents, broadcastRuns, broadcasts } from '../db/schema/broadcasts.js';
import type { BroadcastDeps } from './deps.js';
import { actorId, BroadcastForbiddenError, BroadcastInputError, isAdmin, type Actor, type Via } from './ports.js';
import { idArray, rowsOf } from './sql-rows.js';

type BroadcastRow = typeof broadcasts.$inferSelect;

/** A broadcast the actor may see: every commune of it within their scope. Otherwise "not found". */
export async function loadBroadcast(deps: BroadcastDeps, actor: Actor, id: number): Promise<BroadcastRow> {
  const [b] = Number.isSafeInteger(id) ? await deps.db.select().from(broadcasts).where(eq(broadcasts.id, id)) : [];
  if (!b || !visible(actor, b)) throw new BroadcastInputError(`no broadcast ${id}`);
  return b;
}

const visible = (actor: Actor, b: BroadcastRow) => isAdmin(actor) || (actor.kind === 'official' && b.communeIds.every((c) => actor.official.communeIds.includes(c)));

export interface Progress {
  readonly id: number;
  readonly status: string;
  readonly text: string;
  readonly audience: string;
  readonly communeIds: readonly string[];
  readonly approvalReason: string | null;
  readonly runs: readonly { id: number; dueAt: string; status: string; note: string | null; counts: Record<string, number>; remaining: number; etaSeconds: number }[];
}

/** Live progress of every run: sent, failed, excluded, remaining and an ETA at the bots' rates. */
export async function broadcastProgress(deps: BroadcastDeps, actor: Actor, id: number, ratePerSecond = 25): Promise<Progress> {
  const b = await loadBroadcast(deps, actor, id);
  const runs = await deps.db.select().from(broadcastRuns).where(eq(broadcastRuns.broadcastId, id)).orderBy(broadcastRuns.dueAt);
  const counts = runs.length
    ? rowsOf(await deps.db.execute(sql`select run_id, status, sum(n)::int as n from broadcast_run_counts where run_id = any(${idArray(runs.map((r) => r.id))}::bigint[]) and n <> 0 group by run_id, status`))
    : [];
  return {
    id: b.id,
    status: b.status,
    text: b.text,
    audience: b.audience,
    communeIds: b.communeIds,
    approvalReason: b.approvalReason,
    runs: runs.map((r) => {
      const c: Record<string, number> = {};
      for (const x of counts.filter((x) => Number(x.run_id) === r.id)) c[String(x.status)] = Number(x.n);
      const remaining = (c.pending ?? 0) + (c.queued ?? 0);
      return { id: r.id, dueAt: r.dueAt.toISOString(), status: r.status, note: r.note, counts: c, remaining, etaSeconds: Math.ceil(remaining / ratePerSecond) };
    }),
  };
}

/** Broadcasts the actor may see, newest first. */
export async function listBroadcasts(deps: BroadcastDeps, actor: Actor, limit = 50): Promise<BroadcastRow[]> {
  const rows = await deps.db.select().from(broadcasts).orderBy(desc(broadcasts.id)).limit(500);
  return rows.filter((b) => visible(actor, b)).slice(0, limit);
}

/** A district admin (or the operator) approves a broadcast that waits for approval. */
export async function approveBroadcast(deps: BroadcastDeps, actor: Actor, via: Via, id: number): Promise<void> {
  if (!isAdmin(actor)) throw new BroadcastForbiddenError('only a district admin may approve a broadcast');
  await transition(deps, actor, via, id, ['awaiting-approval'], 'scheduled', 'approved', async (tx, now) => {
    await tx.update(broadcasts).set({ approvedBy: actorId(actor), approvedAt: now }).where(eq(broadcasts.id, id));
  });
}

/** Stops handing messages over; the ones not yet claimed by a sender go back to pending. */
export async function pauseBroadcast(deps: BroadcastDeps, actor: Actor, via: Via, id: number): Promise<void> {
  await transition(deps, actor, via, id, ['scheduled'], 'paused', 'paused', (tx) => withdraw(tx, id, 'pending'));
}

export async function resumeBroadcast(deps: BroadcastDeps, actor: Actor, via: Via, id: number): Promise<void> {
  await transition(deps, actor, via, id, ['paused'], 'scheduled', 'resumed');
}

/** Cancels for good: nothing more is handed over, unclaimed messages are withdrawn, open runs end. */
export async function cancelBroadcast(deps: BroadcastDeps, actor: Actor, via: Via, id: number): Promise<void> {
  await transition(deps, actor, via, id, ['awaiting-approval', 'scheduled', 'paused'], 'cancelled', 'cancelled', async (tx, now) => {
    await withdraw(tx, id, 'cancelled');
    const open = await tx.update(broadcastRuns).set({ status: 'cancelled', finishedAt: now }).where(and(eq(broadcastRuns.broadcastId, id), inArray(broadcastRuns.status, ['due', 'sending']))).returning({ id: broadcastRuns.id });
    if (open.length) await tx.execute(sql`update broadcast_recipients set status = 'cancelled', finished_at = ${now.toISOString()}::timestamptz where run_id = any(${idArray(open.map((r) => r.id))}::bigint[]) and status = 'pending'`);
  });
}

async function transition(
  deps: BroadcastDeps,
  actor: Actor,
  via: Via,
  id: number,
  from: readonly string[],
  to: string,
  action: string,
  also?: (tx: Db, now: Date) => Promise<void>,
): Promise<void> {
  const b = await loadBroadcast(deps, actor, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.update(broadcasts).set({ status: to, updatedAt: now }).where(and(eq(broadcasts.id, id), inArray(broadcasts.status, [...from]))).returning({ id: broadcasts.id });
    if (!row) throw new BroadcastInputError(`broadcast ${id} is ${b.status}; cannot ${action.replace(/d$/, '')} it`);
    await also?.(tx, now);
    await tx.insert(broadcastEvents).values({ broadcastId: id, officialId: actorId(actor), via, action, at: now });
    await deps.audit?.record(tx, { officialId: actorId(actor), via, action: `broadcasts.${action}`, communeId: b.communeIds.length === 1 ? b.communeIds[0]! : null, subject: `broadcast:${id}` });
  });
  deps.log.info({ broadcastId: id, action }, 'broadcast changed');
}

/**
 * Takes back messages handed to the outbound ledger but not yet claimed by a sender (a claimed one
 * is on its way and is left alone). The conditional update races safely with the sender's claim;
 * a withdrawn row gives up its dedupe key, so resuming hands the recipient over afresh.
 */
async function withdraw(tx: Db, broadcastId: number, recipientStatus: 'pending' | 'cancelled'): Promise<void> {
  await tx.execute(sql`with w as (
      update outbound_messages o set status = 'withdrawn', finished_at = now(), error = 'broadcast paused or cancelled', dedupe_kind = null
      from broadcast_recipients r join broadcast_runs br on br.id = r.run_id
      where br.broadcast_id = ${broadcastId} and r.status = 'queued' and r.outbound_id = o.id and o.status = 'pending'
      returning o.id)
    update broadcast_recipients r set status = ${recipientStatus}, outbound_id = null, queued_at = null
    where r.outbound_id in (select id from w)`);
}
