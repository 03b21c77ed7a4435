import { Redis } from 'ioredis';

/**
 * Removes a run's queue and pacer keys: every key starting with its own, unique QUEUE_PREFIX (the
 * service adds `-<database namespace>` to it), never a flush. A benchmark that leaves its keys
 * behind leaves Redis tens of thousands of keys larger after every run.
 */
export async function deleteRunKeys(url: string, prefix: string): Promise<void> {
  if (prefix.length < 6) throw new Error(`refusing to delete keys by the short prefix "${prefix}"`);
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}
