import type { Logger } from 'pino';

/** Storage operations the periodic maintenance needs (VisitRepo implements them). */
export interface MaintenanceStore {
  autoCheckout(now: Date, stayMinutes: Readonly<Record<string, number>>, fallbackMinutes: number): Promise<number>;
  purgeBefore(cutoff: Date): Promise<number>;
}

export interface MaintenanceOptions {
  readonly retentionDays: number;
  /** Usual stay per venue type id, after which an open visit is checked out automatically. */
  readonly stayMinutes: Readonly<Record<string, number>>;
  readonly fallbackStayMinutes: number;
}

/**
 * One maintenance pass: ends visits that outlived their venue type's usual stay (checked out at
 * check-in + stay, not at "now", so the record stays truthful) and deletes visits past retention.
 */
export async function runVisitMaintenance(store: MaintenanceStore, now: Date, opts: MaintenanceOptions, log?: Logger): Promise<{ autoCheckedOut: number; purged: number }> {
  const autoCheckedOut = await store.autoCheckout(now, opts.stayMinutes, opts.fallbackStayMinutes);
  const purged = await store.purgeBefore(new Date(now.getTime() - opts.retentionDays * 24 * 3600_000));
  if (autoCheckedOut + purged > 0) log?.info({ autoCheckedOut, purged }, 'visit maintenance');
  return { autoCheckedOut, purged };
}
