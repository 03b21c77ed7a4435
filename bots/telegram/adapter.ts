import { Input, Telegram, TelegramError } from 'telegraf';
import {
  SendError,
  type ChannelAdapter,
  type ChannelCapabilities,
  type Choice,
  type ImageRef,
  type LinkButton,
  type MediaAccess,
  type OutboundMessage,
  type SendResult,
  type WebhookRequest,
} from '../../src/channels/contract.js';
import { constantTimeEqual, downloadCapped, headerValue } from '../../src/channels/http-util.js';
import { parseTelegramUpdate } from './parse.js';

export interface TelegramAdapterOptions {
  readonly token: string;
  /** Messages per second for the whole bot (default 25, under the Bot FAQ's ~30). */
  readonly perSecond?: number;
  readonly webhookSecret: string;
  readonly apiRoot: string;
  readonly media: MediaAccess;
  /** Webhook path of this bot when a platform has several (CHANNELS_FILE); default `/webhooks/telegram`. */
  readonly webhookPath?: string;
}

/**
 * Limits from the Bot API docs (`@telegraf/types` methods.d.ts: text 4096, caption 1024) and the
 * Bot FAQ (~30 msg/s overall, ~1 msg/s per chat with short bursts). See ../shared notes §3.
 */
export const telegramCapabilities: ChannelCapabilities = {
  textLimit: 4096,
  images: true,
  buttons: true,
  linkButtons: true,
  rate: { perSecond: 25, perChatPerSecond: 1, perChatBurst: 3 },
};

/** callback_data is limited to 1-64 bytes by the Bot API. */
const MAX_CALLBACK_BYTES = 64;

export class TelegramAdapter implements ChannelAdapter {
  readonly channel = 'telegram' as const;
  readonly botId: string;
  readonly capabilities: ChannelCapabilities;

  get webhookPath(): string {
    return this.opts.webhookPath ?? '/webhooks/telegram';
  }
  readonly api: Telegram;

  constructor(private readonly opts: TelegramAdapterOptions) {
    this.capabilities = opts.perSecond ? { ...telegramCapabilities, rate: { ...telegramCapabilities.rate, perSecond: opts.perSecond } } : telegramCapabilities;
    // The bot id is the part of the token before the colon (Bot API token format "<id>:<secret>").
    this.botId = opts.token.split(':')[0] ?? 'telegram';
    this.api = new Telegram(opts.token, { apiRoot: opts.apiRoot });
  }

  verify(req: WebhookRequest): boolean {
    const got = headerValue(req.headers, 'x-telegram-bot-api-secret-token');
    return got !== undefined && constantTimeEqual(got, this.opts.webhookSecret);
  }

  parse(body: unknown) {
    return parseTelegramUpdate(this.botId, body);
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    try {
      const sent = await this.sendPart(msg);
      return { platformMessageId: String(sent.message_id) };
    } catch (err) {
      throw toSendError(err);
    }
  }

  private async sendPart({ chatId, part }: OutboundMessage): Promise<{ message_id: number }> {
    if (part.type === 'text') {
      return this.api.sendMessage(chatId, part.text, part.link ? linkKeyboard(part.link) : keyboard(part.choices));
    }
    // Telegram fetches a photo given by URL itself (up to 5 MB): no upload per recipient.
    if (part.type === 'web-image') {
      return this.api.sendPhoto(chatId, part.url, { ...(part.caption ? { caption: part.caption.slice(0, 1024) } : {}), ...(part.link ? linkKeyboard(part.link) : {}) });
    }
    const file = await this.opts.media.read(part.media.mediaId);
    const input = Input.fromBuffer(file.bytes, part.media.filename ?? file.filename ?? 'file');
    const caption = part.caption ? { caption: part.caption.slice(0, 1024) } : {};
    if (part.type === 'image') return this.api.sendPhoto(chatId, input, { ...caption, ...keyboard(part.choices) });
    return this.api.sendDocument(chatId, input, caption);
  }

  async downloadImage(ref: ImageRef, maxBytes: number): Promise<Buffer> {
    if (ref.kind !== 'telegram-file') throw new SendError('fatal', `telegram cannot download ${ref.kind}`);
    if (ref.size !== undefined && ref.size > maxBytes) throw new SendError('fatal', 'image too large');
    // getFileLink builds <apiRoot>/file/bot<token>/<path>: the URL holds the token, never log it.
    const link = await this.api.getFileLink(ref.fileId);
    return downloadCapped(link, maxBytes, 15_000);
  }

  private knownUsername: string | undefined;

  /** The bot's @username for t.me deep links (getMe, cached once it succeeds; undefined while Telegram is unreachable). */
  async username(): Promise<string | undefined> {
    if (this.knownUsername) return this.knownUsername;
    try {
      this.knownUsername = (await this.api.getMe()).username;
    } catch {
      return undefined;
    }
    return this.knownUsername;
  }

  async acknowledgeChoice(callbackId: string): Promise<void> {
    await this.api.answerCbQuery(callbackId);
  }

  /** Registers PUBLIC_URL/webhooks/telegram with our secret (CLI `telegram:set-webhook`). */
  async setWebhook(publicUrl: string): Promise<void> {
    await this.api.setWebhook(`${publicUrl}${this.webhookPath}`, {
      secret_token: this.opts.webhookSecret,
      allowed_updates: ['message', 'callback_query'],
    });
  }
}

/** One inline button that opens a web address (InlineKeyboardButton with `url`). */
function linkKeyboard(link: LinkButton) {
  return { reply_markup: { inline_keyboard: [[{ text: link.label, url: link.url }]] } };
}

function keyboard(choices: readonly Choice[] | undefined) {
  if (!choices?.length) return {};
  const usable = choices.filter((c) => Buffer.byteLength(c.data) <= MAX_CALLBACK_BYTES);
  return { reply_markup: { inline_keyboard: usable.map((c) => [{ text: c.label, callback_data: c.data }]) } };
}

/** Bot API error codes -> our taxonomy: 429 pause, 403 blocked, other 4xx fatal, 5xx/network retry. */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof TelegramError) {
    const code = err.code;
    const text = `telegram ${code}: ${err.description}`;
    if (code === 429) {
      const after = err.parameters?.retry_after ?? 1;
      return new SendError('rate-limited', text, { retryAfterMs: after * 1000, platformCode: '429', cause: err });
    }
    if (code === 403) return new SendError('unreachable', text, { platformCode: '403', cause: err });
    if (code === 401 || code === 404) return new SendError('auth', text, { platformCode: String(code), cause: err });
    if (code >= 400 && code < 500) return new SendError('fatal', text, { platformCode: String(code), cause: err });
    return new SendError('retry', text, { platformCode: String(code), cause: err });
  }
  return new SendError('retry', `telegram request failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
