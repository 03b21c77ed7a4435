import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { outboxWorkers } from '../db/schema/outbox-workers.js';

/** A worker heartbeats this often; one silent for HEARTBEAT_DEAD_MS is dead. */
export const HEARTBEAT_MS = 2000;
export const HEARTBEAT_DEAD_MS = 6000;

/**
 * This process's identity as a send worker. Claims carry it, and its heartbeat row tells every
 * other process that it is alive; a crashed process stops heartbeating and its claims are
 * resolved by `resolveAbandoned` within seconds.
 */
export class OutboxWorkerRegistry {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.beat().catch((err: unknown) => this.log.warn({ err: String(err) }, 'send worker heartbeat failed; will retry'));
    this.timer = setInterval(() => {
      this.beat().catch((err: unknown) => this.log.warn({ err: String(err) }, 'send worker heartbeat failed; will retry'));
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    await this.db
      .insert(outboxWorkers)
      .values({ id: this.id })
      .onConflictDoUpdate({ target: outboxWorkers.id, set: { heartbeatAt: sql`now()` } });
  }

  /** Stops heartbeating and removes the row (a clean stop: nothing is mid-send any more). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    // Left behind, the row simply stops heartbeating and is ignored once dead: log, do not fail the stop.
    await this.db.delete(outboxWorkers).where(eq(outboxWorkers.id, this.id)).catch((err: unknown) => this.log.warn({ err }, 'send worker row not removed at stop'));
  }
}
