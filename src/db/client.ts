import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema/index.js';
import { scopeQueries } from './unit-of-work.js';

/** The drizzle database, whichever driver is underneath (postgres.js or embedded PGlite). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Applies the migrations in `migrations/`; safe to call on every start. */
  migrate(): Promise<void>;
  /** True when a trivial query answers within the driver's timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface DatabaseOptions {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Connections in the postgres.js pool. */
  readonly maxConnections?: number;
}

/** Opens Postgres when a URL is given, else embedded PGlite under DATA_DIR (so `npm start` just works). */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.maxConnections ?? 10) : openPglite(opts.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max, connect_timeout: 3, idle_timeout: 30, onnotice: () => {} });
  // Queries join the current turn's transaction when one is open (src/db/unit-of-work.ts).
  const db = scopeQueries(drizzle(client, { schema }) as unknown as Db);
  return {
    db,
    kind: 'postgres',
    // Several instances may start at once: one applies the migrations, the others wait for it.
    // A one-connection client, so the advisory lock and the migration share a session.
    migrate: async () => {
      const session = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
      try {
        await session`select pg_advisory_lock(hashtext('quetma.migrations'))`;
        await migrate(drizzle(session, { schema }), { migrationsFolder });
      } finally {
        await session.end({ timeout: 5 });
      }
    },
    ping: () => pingWith(db),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const lock = await lockDataDir(dir);
  const client = new PGlite(dir);
  const db = scopeQueries(drizzle(client, { schema }) as unknown as Db);
  return {
    db,
    kind: 'pglite',
    migrate: () => migrate(drizzle(client, { schema }), { migrationsFolder }),
    ping: () => pingWith(db),
    close: async () => {
      await client.close();
      await lock.release();
    },
  };
}

async function pingWith(db: Db): Promise<boolean> {
  try {
    await withTimeout(db.execute(sql`select 1`), 2000);
    return true;
  } catch {
    return false;
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
