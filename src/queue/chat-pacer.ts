import type { Redis } from 'ioredis';
import type { ChatPacer } from '../pipeline/outbound-processor.js';

/**
 * Fixed-window pacing per chat in Redis, shared by every worker process: at most `burst` messages
 * per window of burst/perSecond seconds, i.e. `perSecond` on average with short bursts allowed.
 */
export class RedisChatPacer implements ChatPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async take(key: string, burst: number, perSecond: number): Promise<number> {
    const windowMs = Math.max(1, Math.round((burst / perSecond) * 1000));
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const redisKey = `${this.prefix}:pace:${key}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs * 2).exec()) as [[null, number]];
    if (count <= burst) return 0;
    await this.redis.decr(redisKey);
    return (window + 1) * windowMs - now + 5;
  }
}
