import type { ChannelCapabilities } from '../channels/contract.js';
import { renderReplies } from '../conversation/render.js';
import type { NewOutbound } from '../db/repos/outbound-repo.js';
import { isQuiet } from '../domain/quiet-hours.js';
import type { AutoCheckoutNotifier, AutoClosedVisit } from './maintenance.js';
import { checkinTexts as t } from './texts.js';

export interface ChatRef {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
}

/** What the notices need; the runtime binds these to Postgres, the adapters and the send queue. */
export interface AutoCheckoutNoticePorts {
  /** The person's chat to write to: a reachable one, the most recently used first. */
  chatOf(tx: unknown, personId: number): Promise<ChatRef | undefined>;
  capabilities(channel: string, botId: string): ChannelCapabilities | undefined;
  addOutbound(tx: unknown, rows: readonly NewOutbound[]): Promise<number[]>;
  enqueueOutbound(channel: string, botId: string, ids: readonly number[]): Promise<void>;
}

/** A check-out older than this is not announced (the service was down): the news would only confuse. */
export const NOTICE_MAX_AGE_MS = 2 * 3600_000;

/**
 * One message per person and venue when visits end automatically ("you and 2 family members were
 * checked out of the market at 10:30; scan again if you are still there"). Nothing is sent in the
 * quiet hours (21:00-07:00): a message at night about a visit that ended is noise, not help.
 */
export function autoCheckoutNotifier(ports: AutoCheckoutNoticePorts): AutoCheckoutNotifier {
  return async (tx, closed, now) => {
    if (isQuiet(now)) return async () => undefined;
    const groups = new Map<string, AutoClosedVisit[]>();
    for (const v of closed) {
      if (now.getTime() - v.checkedOutAt.getTime() > NOTICE_MAX_AGE_MS) continue;
      const key = `${v.contactId}/${v.venueId}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    const queued: { chat: ChatRef; ids: number[] }[] = [];
    for (const visits of groups.values()) {
      const first = visits[0]!;
      const chat = await ports.chatOf(tx, first.contactId);
      const caps = chat && ports.capabilities(chat.channel, chat.botId);
      if (!chat || !caps) continue;
      const self = visits.some((v) => v.dependentId === null);
      const text = t.autoOut(first.venueName, first.checkedOutAt, self, visits.filter((v) => v.dependentId !== null).length);
      const { parts } = renderReplies([{ type: 'text', text }], caps);
      queued.push({ chat, ids: await ports.addOutbound(tx, parts.map((part) => ({ ...chat, part }))) });
    }
    return async () => {
      for (const q of queued) await ports.enqueueOutbound(q.chat.channel, q.chat.botId, q.ids);
    };
  };
}
