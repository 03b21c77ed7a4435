import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { PacerClock, type BotPacer, type PaceRates, type Reservation } from '../pipeline/send-slot.js';

/**
 * How far (ms) a send may arrive at the platform from its reserved slot, in total, without the
 * platform ever counting more than its limit in one second. Platforms count arrivals in a sliding
 * second (the strictest reading of "N per second"); slots `(1000 + budget) / N` ms apart put at
 * most N arrivals in any second as long as each arrives within `budget` of its slot. The sender
 * spends part of it (LATE_TOLERANCE_MS, checked right before the call); the rest is for the trip
 * (event loops, sockets). 35 ms: 96.6 % of the rate. With 25 ms and a 10 ms tolerance, a busy
 * 2-core machine wasted so many slots on late sends that it reached only ~0.90 of the rate; 35 ms
 * with 20 ms reached 0.94 (bench:broadcast, 2026-12-01), still with no 429.
 */
export const JITTER_BUDGET_MS = 35;

/** Slot spacing for `perSecond` under the jitter budget (see JITTER_BUDGET_MS). */
export function slotIntervalMs(perSecond: number, budgetMs = JITTER_BUDGET_MS): number {
  return (1000 + budgetMs) / Math.max(0.01, perSecond);
}

/**
 * GCRA ("virtual scheduling") for a bot and one of its chats in one Lua call, on Redis's own clock
 * so every process agrees. The bot's next free slot is max(now, bot TAT); the chat must be free by
 * then (its TAT at or before that slot), else nothing is taken and the caller is told how long the
 * chat needs. A taken slot moves the bot's TAT one bot interval on and the chat's TAT one chat
 * interval past the slot, so bot and chat spacing hold for the same instant (no per-chat slot
 * taken at one time and used at another). Unused time is never banked: a quiet bot does not
 * burst afterwards. A slot further away than `maxWait` is not taken (returned negative), so a long
 * pause (a 429's retry_after) never holds a worker slot.
 *
 * ARGV[5], when given, is the chat TAT this caller's previous reservation wrote: the caller holds
 * the chat's latest slot and moves it (a send that could not go on time), so the chat check is
 * skipped. If someone reserved the chat since, it is an ordinary reservation.
 *
 * Returns { wait ms (negative: not taken), chat TAT written, 'chat' | 'bot' when not taken, the slot and now on Redis's clock }.
 */
const RESERVE = `
-- tostring keeps 14 digits: about 0.1 ms of an epoch in ms, so every stored slot could round a
-- little early and the spacing shrink; microseconds, written out, keep it exact.
local function ms(x) return string.format('%.3f', x) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local botInterval = tonumber(ARGV[1])
local chatInterval = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local held = ARGV[4]
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local chatRaw = redis.call('GET', KEYS[2])
local chatTat = tonumber(chatRaw or '0')
if chatTat > slot and not (held ~= '' and chatRaw == held) then
  return {tostring(-math.max(chatTat - now, 1)), '', 'chat'}
end
if slot - now > maxWait then return {tostring(-(slot - now)), '', 'bot'} end
redis.call('SET', KEYS[1], ms(slot + botInterval), 'PX', math.ceil(slot + botInterval - now) + 60000)
local newChat = ms(slot + chatInterval)
redis.call('SET', KEYS[2], newChat, 'PX', math.ceil(slot + chatInterval - now) + 60000)
return {ms(slot - now), newChat, '', ms(slot), ms(now)}
`;

/** Pushes the bot's next slot to at least now + ms (a 429 pauses every sender of the bot). */
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = math.max(tat, now + tonumber(ARGV[1]))
redis.call('SET', KEYS[1], string.format('%.3f', until_), 'PX', math.ceil(until_ - now) + 60000)
return 1
`;

/**
 * The one pace of a bot's sends, shared by every worker process and every class (replies, alerts,
 * reminders, broadcasts): each send takes the bot's and its chat's next slot together just before
 * its platform call. Replaces BullMQ's per-queue limiter, which counts jobs (also those that only
 * waited or found their row already sent) in fixed one-second windows that can double up at
 * their edges.
 */
export class RedisBotPacer implements BotPacer {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly budgetMs = JITTER_BUDGET_MS,
  ) {}

  /** Redis's clock on ours, so a slot keeps its real time however late its answer is read. */
  private readonly clock = new PacerClock();

  private key(bot: string): string {
    return `${this.prefix}:botpace:${bot}`;
  }

  async reserve(bot: string, chat: string, rates: PaceRates, maxWaitMs: number, heldChatTat?: string): Promise<Reservation> {
    const [wait, chatTat, blockedBy, slotAt, pacerNow] = (await this.redis.eval(
      RESERVE,
      2,
      this.key(bot),
      this.key(`chat:${chat}`),
      String(slotIntervalMs(rates.perSecond, this.budgetMs)),
      String(slotIntervalMs(rates.perChatPerSecond, this.budgetMs)),
      String(maxWaitMs),
      heldChatTat ?? '',
    )) as [string, string, string, string?, string?];
    const readAt = performance.now();
    const local = slotAt && pacerNow ? { slotAt: Number(slotAt), localAt: Number(slotAt) + this.clock.observe(Number(pacerNow), readAt) } : {};
    return { waitMs: Number(wait), chatTat, ...local, ...(blockedBy === 'chat' || blockedBy === 'bot' ? { blockedBy } : {}) };
  }

  async pause(bot: string, ms: number): Promise<void> {
    await this.redis.eval(PAUSE, 1, this.key(bot), String(ms));
  }
}
