import type { Logger } from 'pino';

/** What the retention pass needs (RetentionRepo implements it). */
export interface RetentionStore {
  reduceInbound(): Promise<number>;
  clearSentBodies(cutoff: Date): Promise<number>;
  expireSimulator(cutoff: Date): Promise<number>;
  expireStates(now: Date): Promise<number>;
  /** Questions answered before the cutoff, and questions asked before it and never answered. */
  expireQuestions(cutoff: Date): Promise<number>;
}

export interface RetentionOptions {
  readonly sentBodyDays: number;
  readonly simulatorHours: number;
  readonly questionDays: number;
}

/**
 * One retention pass, run by the maintenance job: raw updates reduced to their dedupe key once
 * processed, sent message bodies cleared after a few days, simulator chats expired, abandoned
 * conversation states (and the half-filled forms in them) deleted, residents' questions deleted a
 * while after their answer (or after being asked, when nobody answered).
 */
export async function runRetention(store: RetentionStore, now: Date, opts: RetentionOptions, log?: Logger) {
  const out = {
    inboundReduced: await store.reduceInbound(),
    bodiesCleared: await store.clearSentBodies(new Date(now.getTime() - opts.sentBodyDays * 24 * 3600_000)),
    simulatorChatsExpired: await store.expireSimulator(new Date(now.getTime() - opts.simulatorHours * 3600_000)),
    statesExpired: await store.expireStates(now),
    questionsExpired: await store.expireQuestions(new Date(now.getTime() - opts.questionDays * 24 * 3600_000)),
  };
  if (Object.values(out).some((n) => n > 0)) log?.info(out, 'retention');
  return out;
}
