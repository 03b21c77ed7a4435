import { eq, sql } from 'drizzle-orm';
import type { TokenPair, TokenStore } from '../../channels/token-store.js';
import type { Db } from '../client.js';
import { zaloTokens } from '../schema/zalo-tokens.js';

/** Postgres-backed store of the Zalo OA token pair; `withLock` holds the row lock for one refresh. */
export class ZaloTokenRepo implements TokenStore {
  constructor(private readonly db: Db) {}

  async seed(appId: string, pair: TokenPair): Promise<void> {
    await this.db.insert(zaloTokens).values({ appId, ...pair }).onConflictDoNothing();
  }

  async load(appId: string): Promise<TokenPair | undefined> {
    const [row] = await this.db.select().from(zaloTokens).where(eq(zaloTokens.appId, appId));
    return row ? { accessToken: row.accessToken, refreshToken: row.refreshToken, expiresAt: row.expiresAt } : undefined;
  }

  async withLock<T>(appId: string, fn: (current: TokenPair | undefined, save: (next: TokenPair) => Promise<void>) => Promise<T>): Promise<T> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const rows = await tx.execute(sql`select access_token, refresh_token, expires_at from zalo_tokens where app_id = ${appId} for update`);
      const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { access_token: string; refresh_token: string; expires_at: string | Date }[];
      const row = list[0];
      const current = row ? { accessToken: row.access_token, refreshToken: row.refresh_token, expiresAt: new Date(row.expires_at) } : undefined;
      const save = async (next: TokenPair) => {
        await tx.update(zaloTokens).set({ ...next, updatedAt: new Date() }).where(eq(zaloTokens.appId, appId));
      };
      return fn(current, save);
    });
  }
}
