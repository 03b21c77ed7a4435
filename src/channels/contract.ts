import { AppError } from '../domain/errors.js';

/**
 * The channel-adapter contract. Every messaging platform (Telegram, Zalo OA, Zalo Bot, the web
 * simulator) lives in `bots/<platform>/` and implements `ChannelAdapter`; nothing under `src/`
 * knows a platform's wire format. The webhook route, the workers and the conversation core only
 * ever see the channel-neutral shapes below. Modelled on nyaruka/courier's handler split:
 * authenticate, parse to a neutral event, send with a typed error taxonomy.
 */

/** Platform ids. A person's identity is per channel: the same human on two channels is two contacts. */
export type ChannelName = 'telegram' | 'zalo-oa' | 'zalo-bot' | 'web' | 'zalo-mini-app';

/** What a platform can render, so the core can degrade (numbered choices instead of buttons, split text). */
export interface ChannelCapabilities {
  /** Longest text one message may carry, in UTF-16 code units after NFC normalisation. */
  readonly textLimit: number;
  readonly images: boolean;
  /** Inline buttons that send a payload back; false means the core renders numbered text choices. */
  readonly buttons: boolean;
  /**
   * A button that opens a web address, under a text or a photo. False: the address goes into the
   * message as a text line instead.
   */
  readonly linkButtons?: boolean;
  /** Outbound rate for the whole bot (messages per second) and per chat (burst + per second). */
  readonly rate: { readonly perSecond: number; readonly perChatPerSecond: number; readonly perChatBurst: number };
}

/** Where an inbound image can be fetched from later, by the adapter that produced it. */
export type ImageRef =
  | { readonly kind: 'telegram-file'; readonly fileId: string; readonly size?: number }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'media'; readonly mediaId: string };

/** The neutral payload of one inbound update. */
export type EventBody =
  | { readonly type: 'text'; readonly text: string }
  /** A button press; `data` is the payload the core attached to the choice. */
  | { readonly type: 'choice'; readonly data: string; readonly callbackId?: string }
  | { readonly type: 'image'; readonly image: ImageRef; readonly caption?: string }
  | { readonly type: 'follow' }
  | { readonly type: 'unfollow' }
  | { readonly type: 'contact-info'; readonly name?: string; readonly phone?: string; readonly address?: string }
  /**
   * The platform reports that messages we sent reached the person's device or were read (Zalo OA
   * `user_received_message` / `user_seen_message`). Not an interaction: it opens no window and
   * starts no turn.
   */
  | { readonly type: 'receipt'; readonly kind: 'delivered' | 'seen'; readonly platformMessageIds: readonly string[] }
  /** Something we store but have nothing to say to (stickers, voice, unsupported). */
  | { readonly type: 'other'; readonly what: string };

/** One inbound update, normalised. `chatId` is where replies go; `userId` identifies the person. */
export interface InboundEvent {
  readonly channel: ChannelName;
  readonly botId: string;
  readonly chatId: string;
  readonly userId: string;
  readonly displayName?: string;
  readonly at: Date;
  readonly body: EventBody;
  /**
   * Simulator only: a keyed hash of the client's network address, so limits on guessing codes hold
   * across the simulator's sessions (each is a new chat). Real channels never set it.
   */
  readonly clientKey?: string | undefined;
}

/**
 * Result of parsing a webhook body. `key` is the platform's idempotency key (Telegram update_id,
 * Zalo msg_id...) used for the unique (channel, bot, key) row. `chatId` orders processing per chat.
 * `event` is null for update types we store and ignore.
 */
export type ParsedUpdate =
  | { readonly ok: true; readonly key: string; readonly chatId: string; readonly event: InboundEvent | null }
  | { readonly ok: false; readonly reason: string };

/** A choice offered to the person: shown as a button, or as "1. label" where buttons do not exist. */
export interface Choice {
  readonly label: string;
  readonly data: string;
}

/** Reference to bytes we serve ourselves under PUBLIC_URL/media/<id>. */
export interface MediaRef {
  readonly mediaId: string;
  readonly mime: string;
  readonly filename?: string;
}

