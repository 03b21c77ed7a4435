import type { Redis } from 'ioredis';
import type { AttemptCounter } from './ports.js';

/**
 * Failed link-code attempts per chat in Redis, with a fixed window that starts at the first
 * failure. Keys carry the per-database prefix, so databases sharing one Redis never share counts.
 */
export function redisAttemptCounter(redis: Redis, prefix: string, windowSeconds: number): AttemptCounter {
  const key = (id: number) => `${prefix}:link-fail:${id}`;
  return {
    async fail(id) {
      const [[, count]] = (await redis.multi().incr(key(id)).expire(key(id), windowSeconds, 'NX').exec()) as [[unknown, number]];
      return count;
    },
    async failures(id) {
      return Number((await redis.get(key(id))) ?? 0);
    },
  };
}
