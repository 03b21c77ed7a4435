import { z } from 'zod';
import { asc, and, eq, gt } from 'drizzle-orm';
import type { ChannelAdapter, ChannelCapabilities, EventBody, ImageRef, MediaAccess, OutboundMessage, OutboundPart, ParsedUpdate, SendResult } from '../../src/channels/contract.js';
import type { Db } from '../../src/db/client.js';
import { InboundRepo } from '../../src/db/repos/inbound-repo.js';
import { OutboundRepo } from '../../src/db/repos/outbound-repo.js';
import { simulatorMessages } from '../../src/db/schema/simulator.js';

/** The in-browser simulator: a channel like the others, whose "platform" is a table the page polls. */
export const webCapabilities: ChannelCapabilities = {
  textLimit: 4096,
  images: true,
  buttons: true,
  rate: { perSecond: 200, perChatPerSecond: 20, perChatBurst: 20 },
};

/**
 * The simulator's two chats per session. They only choose which conversation the page shows: a
 * role here grants nothing (officials exist only by invite, see src/officials).
 */
export const roles = ['resident', 'owner'] as const;

/** What the page posts; also what is stored as the raw update. */
export const simulatorUpdate = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
  session: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  role: z.enum(roles),
  name: z.string().max(60).optional(),
  text: z.string().min(1).max(4096).optional(),
  choice: z.string().min(1).max(256).optional(),
  mediaId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  /** Set by the server (never by the page): a hash of the client address, for guess limits. */
  client: z.string().regex(/^[a-f0-9]{16,64}$/).optional(),
});
export type SimulatorUpdate = z.infer<typeof simulatorUpdate>;

export function simulatorChatId(session: string, role: string): string {
  return `${session}.${role}`;
}

export class WebSimulatorAdapter implements ChannelAdapter {
  readonly channel = 'web' as const;
  readonly botId = 'simulator';
  readonly capabilities = webCapabilities;
  private readonly inbound: InboundRepo;
  private readonly outbound: OutboundRepo;

  constructor(
    private readonly db: Db,
    private readonly media: MediaAccess,
    /** The service's clock: a scheduled message is due by it, as the send worker judges. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.inbound = new InboundRepo(db);
    this.outbound = new OutboundRepo(db);
  }

  /** The simulator is an open demo page; it is switched off with SIMULATOR_ENABLED=false. */
  verify(): boolean {
    return true;
  }

  parse(raw: unknown): ParsedUpdate {
    const r = simulatorUpdate.safeParse(raw);
    if (!r.success) return { ok: false, reason: 'not a simulator message' };
    const u = r.data;
    const chatId = simulatorChatId(u.session, u.role);
    const body: EventBody | null = u.text
      ? { type: 'text', text: u.text }
      : u.choice
        ? { type: 'choice', data: u.choice }
        : u.mediaId
          ? { type: 'image', image: { kind: 'media', mediaId: u.mediaId } }
          : null;
    if (!body) return { ok: false, reason: 'empty simulator message' };
    const name = u.name ? { displayName: u.name } : {};
    return { ok: true, key: `${u.session}:${u.id}`, chatId, event: { channel: 'web', botId: this.botId, chatId, userId: chatId, at: new Date(), body, ...(u.client ? { clientKey: u.client } : {}), ...name } };
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    const [row] = await this.db.insert(simulatorMessages).values({ sessionId: msg.chatId, part: msg.part }).returning({ id: simulatorMessages.id });
    return { platformMessageId: String(row?.id) };
  }

  async downloadImage(ref: ImageRef, maxBytes: number): Promise<Buffer> {
    if (ref.kind !== 'media') throw new Error(`simulator cannot download ${ref.kind}`);
    const { bytes } = await this.media.read(ref.mediaId);
    if (bytes.length > maxBytes) throw new Error('image too large');
    return bytes;
  }

  /**
   * Messages the bot sent to a simulator chat after `afterId`, oldest first, at most `limit`;
   * `more` says that further ones wait (the caller asks again after the last id it got).
   */
  async messagesFor(chatId: string, afterId: number, limit = 100): Promise<{ messages: { id: number; part: OutboundPart; at: Date }[]; more: boolean }> {
    const rows = await this.db
      .select()
      .from(simulatorMessages)
      .where(and(eq(simulatorMessages.sessionId, chatId), gt(simulatorMessages.id, afterId)))
      .orderBy(asc(simulatorMessages.id))
      .limit(limit + 1);
    const messages = rows.slice(0, limit).map((r) => ({ id: r.id, part: r.part as OutboundPart, at: r.createdAt }));
    return { messages, more: rows.length > limit };
  }

  /**
   * Whether the bot is still working on this chat: an accepted message not yet handled by the
   * conversation worker, or a message to the chat written to the outbox but not yet delivered
   * here. Both live in Postgres, so every process sees the same answer. A turn commits its
   * "processed" mark with its outbox rows, so the inbound table is read first: a turn finishing
   * in between is then seen in the outbox. A row is marked sent only after its message is stored
   * here, so a caller that reads this before the messages gets every message of a finished turn.
   * Messages scheduled for later (reminders) are not part of a turn and do not count.
   */
  async inProgress(chatId: string): Promise<boolean> {
    const chat = { channel: this.channel, botId: this.botId, chatId };
    return (await this.inbound.hasUnhandled(chat)) || (await this.outbound.hasUnsentDue(chat, this.now()));
  }

}
