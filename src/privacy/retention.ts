import type { Logger } from 'pino';

/** What the retention pass needs (RetentionRepo implements it). */
export interface RetentionStore {
  reduceInbound(): Promise<number>;
  clearSentBodies(cutoff: Date): Promise<number>;
  expireSimulator(cutoff: Date): Promise<number>;
  expireStates(now: Date): Promise<number>;
}

export interface RetentionOptions {
  readonly sentBodyDays: number;
  readonly simulatorHours: number;
}

/**
 * One retention pass, run by the maintenance job: raw updates reduced to their dedupe key once
 * processed, sent message bodies cleared after a few days, simulator chats expired, abandoned
 * conversation states (and the half-filled forms in them) deleted.
 */
export async function runRetention(store: RetentionStore, now: Date, opts: RetentionOptions, log?: Logger) {
  const out = {
    inboundReduced: await store.reduceInbound(),
    bodiesCleared: await store.clearSentBodies(new Date(now.getTime() - opts.sentBodyDays * 24 * 3600_000)),
    simulatorChatsExpired: await store.expireSimulator(new Date(now.getTime() - opts.simulatorHours * 3600_000)),
    statesExpired: await store.expireStates(now),
  };
  if (Object.values(out).some((n) => n > 0)) log?.info(out, 'retention');
  return out;
}
