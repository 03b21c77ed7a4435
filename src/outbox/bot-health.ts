import type { Logger } from 'pino';

/** One bot's sending state as /readyz shows it. */
export interface BotState {
  readonly paused: boolean;
  readonly reason?: string;
  readonly since?: string;
}

/** A paused bot: why, since when, and when a send may try the token again. */
export interface BotPause {
  readonly reason: string;
  readonly since: Date;
  readonly retryAt: Date;
}

/**
 * Where pauses live, shared by every process of the deployment (Postgres: see BotPauseRepo). Keys
 * are "channel/botId".
 */
export interface BotPauseStore {
  all(): Promise<Map<string, BotPause>>;
  /** Pauses (or keeps paused, with a new `retryAt`); true when the bot was not paused before. */
  pause(key: string, reason: string, now: Date, retryAt: Date): Promise<boolean>;
  /** Ends a pause; true when there was one. */
  resume(key: string): Promise<boolean>;
  /** Lets the next send try the token at once (a new token was configured or refreshed). */
  retryNow(key: string, now: Date): Promise<boolean>;
}

/** One process only (tests and tools without a database). */
export class MemoryPauseStore implements BotPauseStore {
  private readonly map = new Map<string, BotPause>();
  async all() {
    return new Map(this.map);
  }
  async pause(key: string, reason: string, now: Date, retryAt: Date) {
    const had = this.map.get(key);
    this.map.set(key, { reason, since: had?.since ?? now, retryAt });
    return !had;
  }
  async resume(key: string) {
    return this.map.delete(key);
  }
  async retryNow(key: string, now: Date) {
    const had = this.map.get(key);
    if (had) this.map.set(key, { ...had, retryAt: now });
    return had !== undefined;
  }
}

/** How long a process trusts what it last read of the shared pauses. */
export const PAUSE_CACHE_MS = 2000;
/** A paused bot's queue looks again this often, so a pause lifted elsewhere is noticed within seconds. */
export const PAUSE_RECHECK_MS = 5000;

const keyOf = (channel: string, botId: string) => `${channel}/${botId}`;

/**
 * Which bots have stopped sending because the platform rejected their token. A rejected token is
 * not a property of one message: every message of that bot would fail the same way, so the bot's
 * queue is paused instead of failing each message, one error is logged, and /readyz shows the bot
 * as degraded. The pause is shared by every process through a store (Postgres), so all workers
 * hold and every instance's /readyz agrees. After `retryAt` the next send is the probe: accepted,
 * the pause ends everywhere; refused, it is extended. A token refresh or a restart (new
 * configuration) moves `retryAt` to now.
 */
export class PausedBots {
  private cache = new Map<string, BotPause>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;
  private lastWarn = 0;

  constructor(
    private readonly log: Logger,
    private readonly store: BotPauseStore = new MemoryPauseStore(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the shared pauses now (a failure keeps the last known state and is logged, at most once a minute). */
  refresh(): Promise<void> {
    this.loading ??= this.store
      .all()
      .then((all) => {
        this.cache = all;
        this.loadedAt = Date.now();
      })
      .catch((err: unknown) => {
        if (Date.now() - this.lastWarn > 60_000) {
          this.lastWarn = Date.now();
          this.log.warn({ err }, 'bot pauses not read; using the last known state');
        }
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt >= PAUSE_CACHE_MS) await this.refresh();
  }

  async rejected(channel: string, botId: string, reason: string, pauseMs: number): Promise<void> {
    const key = keyOf(channel, botId);
    const now = this.now();
    const retryAt = new Date(now.getTime() + pauseMs);
    const newly = await this.store.pause(key, reason, now, retryAt);
    this.cache.set(key, { reason, since: this.cache.get(key)?.since ?? now, retryAt });
    if (newly) this.log.error({ channel, botId, reason }, 'the platform rejected the bot token: sending paused for this bot (all instances) until it is accepted again');
  }

  /** A send went through: the token works, so a pause (this process's view) ends everywhere. */
  async accepted(channel: string, botId: string): Promise<void> {
    const key = keyOf(channel, botId);
    if (!this.cache.has(key)) return;
    this.cache.delete(key);
    if (await this.store.resume(key)) this.log.info({ channel, botId }, 'bot token accepted again: sending resumed');
  }

  /** How long this bot's queue should hold before looking again; 0 means send (maybe as the probe). */
  async holdMs(channel: string, botId: string): Promise<number> {
    await this.fresh();
    const p = this.cache.get(keyOf(channel, botId));
    if (!p) return 0;
    const left = p.retryAt.getTime() - this.now().getTime();
    return left > 0 ? Math.min(left, PAUSE_RECHECK_MS) : 0;
  }

  /** A new token (refreshed or configured): let the next send try it at once. */
  async retryNow(channel: string, botId: string): Promise<void> {
    const key = keyOf(channel, botId);
    const now = this.now();
    if (await this.store.retryNow(key, now)) {
      const p = this.cache.get(key);
      if (p) this.cache.set(key, { ...p, retryAt: now });
      this.log.info({ channel, botId }, 'paused bot: trying its token again with the next message');
    }
  }

  /** One bot's state for /readyz (call `refresh` first for the shared view). */
  statusOf(channel: string, botId: string): { status: 'ok' | 'degraded'; detail?: string } {
    const s = this.cache.get(keyOf(channel, botId));
    return s ? { status: 'degraded', detail: `sending paused since ${s.since.toISOString()}: the platform rejected the bot token (${s.reason})` } : { status: 'ok' };
  }

  /** Bots whose sending is paused, by "channel/botId". */
  degraded(): Record<string, BotState> {
    return Object.fromEntries([...this.cache].map(([k, v]) => [k, { paused: true, reason: v.reason, since: v.since.toISOString() }]));
  }
}
