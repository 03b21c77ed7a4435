import type { Redis } from 'ioredis';
import type { BotPacer } from '../pipeline/outbound-processor.js';

/**
 * Share of a bot's configured rate that we actually use. Platforms count arrivals in a sliding
 * second; network and event-loop jitter bunch evenly spaced requests a little, so sending at
 * exactly the limit draws occasional 429s (each one pauses the whole bot for its retry_after).
 */
export const PACE_HEADROOM = 0.97;

/**
 * GCRA ("virtual scheduling") in one Lua call, on Redis's own clock so every process agrees:
 * the bot's next free slot is max(now, TAT); a caller that takes it moves TAT one interval on.
 * Unused time is never banked, so a quiet bot does not get to burst afterwards. A slot further
 * away than `maxWaitMs` is not taken: the caller is told how long to wait instead (returned
 * negative), so a long pause (a 429's retry_after) never holds a worker slot.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local maxWait = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, tat)
if slot - now > maxWait then return tostring(-(slot - now)) end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil(slot + interval - now) + 60000)
return tostring(slot - now)
`;

/** Pushes the bot's next slot to at least now + ms (a 429 pauses every sender of the bot). */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = math.max(tat, now + tonumber(ARGV[1]))
redis.call('SET', KEYS[1], tostring(until_), 'PX', math.ceil(until_ - now) + 60000)
return 1
`;

/**
 * The one pace of a bot's sends, shared by every worker process and every class (replies, alerts,
 * reminders, broadcasts): each send takes the bot's next slot just before its platform call.
 * Replaces BullMQ's per-queue limiter, which counts jobs (also those that only waited or found
 * their row already sent) in fixed one-second windows that can double up at their edges.
 */
export class RedisBotPacer implements BotPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly headroom = PACE_HEADROOM,
  ) {}

  private key(bot: string): string {
    return `${this.prefix}:botpace:${bot}`;
  }

  async reserve(bot: string, perSecond: number, maxWaitMs: number): Promise<number> {
    const interval = 1000 / Math.max(0.01, perSecond * this.headroom);
    const got = await this.redis.eval(RESERVE, 1, this.key(bot), String(interval), String(maxWaitMs));
    return Number(got);
  }

  async pause(bot: string, ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, this.key(bot), String(ms));
  }
}
