import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.js';

/**
 * One conversation turn is one transaction (issue 11): a venue, a registration, a question or a
 * family member a feature writes commits with the turn's state and replies, or not at all, so a
 * retried or replayed turn never writes twice.
 *
 * The turn's transaction reaches every repository through the database handle they already hold:
 * `scopeQueries` wraps the database so that, while `inOneTransaction` runs, each query made through
 * it joins that transaction (a repository's own `transaction(...)` becomes a savepoint inside it).
 * Threading a `tx` argument through every feature port instead would touch every use-case, and a
 * forgotten one would quietly write outside the turn and, worse, wait for a second pool connection
 * while its turn holds one. Domain code stays free of drizzle either way: it never sees a handle.
 *
 * Work that must only happen once the rows are committed (queueing the ledger rows a use-case
 * wrote) registers itself with `afterCommit`; it runs after the commit, never after a rollback.
 */
interface Scope {
  readonly base: object;
  tx: Db | undefined;
  /** False once the transaction ended: a promise started in the turn that outlives it falls back to the database. */
  open: boolean;
  readonly afterCommit: (() => Promise<void>)[];
}

const scopes = new AsyncLocalStorage<Scope>();
const BASE = Symbol('quetma.unscopedDb');

/** The database whose queries join the current `inOneTransaction`, if any (see the module comment). */
export function scopeQueries(base: Db): Db {
  return new Proxy(base, {
    get(target, prop) {
      if (prop === BASE) return target;
      const scope = scopes.getStore();
      const on: object = scope?.open && scope.base === target && scope.tx ? scope.tx : target;
      const value: unknown = Reflect.get(on, prop, on);
      return typeof value === 'function' && prop !== 'constructor' ? (value as (...a: unknown[]) => unknown).bind(on) : value;
    },
  });
}

const unscoped = (db: Db): Db => ((db as unknown as Record<symbol, Db | undefined>)[BASE] ?? db);

/**
 * Runs `fn` in one transaction that every query through `db` (a `scopeQueries` handle) joins.
 * Inside an open one it simply joins it. After the commit, the `afterCommit` work registered inside
 * runs (all of it, even if one fails; the first failure is then thrown).
 */
export async function inOneTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const base = unscoped(db);
  const current = scopes.getStore();
  if (current?.open && current.base === base && current.tx) return fn(current.tx);
  const scope: Scope = { base, tx: undefined, open: false, afterCommit: [] };
  const result = await base.transaction(async (txRaw) => {
    scope.tx = txRaw as unknown as Db;
    scope.open = true;
    try {
      return await scopes.run(scope, () => fn(scope.tx!));
    } finally {
      scope.open = false;
    }
  });
  const settled = await Promise.allSettled(scope.afterCommit.map((f) => f()));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return result;
}

/**
 * Defers `work` until the current `inOneTransaction` commits (dropped if it rolls back) and returns
 * true; returns false, doing nothing, when no such transaction is open, so the caller runs it now.
 */
export function afterCommit(work: () => Promise<void>): boolean {
  const scope = scopes.getStore();
  if (!scope?.open) return false;
  scope.afterCommit.push(work);
  return true;
}

/** True while an `inOneTransaction` is open in this async context (for assertions and logs). */
export function inTransactionScope(): boolean {
  return scopes.getStore()?.open === true;
}
