import type { ChannelAdapter, ChannelCapabilities, ImageRef, MediaAccess, OutboundMessage, SendResult, WebhookRequest } from '../../src/channels/contract.js';
import { SendError } from '../../src/channels/contract.js';
import { constantTimeEqual, downloadCapped, headerValue } from '../../src/channels/http-util.js';
import { zaloBotTexts } from './texts.js';
import { parseZaloBotUpdate } from './parse.js';

/** sendMessage takes 1-2,000 characters; no inline buttons in the documented API; rate undocumented, start at 5/s. */
export const zaloBotCapabilities: ChannelCapabilities = {
  textLimit: 2000,
  images: true,
  buttons: false,
  rate: { perSecond: 5, perChatPerSecond: 1, perChatBurst: 3 },
};

export interface ZaloBotOptions {
  readonly token: string;
  readonly webhookSecret: string;
  readonly apiRoot: string;
  readonly media: MediaAccess;
  /** Webhook path of this bot when a platform has several (CHANNELS_FILE); default `/webhooks/zalo-bot`. */
  readonly webhookPath?: string;
}

const ZALO_HOSTS = /(^|\.)(zalo\.me|zaloapp\.com|zadn\.vn|zdn\.vn|zaloplatforms\.com)$/i;

/**
 * The Zalo Bot Platform: `POST {apiRoot}/bot<token>/<method>` with JSON, answers
 * `{ok, result}` or `{ok: false, error_code, description}` (platform-facts 2). Photos are sent by
 * public URL (sendPhoto takes a URL, not an upload), documents as a link in a text message.
 */
export class ZaloBotAdapter implements ChannelAdapter {
  readonly channel = 'zalo-bot' as const;
  readonly botId: string;
  readonly capabilities = zaloBotCapabilities;

  get webhookPath(): string {
    return this.opts.webhookPath ?? '/webhooks/zalo-bot';
  }

  constructor(private readonly opts: ZaloBotOptions) {
    this.botId = opts.token.split(':')[0] ?? 'zalo-bot';
  }

  verify(req: WebhookRequest): boolean {
    const got = headerValue(req.headers, 'x-bot-api-secret-token');
    return got !== undefined && constantTimeEqual(got, this.opts.webhookSecret);
  }

  parse(body: unknown) {
    return parseZaloBotUpdate(this.botId, body);
  }

  async send({ chatId, part }: OutboundMessage): Promise<SendResult> {
    if (part.type === 'text') return this.result(await this.call('sendMessage', { chat_id: chatId, text: part.text }));
    // sendPhoto takes a public image URL (docs); no buttons are documented, so a link is a caption line.
    if (part.type === 'web-image') return this.result(await this.call('sendPhoto', { chat_id: chatId, photo: part.url, ...(part.caption ? { caption: part.caption.slice(0, 2000) } : {}) }));
    const url = this.opts.media.publicUrl(part.media.mediaId);
    if (part.type === 'image') return this.result(await this.call('sendPhoto', { chat_id: chatId, photo: url, ...(part.caption ? { caption: part.caption.slice(0, 2000) } : {}) }));
    return this.result(await this.call('sendMessage', { chat_id: chatId, text: `${part.caption ? `${part.caption}\n` : ''}${zaloBotTexts.downloadLine(url)}` }));
  }

  private result(r: unknown): SendResult {
    const id = typeof r === 'object' && r !== null && 'message_id' in r ? String((r as { message_id: unknown }).message_id) : undefined;
    return id ? { platformMessageId: id } : {};
  }

  /** One Bot API call; errors mapped to the send-error taxonomy. The URL holds the token: never log it. */
  async call(method: string, params: Record<string, unknown>): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.apiRoot}/bot${this.opts.token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params), signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new SendError('retry', `Zalo Bot API unreachable (${method}): ${err instanceof Error ? err.message : String(err)}`);
    }
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; result?: unknown; error_code?: number; description?: string };
    if (res.ok && body.ok) return body.result;
    const code = body.error_code ?? res.status;
    const text = `zalo-bot ${method} ${code}: ${body.description ?? ''}`;
    if (code === 429) throw new SendError('rate-limited', text, { retryAfterMs: 5000, platformCode: '429' });
    if (code === 401) throw new SendError('auth', text, { platformCode: '401' });
    if (code === 403) throw new SendError('unreachable', text, { platformCode: '403' });
    if (code >= 500 || res.status >= 500) throw new SendError('retry', text, { platformCode: String(code) });
    throw new SendError('fatal', text, { platformCode: String(code) });
  }

  async downloadImage(ref: ImageRef, maxBytes: number): Promise<Buffer> {
    if (ref.kind !== 'url') throw new SendError('fatal', `zalo-bot cannot download ${ref.kind}`);
    const url = new URL(ref.url);
    if (!ZALO_HOSTS.test(url.hostname) && url.host !== new URL(this.opts.apiRoot).host) throw new SendError('fatal', 'image is not on a Zalo host');
    return downloadCapped(url, maxBytes, 15_000);
  }

  /** Registers PUBLIC_URL/webhooks/zalo-bot with our secret (CLI `zalo-bot:set-webhook`). */
  async setWebhook(publicUrl: string): Promise<unknown> {
    return this.call('setWebhook', { url: `${publicUrl}${this.webhookPath}`, secret_token: this.opts.webhookSecret });
  }
}
