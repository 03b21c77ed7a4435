import type { ChannelAdapter, ChannelCapabilities, ImageRef, MediaAccess, OutboundMessage, SendResult, WebhookRequest } from '../../src/channels/contract.js';
import { SendError } from '../../src/channels/contract.js';
import { downloadCapped } from '../../src/channels/http-util.js';
import { parseZaloOaEvent } from './parse.js';
import { verifyZaloOa } from './signature.js';
import { ZaloTokenError, type ZaloTokens } from './tokens.js';

/**
 * OA consultation messages: 2,000 characters (platform-facts 1.3); API sends carry no buttons, so
 * the core renders numbered choices (the OA chat menu also sends its payload back as plain text).
 * Rate: Zalo documents no per-OA figure; start conservatively at about 20 requests/s.
 */
export const zaloOaCapabilities: ChannelCapabilities = {
  textLimit: 2000,
  images: true,
  buttons: false,
  rate: { perSecond: 20, perChatPerSecond: 1, perChatBurst: 3 },
};

export interface ZaloOaOptions {
  readonly appId: string;
  /** OA secret key: signs webhooks (distinct from the app secret used for OAuth). */
  readonly oaSecretKey: string;
  readonly apiRoot: string;
  readonly tokens: ZaloTokens;
  readonly media: MediaAccess;
  /** Webhook path of this bot when a platform has several (CHANNELS_FILE); default `/webhooks/zalo-oa`. */
  readonly webhookPath?: string;
  /** The clock that judges a webhook's signed timestamp (default: the system clock). */
  readonly now?: () => Date;
  /** The deployment's approved template (id, name of its one text parameter), for people outside the 7-day window. */
  readonly template?: { readonly id: string; readonly param: string };
}

/** Inbound images only from Zalo's own hosts (and the configured API root, for tests). */
const ZALO_HOSTS = /(^|\.)(zalo\.me|zaloapp\.com|zadn\.vn|zdn\.vn|zaloplatforms\.com)$/i;

interface ZaloReply {
  readonly error?: number;
  readonly message?: string;
  readonly data?: { message_id?: string; attachment_id?: string; token?: string };
}

export class ZaloOaAdapter implements ChannelAdapter {
  readonly channel = 'zalo-oa' as const;
  readonly botId: string;
  readonly capabilities = zaloOaCapabilities;

  get webhookPath(): string {
    return this.opts.webhookPath ?? '/webhooks/zalo-oa';
  }

  constructor(private readonly opts: ZaloOaOptions) {
    this.botId = opts.appId;
  }

  verify(req: WebhookRequest): boolean {
    return verifyZaloOa(req, this.opts.appId, this.opts.oaSecretKey, this.opts.now?.() ?? new Date());
  }

