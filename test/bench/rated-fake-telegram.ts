import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

/**
 * A fake Telegram Bot API that enforces Telegram's flood limits as strictly as they can be read:
 * at most `perSecond` messages for the bot in ANY one-second window (a sliding window over arrival
 * times, which is stricter than counting per calendar second: whatever passes here passes a
 * fixed-window counter too), and per chat at least 1/`perChatPerSecond` s between two messages.
 * Beyond that it answers 429 with `retry_after` and counts why. Arrival time is when the request
 * is handled here (Date.now(), the same clock Redis's TIME reads on this machine).
 *
 * Bookkeeping is compact so the fake's own event loop stays quick (a stalled fake would bunch
 * arrivals and blame the sender): the broadcast's chats ("<prefix><1..n>") are counted in a typed
 * array, other chats (residents' replies) in a small map.
 */
export class RatedFakeTelegram {
  private readonly app = Fastify({ logger: false });
  /** Arrival times of the last `perSecond` accepted messages (a ring). */
  private readonly ring: Float64Array;
  private ringAt = 0;
  private readonly lastPerChat = new Map<string, number>();
  private bulkCounts = new Uint8Array(0);
  private bulkPrefix = '\u0000';
  /** Messages per chat outside the tracked broadcast (residents' replies). */
  readonly received = new Map<string, number>();
  readonly receivedAt = new Map<string, number>();
  /** Distinct broadcast chats that got a message, and messages beyond one per chat. */
  bulkChats = 0;
  bulkMessages = 0;
  bulkDuplicates = 0;
  n429 = 0;
  /** When each 429 was answered (Date.now()) and which rule: to tell whether they cluster (a kill, a pause). */
  readonly at429: { at: number; rule: 'bot' | 'chat'; windowMs: number; fakeStallMs: number }[] = [];
  /**
   * 429s answered while the fake itself had just been stalled for at least the window's shortfall
   * (1000 - window ms): requests that waited in its socket were stamped late, together, so the
   * bunching may be the fake's and not the sender's. Counted apart; n429 still counts them.
   */
  n429FakeStalled = 0;
  /** When the fake's 2 ms heartbeat last ran: a request handled long after it waited for the fake's event loop. */
  private beat = performance.now();
  private beatTimer: NodeJS.Timeout | undefined;
  n429Bot = 0;
  n429Chat = 0;
  delivered = 0;
  firstAt = 0;
  lastAt = 0;
  /** First and last broadcast message, and all messages accepted up to the last one. */
  bulkFirstAt = 0;
  bulkLastAt = 0;
  deliveredByBulkLast = 0;
  /**
   * The shortest span (ms) seen between an accepted message and the `perSecond`-th accepted after
   * it: below 1000 would be a 429. How much room the sender's jitter budget left unused.
   */
  closestWindowMs = Infinity;
  url = '';
  /** Accepted messages and 429s per 10-second bucket since start(), and the fake's own worst event-loop delay in it (ms). */
  readonly buckets: { accepted: number; n429: number; loopMaxMs: number }[] = [];
  startedAtMs = 0;
  private loop: IntervalHistogram | undefined;
  private loopTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly perSecond: number,
    private readonly perChatPerSecond = 1,
  ) {
    this.ring = new Float64Array(Math.max(1, Math.floor(perSecond))).fill(-Infinity);
  }

  /** Counts chats "<prefix>1" … "<prefix>n" (the broadcast's recipients) compactly. */
  trackBroadcast(prefix: string, n: number): this {
    this.bulkPrefix = prefix;
    this.bulkCounts = new Uint8Array(n + 1);
    return this;
  }

  private bulkIndex(chat: string): number {
    if (!chat.startsWith(this.bulkPrefix)) return -1;
    const i = Number(chat.slice(this.bulkPrefix.length));
    return Number.isInteger(i) && i > 0 && i < this.bulkCounts.length ? i : -1;
  }

  /** Whether broadcast chat `chat` got at least one message. */
  gotBroadcast(chat: string): boolean {
    const i = this.bulkIndex(chat);
    return i >= 0 && this.bulkCounts[i]! > 0;
  }

  private count(chat: string, now: number): void {
    const i = this.bulkIndex(chat);
    if (i >= 0) {
      this.bulkMessages++;
      this.bulkFirstAt ||= now;
      this.bulkLastAt = now;
      this.deliveredByBulkLast = this.delivered;
      if (this.bulkCounts[i]! === 0) this.bulkChats++;
      else this.bulkDuplicates++;
      this.bulkCounts[i] = Math.min(255, this.bulkCounts[i]! + 1);
      return;
    }
    this.received.set(chat, (this.received.get(chat) ?? 0) + 1);
    if (!this.receivedAt.has(chat)) this.receivedAt.set(chat, now);
  }

  async start(): Promise<this> {
    this.app.post<{ Params: { token: string; method: string }; Body: Record<string, unknown> }>('/bot:token/:method', async (req, reply) => {
      const { method } = req.params;
      if (method === 'getMe') return { ok: true, result: { id: 1, is_bot: true, first_name: 'bench', username: 'bench_bot' } };
      if (method !== 'sendMessage' && method !== 'sendPhoto') return { ok: true, result: true };
      const now = Date.now();
      const chat = String(req.body.chat_id);
      const last = this.lastPerChat.get(chat);
      // The oldest of the last `perSecond` accepted arrivals: one more now would make perSecond + 1
      // within the second (now - 1000, now].
      const botFull = this.ring[this.ringAt]! > now - 1000;
      const chatFull = last !== undefined && now - last < 1000 / this.perChatPerSecond;
      const bucket = this.bucket(now);
      if (botFull || chatFull) {
        bucket.n429++;
        this.n429++;
        const windowMs = now - this.ring[this.ringAt]!;
        const fakeStallMs = Math.max(0, performance.now() - this.beat - 2);
        if (botFull && fakeStallMs >= 1000 - windowMs) this.n429FakeStalled++;
        if (this.at429.length < 1000) this.at429.push({ at: now, rule: botFull ? 'bot' : 'chat', windowMs, fakeStallMs });
        if (botFull) this.n429Bot++;
        else this.n429Chat++;
        return reply.code(429).send({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      }
      const oldest = this.ring[this.ringAt]!;
      if (oldest > -Infinity) this.closestWindowMs = Math.min(this.closestWindowMs, now - oldest);
      this.ring[this.ringAt] = now;
      this.ringAt = (this.ringAt + 1) % this.ring.length;
      // Only the last message per chat matters for the per-chat rule; broadcast chats get one each.
      this.lastPerChat.set(chat, now);
      if (this.lastPerChat.size > 50_000) for (const [c, at] of this.lastPerChat) if (at <= now - 1000) this.lastPerChat.delete(c);
      this.delivered++;
      bucket.accepted++;
      this.count(chat, now);
      this.firstAt ||= now;
      this.lastAt = now;
      return { ok: true, result: { message_id: this.delivered, date: Math.floor(now / 1000), chat: { id: Number(chat) || chat, type: 'private' }, text: req.body.text ?? '' } };
    });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.startedAtMs = Date.now();
    // The fake's own stalls bunch arrivals as a late sender would: record them per bucket.
    this.loop = monitorEventLoopDelay({ resolution: 5 });
    this.loop.enable();
    this.beatTimer = setInterval(() => (this.beat = performance.now()), 2);
    this.loopTimer = setInterval(() => {
      this.bucket(Date.now()).loopMaxMs = Math.max(this.bucket(Date.now()).loopMaxMs, this.loop!.max / 1e6);
      this.loop!.reset();
    }, 1000);
    this.url = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  private bucket(now: number): { accepted: number; n429: number; loopMaxMs: number } {
    const i = Math.max(0, Math.floor((now - this.startedAtMs) / 10_000));
    while (this.buckets.length <= i) this.buckets.push({ accepted: 0, n429: 0, loopMaxMs: 0 });
    return this.buckets[i]!;
  }

  async close(): Promise<void> {
    clearInterval(this.loopTimer);
    clearInterval(this.beatTimer);
    this.loop?.disable();
    await this.app.close();
  }
}