/** A button that opens a web address (a broadcast's "Đăng ký tiêm" link). */
export interface LinkButton {
  readonly label: string;
  readonly url: string;
}

/**
 * One message as the platform will send it, after the core split text to the platform limit and
 * rendered choices. Stored as a row of the outbound ledger before any API call.
 */
export type OutboundPart =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly choices?: readonly Choice[];
      readonly link?: LinkButton;
      /** Send through the deployment's approved message template (Zalo OA, outside its 7-day window). */
      readonly template?: boolean;
    }
  | { readonly type: 'image'; readonly media: MediaRef; readonly caption?: string; readonly choices?: readonly Choice[] }
  /** A photo the platform fetches from a public address itself (no upload per recipient). */
  | { readonly type: 'web-image'; readonly url: string; readonly caption?: string; readonly link?: LinkButton }
  | { readonly type: 'document'; readonly media: MediaRef; readonly caption?: string };

export interface OutboundMessage {
  readonly chatId: string;
  readonly part: OutboundPart;
}

/** Access to media bytes and their public URL, given to adapters that must upload or link media. */
export interface MediaAccess {
  read(mediaId: string): Promise<{ bytes: Buffer; mime: string; filename?: string }>;
  publicUrl(mediaId: string): string;
}

/**
 * How a send failed, so the outbound worker knows what to do (courier's send-error taxonomy):
 * - `retry`: transient (network, 5xx); back off and try again.
 * - `rate-limited`: the platform asked us to slow down; pause the whole bot for `retryAfterMs`.
 * - `unreachable`: the person blocked the bot or left the window; mark the contact, never retry.
 * - `fatal`: the request itself is wrong (400); retrying cannot help.
 * - `auth`: our credentials were refused; the adapter may refresh them once and retry.
 */
export type SendErrorKind = 'retry' | 'rate-limited' | 'unreachable' | 'fatal' | 'auth';

export class SendError extends AppError {
  readonly kind: SendErrorKind;
  readonly retryAfterMs: number | undefined;
  readonly platformCode: string | undefined;

  constructor(kind: SendErrorKind, message: string, opts: { retryAfterMs?: number; platformCode?: string; cause?: unknown } = {}) {
    super(`send_${kind.replace('-', '_')}`, message, { retryable: kind === 'retry' || kind === 'rate-limited', cause: opts.cause });
    this.name = 'SendError';
    this.kind = kind;
    this.retryAfterMs = opts.retryAfterMs;
    this.platformCode = opts.platformCode;
  }
}

/** What a webhook request looks like to an adapter: headers (lower-case names) and the exact raw body. */
export interface WebhookRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawBody: string;
}

export interface SendResult {
  /** The platform's id of the sent message, when it returns one. */
  readonly platformMessageId?: string;
}

export interface ChannelAdapter {
  readonly channel: ChannelName;
  /** Stable id of this bot/OA (Telegram bot id, OA id...), part of the idempotency key. */
  readonly botId: string;
  readonly capabilities: ChannelCapabilities;
  /** Where the platform posts this bot's updates; default `/webhooks/<channel>` (one bot per platform). */
  readonly webhookPath?: string;
  /** Constant-time check of the webhook's authentication; false means 401 and nothing stored. */
  verify(req: WebhookRequest): boolean;
  /** Turn a verified, JSON-parsed body into its key and neutral event. Never throws. */
  parse(body: unknown): ParsedUpdate;
  /** Send one part. Throws `SendError` on failure. */
  send(msg: OutboundMessage): Promise<SendResult>;
  /** Fetch an inbound image's bytes (size-capped, from the platform's own hosts only). */
  downloadImage(ref: ImageRef, maxBytes: number): Promise<Buffer>;
  /** Acknowledge a button press where the platform needs it (Telegram answerCallbackQuery). */
  acknowledgeChoice?(callbackId: string): Promise<void>;
  close?(): Promise<void>;
}
