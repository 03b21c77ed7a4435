import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { JITTER_BUDGET_MS, RedisBotPacer, slotIntervalMs } from '../../src/queue/bot-pacer.js';
import { ClaimLead, keepSlot, LATE_TOLERANCE_MS, MAX_CLAIM_LEAD_MS, onTime, takeSlot } from '../../src/pipeline/send-slot.js';

const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const prefix = `pacer-test-${randomBytes(4).toString('hex')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const rates = (perSecond: number, perChatPerSecond = 1) => ({ perSecond, perChatPerSecond });

/** Most slots in any half-open window (t - width, t] of the sorted times. */
function mostInWindow(times: number[], width: number): number {
  const t = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= width) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('the bot pacer', () => {
  it('spaces every send of a bot (1000 + jitter budget) / rate apart, whoever asks, and never banks idle time', async () => {
    const a = new RedisBotPacer(redis, prefix);
    const b = new RedisBotPacer(redis, prefix); // another process, same bot
    const got = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).reserve('telegram:1', `c${i}`, rates(100), 1000)));
    expect(Math.min(...got.map((r) => r.waitMs))).toBeLessThan(5);
    const interval = slotIntervalMs(100);
    expect(interval).toBeCloseTo((1000 + JITTER_BUDGET_MS) / 100, 6);
    // On the pacer's clock the 20 slots are exactly one interval apart.
    const slots = got.map((r) => r.slotAt!).sort((x, y) => x - y);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeCloseTo(interval, 0);
    // Another bot has its own pace.
    expect((await a.reserve('telegram:2', 'c0', rates(100), 1000)).waitMs).toBeLessThan(5);
    // After a quiet spell, the next slot is now, not a burst of saved-up slots.
    await sleep(400);
    const [x, y] = (await Promise.all([a.reserve('telegram:1', 'd1', rates(100), 1000), b.reserve('telegram:1', 'd2', rates(100), 1000)])).sort((p, q) => p.slotAt! - q.slotAt!);
    expect(x!.waitMs).toBeLessThan(5);
    expect(y!.slotAt! - x!.slotAt!).toBeCloseTo(interval, 0);
  });

  it('never admits more than the rate in any second, even counting arrivals up to the jitter budget late', async () => {
    const pacer = new RedisBotPacer(redis, prefix);
    const rate = 60;
    const slots: number[] = [];
    const until = performance.now() + 2500;
    // 12 senders (two processes' worth), each taking a slot and waiting for it, as send workers do.
    await Promise.all(
      Array.from({ length: 12 }, async (_, w) => {
        for (let n = 0; performance.now() < until; n++) {
          const got = await pacer.reserve('telegram:win', `w${w}-${n}`, rates(rate), 1000);
          if (got.waitMs < 0 || got.slotAt === undefined) throw new Error(`no slot: ${got.waitMs}`);
          slots.push(got.slotAt);
          await sleep(got.waitMs);
        }
      }),
    );
    expect(slots.length).toBeGreaterThan(rate * 2);
    // On the pacer's clock: even a window widened by the whole jitter budget holds at most `rate`.
    expect(mostInWindow(slots, 1000 + JITTER_BUDGET_MS)).toBeLessThanOrEqual(rate);
    // And it does use the rate: nearly `rate` in a plain second.
    expect(mostInWindow(slots, 1000)).toBeGreaterThanOrEqual(rate - 2);
  });

  it("takes a chat's slot at the bot's slot, so a chat's sends are a chat interval apart when they leave", async () => {
    const pacer = new RedisBotPacer(redis, prefix);
    // The bot is busy ~400 ms ahead.
    await Promise.all(Array.from({ length: 40 }, (_, i) => pacer.reserve('telegram:3', `busy${i}`, rates(100), 1000)));
    const first = await pacer.reserve('telegram:3', 'resident', rates(100), 1000);
    expect(first.waitMs).toBeGreaterThan(350);
    // The chat's next slot is a chat interval after the slot it will actually use, not after now.
    const second = await pacer.reserve('telegram:3', 'resident', rates(100), 2000);
    expect(second.waitMs).toBeLessThan(0);
    expect(second.blockedBy).toBe('chat');
    expect(-second.waitMs).toBeGreaterThan(first.waitMs + slotIntervalMs(1) - 20);
    // Refusals take nothing: the bot's next slot did not move.
    const other = await pacer.reserve('telegram:3', 'someone-else', rates(100), 1000);
    expect(other.waitMs - first.waitMs).toBeLessThan(2 * slotIntervalMs(100) + 5);
  });

  it('a send that missed its slot takes a new one for the bot and its chat; it fails when the bot is paused', async () => {
    const pacer = new RedisBotPacer(redis, prefix);
    const got = await takeSlot(pacer, 'telegram:4', 'late', rates(100), 'reply');
    if ('waitMs' in got) throw new Error('no slot');
    got.at -= 50; // as if the claim had taken 50 ms too long
    const before = got.chatTat;
    let missed = 0;
    expect(await keepSlot(pacer, 'telegram:4', 'late', rates(100), got, 'reply', 0, () => missed++)).toBe(true);
    expect(missed).toBe(1); // the slot given up is counted (quetma_send_slots_missed_total)
    expect(performance.now() - got.at).toBeLessThanOrEqual(LATE_TOLERANCE_MS);
    expect(got.chatTat).not.toBe(before);
    // The chat's next send is a chat interval after the new slot.
    const next = await pacer.reserve('telegram:4', 'late', rates(100), 2000);
    expect(next.blockedBy).toBe('chat');
    expect(-next.waitMs).toBeGreaterThan(slotIntervalMs(1) - 30);

    // With the row claimed, a late send is not sent: the caller gives the row back.
    const claimedLate = { at: performance.now() - 30, chatTat: got.chatTat };
    expect(await onTime(claimedLate)).toBe(false);
    expect(await onTime({ at: performance.now() + 20, chatTat: got.chatTat })).toBe(true);

    const again = await takeSlot(pacer, 'telegram:4', 'late2', rates(100), 'reply');
    if ('waitMs' in again) throw new Error('no slot');
    again.at -= 50;
    await pacer.pause('telegram:4', 3000);
    expect(await keepSlot(pacer, 'telegram:4', 'late2', rates(100), again, 'reply', 0, () => missed++)).toBe(false);
    expect(missed).toBe(2);
  });

  it('a pause (a 429 retry_after) holds every sender of the bot; a slot beyond the wait limit is not taken', async () => {
    const p = new RedisBotPacer(redis, prefix);
    await p.pause('zalo-oa:9', 800);
    const refused = await p.reserve('zalo-oa:9', 'x', rates(50), 200);
    expect(refused.waitMs).toBeLessThan(-500);
    expect(refused.blockedBy).toBe('bot');
    // Refusals take no slot: asking again gives about the same answer.
    expect(Math.abs((await p.reserve('zalo-oa:9', 'y', rates(50), 200)).waitMs - refused.waitMs)).toBeLessThan(100);
    const waited = await p.reserve('zalo-oa:9', 'z', rates(50), 2000);
    expect(waited.waitMs).toBeGreaterThan(500);
  });

  it('claims ahead of its slot by a high quantile of recent claim times (less half a tolerance), never more than the cap', () => {
    const lead = new ClaimLead();
    for (let i = 0; i < 100; i++) lead.note(30);
    expect(lead.ms).toBeCloseTo(30 - LATE_TOLERANCE_MS / 2, 0);
    for (let i = 0; i < 100; i++) lead.note(1);
    expect(lead.ms).toBe(0);
    // A long tail: most claims take 5 ms, one in five 40 ms. The lead covers the tail (a mean of
    // 12 ms would have let every slow claim miss its slot), and the last 64 claims are what count.
    for (let i = 0; i < 100; i++) lead.note(i % 5 === 0 ? 40 : 5);
    expect(lead.ms).toBeCloseTo(40 - LATE_TOLERANCE_MS / 2, 0);
    // However slow the database, a row is never claimed more than MAX_CLAIM_LEAD_MS early.
    for (let i = 0; i < 64; i++) lead.note(500);
    expect(lead.ms).toBe(MAX_CLAIM_LEAD_MS);
  });
});
