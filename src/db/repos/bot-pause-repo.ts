import { eq, like, sql } from 'drizzle-orm';
import type { BotPause, BotPauseStore } from '../../outbox/bot-health.js';
import type { Db } from '../client.js';
import { appSettings } from '../schema/settings.js';

const PREFIX = 'bot_pause:';

interface Stored {
  reason: string;
  since: string;
  retryAt: string;
}

/**
 * Bot pauses in Postgres (`app_settings`, one row per paused bot), so every web and worker process
 * sees the same pause. Postgres rather than Redis: the pause must survive a Redis flush or restart
 * (or every worker would learn it again by failing), /readyz must show it while Redis is away, and
 * it sits next to the ledger whose rows it holds back. It changes rarely and processes cache it
 * (PAUSE_CACHE_MS), so it costs no query per message.
 */
export class BotPauseRepo implements BotPauseStore {
  constructor(private readonly db: Db) {}

  async all(): Promise<Map<string, BotPause>> {
    const rows = await this.db.select().from(appSettings).where(like(appSettings.key, `${PREFIX}%`));
    const out = new Map<string, BotPause>();
    for (const r of rows) {
      try {
        const v = JSON.parse(r.value) as Stored;
        out.set(r.key.slice(PREFIX.length), { reason: v.reason, since: new Date(v.since), retryAt: new Date(v.retryAt) });
      } catch {
        out.set(r.key.slice(PREFIX.length), { reason: 'unreadable pause record', since: r.createdAt, retryAt: new Date(0) });
      }
    }
    return out;
  }

  async pause(key: string, reason: string, now: Date, retryAt: Date): Promise<boolean> {
    const value = JSON.stringify({ reason, since: now.toISOString(), retryAt: retryAt.toISOString() } satisfies Stored);
    // Keeps the first `since` of a pause that another process started; xmax = 0 marks a fresh insert.
    const rows = await this.db.execute(sql`
      insert into app_settings (key, value) values (${PREFIX + key}, ${value})
      on conflict (key) do update set value = jsonb_set(excluded.value::jsonb, '{since}', coalesce(app_settings.value::jsonb -> 'since', excluded.value::jsonb -> 'since'))::text
      returning (xmax = 0) as inserted`);
    const list = (Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? [])) as { inserted: boolean }[];
    return list[0]?.inserted === true;
  }

  async resume(key: string): Promise<boolean> {
    const gone = await this.db.delete(appSettings).where(eq(appSettings.key, PREFIX + key)).returning({ key: appSettings.key });
    return gone.length > 0;
  }

  async retryNow(key: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(appSettings)
      .set({ value: sql`jsonb_set(${appSettings.value}::jsonb, '{retryAt}', to_jsonb(${now.toISOString()}::text))::text` })
      .where(eq(appSettings.key, PREFIX + key))
      .returning({ key: appSettings.key });
    return rows.length > 0;
  }
}
