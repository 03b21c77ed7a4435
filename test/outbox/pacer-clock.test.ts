import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisBotPacer } from '../../src/queue/bot-pacer.js';
import { keepSlot, PacerClock, takeSlot } from '../../src/pipeline/send-slot.js';

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const prefix = `pacer-clock-test-${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});
const rates = { perSecond: 100, perChatPerSecond: 1 };
/** Keeps the event loop busy, as a GC pause or a long tick would. */
const block = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("the pacer's clock on ours", () => {
  it('keeps the smallest recent offset: an answer read late does not move the clock', () => {
    const clock = new PacerClock(4);
    expect(clock.observe(1000, 5000)).toBe(4000);
    expect(clock.observe(2000, 6040)).toBe(4000); // read 40 ms late
    expect(clock.observe(3000, 6999.5)).toBe(3999.5);
    // The window moves on: old samples leave it.
    for (let i = 0; i < 4; i++) clock.observe(10_000 + i, 14_003 + i);
    expect(clock.observe(20_000, 24_003)).toBe(4003);
  });

  it('a slot whose answer waited to be read (a pause) is seen at its real time, so the send takes a new slot instead of leaving late', async () => {
    const pacer = new RedisBotPacer(redis, prefix);
    for (let i = 0; i < 10; i++) await pacer.reserve('telegram:clock', `warm${i}`, rates, 1000);
    await new Promise((r) => setTimeout(r, 50)); // the bot is free again: the next slot is "now"
    const asked = pacer.reserve('telegram:clock', 'late', rates, 1000);
    await new Promise((r) => process.nextTick(r)); // the command is written (ioredis writes on a tick)
    block(150); // Redis answers meanwhile; the answer is read only after this
    const r = await asked;
    const readAt = performance.now();
    expect(r.waitMs).toBeGreaterThanOrEqual(0);
    // Counted from the read, the slot would look ~40 ms ahead of where it really is.
    expect(readAt + r.waitMs - r.localAt!).toBeGreaterThan(60);
    expect(readAt - r.localAt!).toBeGreaterThan(60);
    // takeSlot uses the real time: keepSlot sees the slot is past and takes a new one.
    const slot = { at: r.localAt!, chatTat: r.chatTat };
    const before = slot.at;
    expect(await keepSlot(pacer, 'telegram:clock', 'late', rates, slot, 'reply')).toBe(true);
    expect(slot.at).toBeGreaterThan(before + 60);
    const fresh = await takeSlot(pacer, 'telegram:clock', 'other', rates, 'reply');
    expect('at' in fresh && fresh.at >= performance.now() - 5).toBe(true);
  });
});
