import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisBotPacer } from '../../src/queue/bot-pacer.js';

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const prefix = `pacer-test-${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('the bot pacer', () => {
  it('spaces every send of a bot one interval apart, whoever asks, and never banks idle time', async () => {
    const a = new RedisBotPacer(redis, prefix, 1);
    const b = new RedisBotPacer(redis, prefix, 1); // another process, same bot
    const waits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).reserve('telegram:1', 100, 1000)));
    const sorted = [...waits].sort((x, y) => x - y);
    expect(sorted[0]!).toBeLessThan(5);
    // 20 slots at 100/s: the last is ~190 ms ahead; consecutive slots are 10 ms apart.
    expect(sorted[19]! - sorted[0]!).toBeGreaterThan(180);
    expect(sorted[19]! - sorted[0]!).toBeLessThan(200);
    // Another bot has its own pace.
    expect(await a.reserve('telegram:2', 100, 1000)).toBeLessThan(5);
    // After a quiet second, the next slot is now, not a burst of saved-up slots.
    await new Promise((r) => setTimeout(r, 400));
    const [x, y] = (await Promise.all([a.reserve('telegram:1', 100, 1000), b.reserve('telegram:1', 100, 1000)])).sort((p, q) => p - q);
    expect(x!).toBeLessThan(5);
    expect(y! - x!).toBeGreaterThan(8);
  });

  it('a pause (a 429 retry_after) holds every sender of the bot; a slot beyond the wait limit is not taken', async () => {
    const p = new RedisBotPacer(redis, prefix, 1);
    await p.pause('zalo-oa:9', 800);
    const refused = await p.reserve('zalo-oa:9', 50, 200);
    expect(refused).toBeLessThan(-500);
    // Refusals take no slot: asking again gives about the same answer.
    expect(Math.abs((await p.reserve('zalo-oa:9', 50, 200)) - refused)).toBeLessThan(100);
    const waited = await p.reserve('zalo-oa:9', 50, 2000);
    expect(waited).toBeGreaterThan(500);
  });

  it('keeps a headroom under the configured rate', async () => {
    const p = new RedisBotPacer(redis, prefix, 0.5);
    const waits = await Promise.all(Array.from({ length: 5 }, () => p.reserve('web:x', 100, 1000)));
    const sorted = waits.sort((x, y) => x - y);
    // 100/s at half: 20 ms apart.
    expect(sorted[4]! - sorted[0]!).toBeGreaterThan(75);
  });
});