  parse(body: unknown) {
    return parseZaloOaEvent(this.botId, body);
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    const { part, chatId } = msg;
    const recipient = { user_id: chatId };
    if (part.type === 'text' && part.template) return this.sendTemplate(chatId, part.text);
    if (part.type === 'text') return this.sendCs({ recipient, message: { text: part.text } });
    // An image by URL in the media template (Java SDK v3 SendImageCSMessage, url form), the text as
    // its caption. Link buttons on v3 consultation messages are not documented (platform-facts
    // 1.3): the renderer puts a link into the caption as a line instead.
    if (part.type === 'web-image') {
      const element = { media_type: 'image', url: part.url };
      return this.sendCs({ recipient, message: { ...(part.caption ? { text: part.caption.slice(0, 2000) } : {}), attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } } } });
    }
    if (part.type === 'image') {
      const file = await this.opts.media.read(part.media.mediaId);
      const up = await this.call('/v2.0/oa/upload/image', () => multipart(file.bytes, file.mime, part.media.filename ?? 'image.png'));
      const element = { media_type: 'image', attachment_id: up.data?.attachment_id };
      return this.sendCs({ recipient, message: { ...(part.caption ? { text: part.caption.slice(0, 2000) } : {}), attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } } } });
    }
    const file = await this.opts.media.read(part.media.mediaId);
    const up = await this.call('/v2.0/oa/upload/file', () => multipart(file.bytes, file.mime, part.media.filename ?? 'file.pdf'));
    return this.sendCs({ recipient, message: { attachment: { type: 'file', payload: { token: up.data?.token } } } });
  }

  /**
   * An approved template to an OA user id: `POST /v3.0/oa/message/template` with `template_id` and
   * `template_data` (platform-facts 1.6: this UID form is from a third-party specification only;
   * the phone form on business.openapi.zalo.me is confirmed by Chatwoot but needs phone numbers).
   */
  private async sendTemplate(userId: string, text: string): Promise<SendResult> {
    const t = this.opts.template;
    if (!t) throw new SendError('fatal', 'no approved Zalo template is configured (ZALO_OA_TEMPLATE_ID)');
    const r = await this.call('/v3.0/oa/message/template', () => JSON.stringify({ recipient: { user_id: userId }, template_id: t.id, template_data: { [t.param]: text } }), 'application/json');
    return r.data?.message_id ? { platformMessageId: r.data.message_id } : {};
  }

  private async sendCs(body: unknown): Promise<SendResult> {
    const r = await this.call('/v3.0/oa/message/cs', () => JSON.stringify(body), 'application/json');
    return r.data?.message_id ? { platformMessageId: r.data.message_id } : {};
  }

  /** One API call with Zalo's error taxonomy; a rejected token is refreshed once and the call repeated. */
  private async call(path: string, body: () => string | FormData, contentType?: string): Promise<ZaloReply> {
    let token = await this.token();
    for (let attempt = 0; ; attempt++) {
      const reply = await this.post(path, token, body(), contentType);
      const code = reply.error ?? 0;
      if (code === 0) return reply;
      if ((code === -216 || code === -220) && attempt === 0) {
        token = await this.opts.tokens.refresh('rejected', token).catch((err: unknown) => {
          throw new SendError(err instanceof ZaloTokenError && err.retryable ? 'retry' : 'auth', `Zalo token refresh failed: ${err instanceof Error ? err.message : String(err)}`);
        });
        continue;
      }
      throw zaloError(code, reply.message ?? '');
    }
  }

  private async token(): Promise<string> {
    try {
      return await this.opts.tokens.accessToken();
    } catch (err) {
      throw new SendError(err instanceof ZaloTokenError && err.retryable ? 'retry' : 'auth', err instanceof Error ? err.message : String(err));
    }
  }

  private async post(path: string, token: string, body: string | FormData, contentType?: string): Promise<ZaloReply> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.apiRoot}${path}`, { method: 'POST', headers: { access_token: token, ...(contentType ? { 'content-type': contentType } : {}) }, body, signal: AbortSignal.timeout(15_000) });
    } catch (err) {
      throw new SendError('retry', `Zalo OA unreachable: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (res.status === 429) throw new SendError('rate-limited', 'Zalo OA answered 429', { retryAfterMs: 5000, platformCode: '429' });
    if (res.status >= 500) throw new SendError('retry', `Zalo OA answered ${res.status}`, { platformCode: String(res.status) });
    return ((await res.json().catch(() => ({ error: -1, message: `HTTP ${res.status} without JSON` }))) as ZaloReply) ?? {};
  }

  async downloadImage(ref: ImageRef, maxBytes: number): Promise<Buffer> {
    if (ref.kind !== 'url') throw new SendError('fatal', `zalo-oa cannot download ${ref.kind}`);
    const url = new URL(ref.url);
    if (!ZALO_HOSTS.test(url.hostname) && url.host !== new URL(this.opts.apiRoot).host) throw new SendError('fatal', 'image is not on a Zalo host');
    return downloadCapped(url, maxBytes, 15_000);
  }
}

function multipart(bytes: Buffer, mime: string, filename: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: mime }), filename);
  return form;
}

/**
 * Zalo OA error codes (HTTP 200 with `error != 0`; platform-facts 1.5): -230 the person has not
 * written in 7 days, -213 not a follower, -227 banned/inactive: unreachable, never retried; -32
 * rate limited: pause; -216/-220 token problems that survived a refresh: auth; the rest: fatal.
 */
export function zaloError(code: number, message: string): SendError {
  const text = `zalo-oa ${code}: ${message}`;
  if (code === -230 || code === -213 || code === -227) return new SendError('unreachable', text, { platformCode: String(code) });
  if (code === -32) return new SendError('rate-limited', text, { retryAfterMs: 60_000, platformCode: '-32' });
  if (code === -216 || code === -220) return new SendError('auth', text, { platformCode: String(code) });
  return new SendError('fatal', text, { platformCode: String(code) });
}
