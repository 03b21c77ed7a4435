import { performance } from 'node:perf_hooks';
import type { PriorityClass } from '../outbox/types.js';

/** A bot's and a chat's rates as the pacer spaces them. */
export interface PaceRates {
  readonly perSecond: number;
  readonly perChatPerSecond: number;
}

/**
 * One answer of the pacer: `waitMs` ≥ 0 is a slot taken that far ahead; negative is how long to
 * wait before asking again (nothing taken), because of the chat (`blockedBy: 'chat'`) or the bot.
 * `chatTat` identifies the chat slot taken, so a send that misses its slot can move it.
 */
export interface Reservation {
  readonly waitMs: number;
  readonly chatTat: string;
  readonly blockedBy?: 'bot' | 'chat';
  /** A taken slot's time on the pacer's clock (ms since the epoch): what any window count is about. */
  readonly slotAt?: number;
  /**
   * The same slot on this process's performance.now() clock, when the pacer can tell it without
   * counting the time its answer waited to be read (see PacerClock). Absent: `waitMs` from when
   * the answer was read.
   */
  readonly localAt?: number;
}

/**
 * The bot-wide pace every send of a bot shares (src/queue/bot-pacer.ts). `reserve` takes the bot's
 * and the chat's next slot together; `pause` keeps every sender of the bot quiet for `ms`.
 */
export interface BotPacer {
  reserve(bot: string, chat: string, rates: PaceRates, maxWaitMs: number, heldChatTat?: string): Promise<Reservation>;
  pause(bot: string, ms: number): Promise<void>;
}

/**
 * How late (ms) a send may leave after its slot. Part of the pacer's jitter budget (bot-pacer.ts):
 * a send later than this takes a new slot instead, because late sends bunch up with the on-time
 * ones behind them and a platform counting a sliding second sees more than its limit.
 */
export const LATE_TOLERANCE_MS = 20;

/**
 * How far ahead a send may hold a slot. Bulk sends keep it short: a slot once given is kept, so a
 * resident's reply queues behind every bulk slot already handed out; others may look further.
 */
export const MAX_LEAD_MS: Readonly<Record<PriorityClass, number>> = { reply: 1000, alert: 1000, reminder: 1000, bulk: 150 };
/** The lead of a class at a bot's rate: at least two slots, so a slow bot's next slot is never out of reach. */
function leadOf(priority: string, rates: PaceRates): number {
  return Math.max(MAX_LEAD_MS[priority as PriorityClass] ?? 1000, 2000 / Math.max(0.01, rates.perSecond));
}

/** A bulk send whose slot is further than its lead but within this waits in its job; beyond, it goes back to the queue. */
const HOLD_IN_JOB_MS = 1500;

