import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';

/**
 * A fake Telegram Bot API that enforces Telegram's flood limits like the real one: at most
 * `perSecond` messages in any one-second window for the bot and `perChatPerSecond` per chat;
 * beyond that it answers 429 with `retry_after`. Records how many messages each chat got.
 */
export class RatedFakeTelegram {
  private readonly app = Fastify({ logger: false });
  private readonly window: number[] = [];
  private readonly lastPerChat = new Map<string, number>();
  readonly received = new Map<string, number>();
  readonly receivedAt = new Map<string, number>();
  n429 = 0;
  delivered = 0;
  firstAt = 0;
  lastAt = 0;
  url = '';

  constructor(
    private readonly perSecond: number,
    private readonly perChatPerSecond = 1,
  ) {}

  async start(): Promise<this> {
    this.app.post<{ Params: { token: string; method: string }; Body: Record<string, unknown> }>('/bot:token/:method', async (req, reply) => {
      const { method } = req.params;
      if (method === 'getMe') return { ok: true, result: { id: 1, is_bot: true, first_name: 'bench', username: 'bench_bot' } };
      if (method !== 'sendMessage' && method !== 'sendPhoto') return { ok: true, result: true };
      const now = Date.now();
      while (this.window.length && this.window[0]! <= now - 1000) this.window.shift();
      const chat = String(req.body.chat_id);
      const last = this.lastPerChat.get(chat) ?? 0;
      if (this.window.length >= this.perSecond || now - last < 1000 / this.perChatPerSecond) {
        this.n429++;
        return reply.code(429).send({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      }
      this.window.push(now);
      this.lastPerChat.set(chat, now);
      this.received.set(chat, (this.received.get(chat) ?? 0) + 1);
      if (!this.receivedAt.has(chat)) this.receivedAt.set(chat, now);
      this.delivered++;
      this.firstAt ||= now;
      this.lastAt = now;
      return { ok: true, result: { message_id: this.delivered, date: Math.floor(now / 1000), chat: { id: Number(chat) || chat, type: 'private' }, text: req.body.text ?? '' } };
    });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.url = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
