import { sql } from 'drizzle-orm';
import { toCsv } from '../domain/csv.js';
import type { BroadcastDeps } from './deps.js';
import { loadBroadcast } from './control.js';
import type { Actor } from './ports.js';
import { showVn } from './schedule.js';
import { broadcastResultTexts } from './texts.js';
import { rowsOf, textArray } from './sql-rows.js';

export interface ResultRow {
  readonly runId: number;
  readonly dueAt: string;
  readonly communeId: string;
  readonly communeName: string;
  readonly people: number;
  readonly excluded: number;
  readonly sent: number;
  readonly failed: number;
  readonly delivered: number;
  readonly seen: number;
  /** Tapped the button, pre-registered, or checked in within 7 days of the message. */
  readonly acted: number;
  readonly actedButton: number;
  readonly actedRegistered: number;
  readonly actedCheckedIn: number;
}

/**
 * What a broadcast achieved, per run and commune: sent → delivered / seen (where the platform
 * reports it; Telegram only says "accepted", counted as sent) → acted within 7 days.
 */
export async function broadcastResults(deps: BroadcastDeps, actor: Actor, id: number): Promise<ResultRow[]> {
  await loadBroadcast(deps, actor, id);
  const rows = rowsOf(
    await deps.db.execute(sql`
      with x as (
        select r.run_id, r.commune_id, r.status, r.delivered_at, r.seen_at, r.acted_kind,
          exists (select 1 from vaccination_registrations g where g.contact_id = r.person_id and r.queued_at is not null
                  and g.created_at between r.queued_at and r.queued_at + interval '7 days') as registered,
          exists (select 1 from visits v where v.contact_id = r.person_id and r.queued_at is not null
                  and v.checked_in_at between r.queued_at and r.queued_at + interval '7 days') as checked_in
        from broadcast_recipients r join broadcast_runs br on br.id = r.run_id where br.broadcast_id = ${id})
      select x.run_id, br.due_at, x.commune_id, count(*)::int as people,
        count(*) filter (where x.status in ('excluded', 'cancelled'))::int as excluded,
        count(*) filter (where x.status = 'sent')::int as sent,
        count(*) filter (where x.status in ('failed', 'unreachable', 'uncertain', 'expired'))::int as failed,
        count(*) filter (where x.delivered_at is not null)::int as delivered,
        count(*) filter (where x.seen_at is not null)::int as seen,
        count(*) filter (where x.status = 'sent' and (x.acted_kind is not null or x.registered or x.checked_in))::int as acted,
        count(*) filter (where x.status = 'sent' and x.acted_kind = 'button')::int as acted_button,
        count(*) filter (where x.status = 'sent' and x.registered)::int as acted_registered,
        count(*) filter (where x.status = 'sent' and x.checked_in)::int as acted_checked_in
      from x join broadcast_runs br on br.id = x.run_id
      group by x.run_id, br.due_at, x.commune_id order by br.due_at, x.commune_id`),
  );
  return rows.map((r) => ({
    runId: Number(r.run_id),
    dueAt: new Date(r.due_at as string).toISOString(),
    communeId: String(r.commune_id),
    communeName: deps.communes.byId(String(r.commune_id))?.name ?? String(r.commune_id),
    people: Number(r.people),
    excluded: Number(r.excluded),
    sent: Number(r.sent),
    failed: Number(r.failed),
    delivered: Number(r.delivered),
    seen: Number(r.seen),
    acted: Number(r.acted),
    actedButton: Number(r.acted_button),
    actedRegistered: Number(r.acted_registered),
    actedCheckedIn: Number(r.acted_checked_in),
  }));
}

/** Times in the CSV are Vietnam local times (dd/mm/yyyy hh:mm), as officials read them. */
const HEADER = broadcastResultTexts.csvHeader;

export async function broadcastResultsCsv(deps: BroadcastDeps, actor: Actor, id: number): Promise<string> {
  const rows = await broadcastResults(deps, actor, id);
  return toCsv(HEADER, rows.map((r) => [r.runId, showVn(new Date(r.dueAt)), r.communeId, r.communeName, r.people, r.excluded, r.sent, r.failed, r.delivered, r.seen, r.acted, r.actedButton, r.actedRegistered, r.actedCheckedIn]));
}

/** A tap on a broadcast's link button (through our redirect): the first one counts. */
export async function recordButtonTap(deps: BroadcastDeps, recipientId: number): Promise<string | null> {
  const [row] = rowsOf(
    await deps.db.execute(sql`with t as (update broadcast_recipients set acted_at = coalesce(acted_at, ${deps.clock.now().toISOString()}::timestamptz), acted_kind = coalesce(acted_kind, 'button')
      where id = ${recipientId} returning run_id)
      select b.button from t join broadcast_runs r on r.id = t.run_id join broadcasts b on b.id = r.broadcast_id`),
  );
  const button = row?.button as { url?: string } | string | null | undefined;
  const parsed = typeof button === 'string' ? (JSON.parse(button) as { url?: string }) : button;
  return parsed?.url ?? null;
}

/** A platform receipt (Zalo OA `user_received_message` / `user_seen_message`) for a sent message. */
export async function recordReceipt(deps: BroadcastDeps, channel: string, platformMessageIds: string | readonly string[], kind: 'delivered' | 'seen', at: Date): Promise<void> {
  const ids = typeof platformMessageIds === 'string' ? [platformMessageIds] : [...platformMessageIds];
  if (ids.length === 0) return;
  const column = kind === 'delivered' ? sql`delivered_at = coalesce(r.delivered_at, ${at.toISOString()}::timestamptz)` : sql`seen_at = coalesce(r.seen_at, ${at.toISOString()}::timestamptz), delivered_at = coalesce(r.delivered_at, ${at.toISOString()}::timestamptz)`;
  await deps.db.execute(sql`update broadcast_recipients r set ${column} from outbound_messages o
    where o.channel = ${channel} and o.platform_message_id = any(${textArray(ids)}::text[]) and r.outbound_id = o.id`);
}
