import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

export interface ChannelActivity {
  readonly channel: string;
  readonly botId: string;
  readonly lastInbound: Date | null;
  readonly lastSent: Date | null;
  readonly failed24h: number;
  readonly lastError: string | null;
  readonly lastErrorAt: Date | null;
}

/** postgres.js returns the rows, PGlite `{ rows }`. */
const rowsOf = (result: unknown): Record<string, unknown>[] => (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows);
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** What the admins' "Hệ thống" page reads: per-bot traffic and errors, Zalo token expiry, officials. */
export class SystemRepo {
  constructor(private readonly db: Db) {}

  async channelActivity(since: Date): Promise<ChannelActivity[]> {
    const rows = await this.db.execute(sql`
      with i as (select channel, bot_id, max(received_at) as last_inbound from inbound_updates group by 1, 2),
      o as (select channel, bot_id, max(finished_at) filter (where status = 'sent') as last_sent,
                   count(*) filter (where status in ('failed', 'unreachable', 'uncertain') and created_at >= ${since.toISOString()}::timestamptz) as failed
            from outbound_messages group by 1, 2),
      e as (select distinct on (channel, bot_id) channel, bot_id, error, coalesce(finished_at, created_at) as at
            from outbound_messages where error is not null order by channel, bot_id, id desc)
      select coalesce(i.channel, o.channel) as channel, coalesce(i.bot_id, o.bot_id) as bot_id, i.last_inbound, o.last_sent, coalesce(o.failed, 0) as failed, e.error, e.at
      from i full join o on o.channel = i.channel and o.bot_id = i.bot_id
      left join e on e.channel = coalesce(i.channel, o.channel) and e.bot_id = coalesce(i.bot_id, o.bot_id)`);
    return rowsOf(rows).map((r) => ({
      channel: String(r.channel),
      botId: String(r.bot_id),
      lastInbound: date(r.last_inbound),
      lastSent: date(r.last_sent),
      failed24h: Number(r.failed),
      lastError: (r.error as string | null) ?? null,
      lastErrorAt: date(r.at),
    }));
  }

  async zaloTokenExpiry(): Promise<{ appId: string; expiresAt: Date; updatedAt: Date }[]> {
    const rows = await this.db.execute(sql`select app_id, expires_at, updated_at from zalo_tokens order by app_id`);
    return rowsOf(rows).map((r) => ({ appId: String(r.app_id), expiresAt: date(r.expires_at)!, updatedAt: date(r.updated_at)! }));
  }

  async officials(): Promise<{ id: number; channel: string; role: string; displayName: string | null; communeIds: string[]; createdAt: Date; revokedAt: Date | null }[]> {
    const rows = await this.db.execute(sql`select id, channel, role, display_name, commune_ids, created_at, revoked_at from officials where contact_id is not null order by id`);
    return rowsOf(rows).map((r) => ({ id: Number(r.id), channel: String(r.channel), role: String(r.role), displayName: (r.display_name as string | null) ?? null, communeIds: r.commune_ids as string[], createdAt: date(r.created_at)!, revokedAt: date(r.revoked_at) }));
  }

  /** The audit log if issue 10's table exists; null before it does. */
  async audit(filter: { communeIds: readonly string[] | 'all'; action?: string | undefined; limit: number }): Promise<{ at: Date; officialId: number | null; via: string; action: string; communeId: string | null; subject: string | null }[] | null> {
    const exists = await this.db.execute(sql`select to_regclass('audit_log') is not null as ok`);
    if (!rowsOf(exists)[0]?.ok) return null;
    const scope = filter.communeIds === 'all' ? sql`true` : sql`commune_id = any(${`{${filter.communeIds.map((c) => `"${c.replace(/"/g, '')}"`).join(',')}}`}::text[])`;
    const action = filter.action ? sql`action ilike ${`%${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql`true`;
    const rows = await this.db.execute(sql`select * from audit_log where ${scope} and ${action} order by id desc limit ${filter.limit}`);
    return rowsOf(rows).map((r) => ({
      at: date(r.at)!,
      officialId: r.official_id === null || r.official_id === undefined ? null : Number(r.official_id),
      via: String(r.via ?? ''),
      action: String(r.action ?? ''),
      communeId: (r.commune_id as string | null) ?? null,
      subject: (r.subject as string | null) ?? null,
    }));
  }

  /** Invites of the last `days` days, newest first (the code itself is never stored). */
  async invites(since: Date): Promise<{ id: number; role: string; communeIds: string[]; displayName: string | null; createdBy: number | null; createdAt: Date; expiresAt: Date; usedAt: Date | null; usedBy: number | null }[]> {
    const rows = await this.db.execute(sql`select id, role, commune_ids, display_name, created_by, created_at, expires_at, used_at, used_by from official_invites where created_at >= ${since.toISOString()}::timestamptz order by id desc limit 100`);
    return rowsOf(rows).map((r) => ({
      id: Number(r.id),
      role: String(r.role),
      communeIds: r.commune_ids as string[],
      displayName: (r.display_name as string | null) ?? null,
      createdBy: r.created_by === null || r.created_by === undefined ? null : Number(r.created_by),
      createdAt: date(r.created_at)!,
      expiresAt: date(r.expires_at)!,
      usedAt: date(r.used_at),
      usedBy: r.used_by === null || r.used_by === undefined ? null : Number(r.used_by),
    }));
  }
}
