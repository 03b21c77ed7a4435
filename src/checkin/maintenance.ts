import type { Logger } from 'pino';

/** A visit the maintenance just ended because it outlived the venue type's usual stay. */
export interface AutoClosedVisit {
  readonly visitId: number;
  readonly contactId: number;
  readonly dependentId: number | null;
  readonly venueId: number;
  readonly venueName: string;
  readonly checkedOutAt: Date;
}

/**
 * Runs inside the transaction that ended the visits (so a notice is written exactly once with
 * them); returns what to do after the commit (hand the messages to the send queue).
 */
export type AutoCheckoutNotifier = (tx: unknown, closed: readonly AutoClosedVisit[], now: Date) => Promise<() => Promise<void>>;

/** Storage operations the periodic maintenance needs (VisitRepo implements them). */
export interface MaintenanceStore {
  autoCheckout(now: Date, stayMinutes: Readonly<Record<string, number>>, fallbackMinutes: number, inTx?: (tx: unknown, closed: readonly AutoClosedVisit[]) => Promise<void>): Promise<readonly AutoClosedVisit[]>;
  purgeBefore(cutoff: Date): Promise<number>;
}

export interface MaintenanceOptions {
  readonly retentionDays: number;
  /** Usual stay per venue type id, after which an open visit is checked out automatically. */
  readonly stayMinutes: Readonly<Record<string, number>>;
  readonly fallbackStayMinutes: number;
  /** Tells residents they were checked out automatically (AUTO_CHECKOUT_NOTICE). */
  readonly notify?: AutoCheckoutNotifier | undefined;
}

/**
 * One maintenance pass: ends visits that outlived their venue type's usual stay (checked out at
 * check-in + stay, not at "now", so the record stays truthful) and deletes visits past retention.
 */
export async function runVisitMaintenance(store: MaintenanceStore, now: Date, opts: MaintenanceOptions, log?: Logger): Promise<{ autoCheckedOut: number; purged: number }> {
  let afterCommit: (() => Promise<void>) | undefined;
  const notify = opts.notify;
  const closed = await store.autoCheckout(now, opts.stayMinutes, opts.fallbackStayMinutes, notify && (async (tx, rows) => {
    afterCommit = await notify(tx, rows, now);
  }));
  await afterCommit?.().catch((err: unknown) => log?.warn({ err }, 'auto check-out notices not queued; the sweep will send them'));
  const autoCheckedOut = closed.length;
  const purged = await store.purgeBefore(new Date(now.getTime() - opts.retentionDays * 24 * 3600_000));
  if (autoCheckedOut + purged > 0) log?.info({ autoCheckedOut, purged }, 'visit maintenance');
  return { autoCheckedOut, purged };
}
