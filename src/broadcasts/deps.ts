import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import type { Commune } from '../venue-ops/ports.js';
import type { AuditPort, BulkOutbox, SendingBots } from './ports.js';

/** Deployment settings of broadcasts (from the configuration). */
export interface BroadcastSettings {
  /** More recipients than this (or the whole area) need a district admin's approval. */
  readonly approvalThreshold: number;
  /** Broadcast messages per person per Vietnam day, across every broadcast and campaign. */
  readonly dailyCap: number;
  /** A due occurrence later than this (the service was down) is recorded as missed, not sent. */
  readonly graceMinutes: number;
  /** Base of tracked button links (`<base>/b/<token>`). */
  readonly publicUrl: string;
  /** Bulk waits out 21:00-07:00 (Asia/Ho_Chi_Minh); off only in benchmarks. */
  readonly quietHours: boolean;
  /** HMAC key of button-link tokens. */
  readonly linkSecret: string;
  /** Channels whose deployment configured an approved template for people outside the messaging window (zalo-oa). */
  readonly templateChannels?: ReadonlySet<string>;
}

/** Everything the broadcast use-cases need; built once by the runtime, shared by chat, CLI and API. */
export interface BroadcastDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly communes: {
    all(): readonly Commune[];
    search(input: string): Commune[];
    byId(id: string): Commune | undefined;
  };
  readonly outbox: BulkOutbox;
  readonly bots: SendingBots & { live(): ReadonlySet<string> };
  readonly audit?: AuditPort | undefined;
  readonly settings: BroadcastSettings;
}
