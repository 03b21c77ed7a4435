/**
 * Platform rules for bulk sending, as code: one policy per channel, consulted by the resolver (who
 * can be reached at all) and the dispatcher (how fast). The sender never branches on a platform.
 */

/** Why a person is not sent a broadcast; shown in the preview and stored on their ledger row. */
export type ExclusionReason =
  | 'no-consent'
  | 'opted-out'
  | 'unreachable'
  | 'frequency-cap'
  | 'outside-zalo-window'
  | 'channel-off';

export interface ChatFacts {
  /** Last time the person wrote to us in this chat (any inbound update). */
  readonly lastSeenAt: Date;
}

export interface ChannelPolicy {
  readonly channel: string;
  /** Sends per second for the whole bot (bulk and replies share it; replies go first). */
  readonly perSecond: number;
  /** Sends per second to one chat. */
  readonly perChatPerSecond: number;
  /** A 429 (or the platform's equivalent) pauses every send of the bot for its retry-after. */
  readonly throttlePausesBot: boolean;
  /** Longest text in one message, and in an image caption. */
  readonly textLimit: number;
  readonly captionLimit: number;
  /** Link buttons: shown as a button, or as a line of text with the address. */
  readonly linkButtons: boolean;
  /**
   * A proactive-message window, when the platform has one: bulk reaches a chat only within `ms` of
   * the person's last message there, else it is excluded with `reason`. Declarative, so the
   * audience resolver can apply it in SQL (src/broadcasts/audience.ts) exactly as `exclusion` does.
   */
  readonly window?: { readonly ms: number; readonly reason: ExclusionReason };
  /** Why this chat cannot receive a bulk message at `now`, or null when it can. */
  exclusion(chat: ChatFacts, now: Date): ExclusionReason | null;
  /** What we know and do not know about these rules (shown by `broadcasts:policy`). */
  readonly notes: readonly string[];
}

/** The exclusion of a policy with (or without) a window: `window.reason` once the window has passed. */
export function windowExclusion(window: ChannelPolicy['window']): ChannelPolicy['exclusion'] {
  return (chat, now) => (window && now.getTime() - chat.lastSeenAt.getTime() > window.ms ? window.reason : null);
}
