import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { HEARTBEAT_DEAD_MS } from './worker-registry.js';
import type { OutboxJob, PriorityClass } from './types.js';

/**
 * Classes that are sent again when their worker died mid-call (at least once). An exposure alert
 * missing is worse than the same warning twice; for everything else (a reply, a reminder, a
 * broadcast) a duplicate is worse than a gap, so those become `uncertain` (at most once).
 */
export const RESEND_WHEN_UNCERTAIN: readonly PriorityClass[] = ['alert'];

/** A claim younger than this is never judged (its worker may be registering right now). */
const GRACE_MS = 1000;

/**
 * Resolves `sending` rows whose worker is dead (no heartbeat for HEARTBEAT_DEAD_MS, or the claim's
 * lease ran out): alerts go back to `pending` (returned, to be queued again), everything else
 * becomes `uncertain` with its reason. Cheap when nothing is stuck (status index).
 */
export async function resolveAbandoned(db: Db): Promise<{ uncertain: number; requeue: OutboxJob[] }> {
  const resend = sql.raw(RESEND_WHEN_UNCERTAIN.map((c) => `'${c}'`).join(','));
  const rows = await db.execute(sql`
    update outbound_messages m set
      status = case when m.priority in (${resend}) then 'pending' else 'uncertain' end,
      finished_at = case when m.priority in (${resend}) then null else now() end,
      error = 'worker ' || coalesce(m.claimed_by, '?') || ' stopped during the platform call',
      claimed_by = null,
      lease_until = null
    where m.status = 'sending'
      and m.claimed_at < now() - make_interval(secs => ${GRACE_MS / 1000})
      and (
        m.lease_until < now()
        or (m.lease_until is null and m.claimed_at < now() - interval '60 seconds')
        or (m.claimed_by is not null and not exists (
          select 1 from outbox_workers w where w.id = m.claimed_by and w.heartbeat_at > now() - make_interval(secs => ${HEARTBEAT_DEAD_MS / 1000})))
      )
    returning m.id, m.channel, m.bot_id, m.priority, m.status`);
  const list = rowsOf(rows) as { id: number | string; channel: string; bot_id: string; priority: string; status: string }[];
  const requeue = list.filter((r) => r.status === 'pending').map((r) => ({ id: Number(r.id), channel: r.channel, botId: r.bot_id, priority: r.priority as PriorityClass }));
  return { uncertain: list.length - requeue.length, requeue };
}

/** postgres.js returns an array; PGlite returns { rows }. */
function rowsOf(result: unknown): unknown[] {
  return Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
}

/**
 * Resolves dead workers' rows every `everyMs` (a few seconds), so a crash freezes no chat for
 * long; alerts it puts back are queued again. Failures (Postgres down) wait for the next tick.
 */
export function startRecovery(deps: { db: Db; enqueue(jobs: readonly OutboxJob[]): Promise<void>; log: Logger }, everyMs = 2000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    resolveAbandoned(deps.db)
      .then(async (r) => {
        if (r.uncertain + r.requeue.length > 0) deps.log.warn({ uncertain: r.uncertain, resent: r.requeue.length }, 'resolved messages of a stopped send worker');
        if (r.requeue.length > 0) await deps.enqueue(r.requeue);
      })
      .catch((err: unknown) => deps.log.warn({ err: String(err) }, 'send recovery failed; will retry'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
