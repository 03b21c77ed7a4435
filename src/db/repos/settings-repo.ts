import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { appSettings } from '../schema/settings.js';

/** Values generated once and kept (e.g. the development QR signing key). */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  /** Returns the stored value, or stores `make()` first; concurrent first calls agree on one value. */
  async getOrCreate(key: string, make: () => string): Promise<string> {
    await this.db.insert(appSettings).values({ key, value: make() }).onConflictDoNothing();
    const [row] = await this.db.select().from(appSettings).where(eq(appSettings.key, key));
    return row!.value;
  }

  async get(key: string): Promise<string | undefined> {
    const [row] = await this.db.select().from(appSettings).where(eq(appSettings.key, key));
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db.insert(appSettings).values({ key, value }).onConflictDoUpdate({ target: appSettings.key, set: { value } });
  }
}
