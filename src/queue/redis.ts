import { Redis, type RedisOptions } from 'ioredis';

/**
 * Redis connections. Producers (webhook routes) must fail fast when Redis is away, so the route can
 * answer 503 and the platform retries; workers wait and reconnect (BullMQ requires
 * maxRetriesPerRequest: null for their blocking connections).
 */
export function producerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true, ...quiet });
}

export function workerConnectionOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    maxRetriesPerRequest: null,
    ...quiet,
  };
}

/** Reconnect every second at most; connection errors are reported by health checks, not thrown. */
const quiet: RedisOptions = { retryStrategy: (times) => Math.min(times * 200, 1000) };