/** A taken slot: when (performance.now() time) the platform call should leave. */
export interface HeldSlot {
  at: number;
  chatTat: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = async (at: number) => {
  const ms = at - performance.now();
  if (ms > 0.5) await sleep(ms);
};

/**
 * Takes the send's slot, at its real time on our clock when the pacer can tell it (PacerClock: an
 * answer that waited to be read does not move the slot later, so a pause there shows up as
 * lateness instead of a late send that looks on time); else counted from when the answer was read.
 * Returns the slot, or how long to wait (the job goes back to the queue) when it is far away or
 * the chat is not free yet.
 */
export async function takeSlot(pacer: BotPacer, bot: string, chat: string, rates: PaceRates, priority: string): Promise<HeldSlot | { waitMs: number }> {
  const lead = leadOf(priority, rates);
  for (;;) {
    const r = await pacer.reserve(bot, chat, rates, lead);
    const answeredAt = performance.now();
    if (r.waitMs >= 0) return { at: r.localAt ?? answeredAt + r.waitMs, chatTat: r.chatTat };
    const wait = -r.waitMs;
    if (r.blockedBy === 'chat' || wait > HOLD_IN_JOB_MS) return { waitMs: Math.ceil(wait) };
    // The bot is busy further ahead than this class may hold a slot: ask again when it is near.
    await sleep(Math.max(5, wait - lead / 2));
  }
}

/**
 * Before the claim: waits until `before` ms ahead of the slot (the claim's usual time), and if by
 * then the send would leave later than LATE_TOLERANCE_MS after its slot (a busy event loop), takes
 * a new slot for the bot and this chat (the chat's slot was ours, so it moves with us). A late
 * timer costs a slot, never a claimed row left waiting. Returns false when no slot is near enough.
 * `onMissed` is told of each slot given up (an unused slot of the bot's rate: see the metrics).
 */
export async function keepSlot(pacer: BotPacer, bot: string, chat: string, rates: PaceRates, slot: HeldSlot, priority: string, before = 0, onMissed?: () => void): Promise<boolean> {
  const lead = leadOf(priority, rates);
  for (let tries = 0; tries < 3; tries++) {
    await sleepUntil(slot.at - before);
    if (performance.now() - slot.at <= LATE_TOLERANCE_MS) return true;
    onMissed?.();
    // The end of the line is about one lead ahead (every sender holds slots up to it): allow two.
    const r = await pacer.reserve(bot, chat, rates, 2 * lead, slot.chatTat);
    if (r.waitMs < 0) return false;
    slot.at = r.localAt ?? performance.now() + r.waitMs;
    slot.chatTat = r.chatTat;
  }
  await sleepUntil(slot.at - before);
  if (performance.now() - slot.at <= LATE_TOLERANCE_MS) return true;
  onMissed?.();
  return false;
}

/**
 * Called with the row claimed: waits for the slot (the claim came back early) and says whether the
 * call can still leave on time. A late one is not held claimed while it waits for a new slot (a
 * crash meanwhile would leave an unsent row `uncertain`): the caller gives the row back.
 */
export async function onTime(slot: HeldSlot): Promise<boolean> {
  await sleepUntil(slot.at);
  return performance.now() - slot.at <= LATE_TOLERANCE_MS;
}

/**
 * How long before its slot a send claims its row: a high quantile (p98) of the last 64 claim
 * times, less half the lateness tolerance, at most MAX_CLAIM_LEAD_MS. A claim's time has a long
 * tail: its Postgres backend and this event loop share the CPU with the rest of the broadcast's
 * work (turning fsync off did not shorten it). A claim that comes back after its slot plus the
 * tolerance gives up the slot, and each slot given up is one of the bot's rate that nobody uses:
 * at 20,000 recipients a running mean gave up one slot in six on a loaded machine; quiet, p90
 * gave up 436 slots and p98 275 (bench:broadcast). Claiming earlier has its own cost: a row
 * claimed early waits for its slot claimed, and a crash then leaves it `uncertain` (not sent
 * again: at most once), so the lead is a quantile, not the worst case, and capped.
 */
export class ClaimLead {
  private readonly times = new Float64Array(64).fill(2);
  private next = 0;
  constructor(private readonly quantile = 0.98) {}
  note(ms: number): void {
    this.times[this.next] = ms;
    this.next = (this.next + 1) % this.times.length;
  }
  get ms(): number {
    const sorted = Float64Array.from(this.times).sort();
    const q = sorted[Math.min(sorted.length - 1, Math.floor(this.quantile * sorted.length))]!;
    return Math.min(MAX_CLAIM_LEAD_MS, Math.max(0, q - LATE_TOLERANCE_MS / 2));
  }
}

/** The most a send claims ahead of its slot, however slow claims get (rows held claimed on a crash). */
export const MAX_CLAIM_LEAD_MS = 40;

/**
 * Maps times on the pacer's clock (Redis's) onto this process's performance.now(). Each answer's
 * offset (when we read it, minus the pacer's "now" in it) is the true offset plus however long the
 * answer took to reach us and then waited for our event loop (a GC pause, a busy tick). Counting a
 * slot from when its answer was read would move it later by that wait, so a send could leave that
 * much after its real slot and still look on time to the lateness checks (LATE_TOLERANCE_MS), and
 * the platform would see it bunch with the next ones. The smallest offset of the recent answers is
 * the true one plus the fastest trip: a slot placed with it keeps its real time, and an answer
 * read late shows its slot as already near or past.
 */
export class PacerClock {
  private readonly offsets: Float64Array;
  private next = 0;

  constructor(window = 128) {
    this.offsets = new Float64Array(window).fill(Infinity);
  }

  /** Notes an answer the pacer gave at `pacerNow` (its clock) and we read at `readAt` (ours); returns the best offset. */
  observe(pacerNow: number, readAt: number): number {
    this.offsets[this.next] = readAt - pacerNow;
    this.next = (this.next + 1) % this.offsets.length;
    let best = Infinity;
    for (const o of this.offsets) if (o < best) best = o;
    return best;
  }
}
