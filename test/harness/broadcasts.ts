import { processOutbound, type OutboundDeps, type SendOutcome } from '../../src/pipeline/outbound-processor.js';
import { SendError, type ChannelAdapter, type ChannelName, type OutboundMessage } from '../../src/channels/contract.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { Actor, BroadcastOfficial } from '../../src/broadcasts/index.js';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public current: Date) {}
  now = () => this.current;
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface SeedOptions {
  readonly channel?: string;
  readonly botId?: string;
  readonly communeId: string;
  /** Consent to commune announcements: true given, false withdrawn, undefined never asked. */
  readonly consent?: boolean | undefined;
  readonly lastSeenAt?: Date;
  readonly prefix?: string;
}

/**
 * Inserts `n` residents of one commune in a few statements (fast enough for 100,000): contacts,
 * their home commune, and their consent decision. Returns their person ids in chat-id order.
 */
export async function seedResidents(db: Db, n: number, o: SeedOptions): Promise<number[]> {
  const channel = o.channel ?? 'web';
  const botId = o.botId ?? 'simulator';
  const prefix = o.prefix ?? `p${Math.random().toString(36).slice(2, 8)}-`;
  const seen = (o.lastSeenAt ?? new Date()).toISOString();
  const ids = rowsOf(
    await db.execute(sql`insert into contacts (channel, bot_id, chat_id, user_id, last_seen_at)
      select ${channel}, ${botId}, ${prefix} || g, ${prefix} || g, ${seen}::timestamptz from generate_series(1, ${n}) g returning id`),
  ).map((r) => Number(r.id));
  await db.execute(sql`insert into resident_homes (person_id, commune_id, source, asked_at)
    select id, ${o.communeId}, 'chat', now() from contacts where chat_id like ${`${prefix}%`} and channel = ${channel}`);
  if (o.consent !== undefined)
    await db.execute(sql`insert into consent_events (person_id, purpose, given, channel, bot_id, chat_id, text_shown, text_version)
      select id, 'announcements', ${o.consent}, channel, bot_id, chat_id, 'test', 'test' from contacts where chat_id like ${`${prefix}%`} and channel = ${channel}`);
  return ids.sort((a, b) => a - b);
}

export const official = (id: number, communeIds: string[], role: 'official' | 'admin' = 'official'): Actor => ({
  kind: 'official',
  official: { id, role, communeIds, displayName: null } satisfies BroadcastOfficial,
});
export const operator: Actor = { kind: 'operator' };


/**
 * A platform stand-in that records every send (for engine tests that drive the real outbound
 * processor by hand). `refuse` makes chosen chats fail the way the platform would.
 */
export class RecordingAdapter implements ChannelAdapter {
  readonly sent: OutboundMessage[] = [];
  readonly refuse = new Map<string, SendError>();
  readonly capabilities;

  constructor(
    readonly channel: ChannelName,
    readonly botId: string,
    perSecond: number,
  ) {
    this.capabilities = { textLimit: 4096, images: true, buttons: true, rate: { perSecond, perChatPerSecond: 1000, perChatBurst: 1000 } };
  }

  verify(): boolean {
    return false;
  }
  parse() {
    return { ok: false as const, reason: 'recording adapter' };
  }
  async send(msg: OutboundMessage) {
    const err = this.refuse.get(msg.chatId);
    if (err) throw err;
    this.sent.push(msg);
    return { platformMessageId: `m${this.sent.length}` };
  }
  async downloadImage(): Promise<Buffer> {
    throw new SendError('fatal', 'no images here');
  }
  /** How many messages each chat received. */
  perChat(): Map<string, number> {
    const m = new Map<string, number>();
    for (const s of this.sent) m.set(s.chatId, (m.get(s.chatId) ?? 0) + 1);
    return m;
  }
}

/**
 * Sends one ledger row through the real outbound processor the way its queue job would: a `wait`
 * outcome (a slot not due yet, a claim that came back too late for its slot) is waited out and
 * tried again, as the queue's delayed retry does.
 */
export async function sendLikeTheQueue(deps: OutboundDeps, id: number, tries = 20, opts?: Parameters<typeof processOutbound>[2]): Promise<SendOutcome> {
  let outcome = await processOutbound(deps, id, opts);
  for (let i = 1; i < tries && outcome.kind === 'wait'; i++) {
    await new Promise((r) => setTimeout(r, Math.min(outcome.kind === 'wait' ? outcome.ms : 0, 1500)));
    outcome = await processOutbound(deps, id, opts);
  }
  return outcome;
}
