import { eq, sql } from 'drizzle-orm';
import type { AdminUnit, UnitKind } from '../../units/types.js';
import type { Db } from '../client.js';
import { adminUnits } from '../schema/units.js';
import { appSettings } from '../schema/settings.js';

/** Bumped on every change, so running processes notice an import or a rename and reload. */
export const UNITS_VERSION_KEY = 'units_version';

const toUnit = (r: typeof adminUnits.$inferSelect): AdminUnit => ({
  code: r.code,
  name: r.name,
  kind: r.kind as UnitKind,
  parentCode: r.parentCode,
  aliases: r.aliases,
  mergedInto: r.mergedInto,
  retired: r.retired,
});

/** Storage of administrative units (see the schema doc). */
export class UnitsRepo {
  constructor(private readonly db: Db) {}

  async all(): Promise<AdminUnit[]> {
    return (await this.db.select().from(adminUnits).orderBy(adminUnits.code)).map(toUnit);
  }

  async version(): Promise<string> {
    const [row] = await this.db.select().from(appSettings).where(eq(appSettings.key, UNITS_VERSION_KEY));
    return row?.value ?? '0';
  }

  /** Fills an empty table with the shipped default; concurrent first starts agree. */
  async seedIfEmpty(units: readonly AdminUnit[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('quetma.admin_units'))`);
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(adminUnits);
      if ((row?.n ?? 0) > 0) return;
      await tx.insert(adminUnits).values(units.map((u) => ({ ...u, aliases: [...u.aliases], retired: u.retired ?? false })));
      await bump(tx);
    });
  }

  /** Writes a set of units in one transaction (insert or update by code) and bumps the version. */
  async save(units: readonly AdminUnit[]): Promise<void> {
    if (units.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const u of units) {
        const values = { name: u.name, kind: u.kind, parentCode: u.parentCode, aliases: [...u.aliases], mergedInto: u.mergedInto, retired: u.retired ?? false, updatedAt: new Date() };
        await tx.insert(adminUnits).values({ code: u.code, ...values }).onConflictDoUpdate({ target: adminUnits.code, set: values });
      }
      await bump(tx);
    });
  }
}

async function bump(db: Db): Promise<void> {
  const v = String(Date.now());
  await db.insert(appSettings).values({ key: UNITS_VERSION_KEY, value: v }).onConflictDoUpdate({ target: appSettings.key, set: { value: v } });
}
