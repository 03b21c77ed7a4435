import type { Logger } from 'pino';

/** One bot's sending state as /readyz shows it. */
export interface BotState {
  readonly paused: boolean;
  readonly reason?: string;
  readonly since?: string;
}

/**
 * Which bots have stopped sending because the platform rejected their token. A rejected token is
 * not a property of one message: every message of that bot would fail the same way, so the bot's
 * queue is paused (and retried now and then) instead of failing each message, one error is logged,
 * and /readyz shows the bot as degraded. A later successful send clears it.
 */
export class PausedBots {
  private readonly states = new Map<string, { reason: string; since: Date }>();

  constructor(private readonly log: Logger) {}

  rejected(channel: string, botId: string, reason: string): void {
    const key = `${channel}/${botId}`;
    if (!this.states.has(key)) {
      this.log.error({ channel, botId, reason }, 'the platform rejected the bot token: sending paused for this bot until it is accepted again');
      this.states.set(key, { reason, since: new Date() });
    }
  }

  accepted(channel: string, botId: string): void {
    const key = `${channel}/${botId}`;
    if (this.states.delete(key)) this.log.info({ channel, botId }, 'bot token accepted again: sending resumed');
  }

  /** One bot's state for /readyz. */
  statusOf(channel: string, botId: string): { status: 'ok' | 'degraded'; detail?: string } {
    const s = this.states.get(`${channel}/${botId}`);
    return s ? { status: 'degraded', detail: `sending paused since ${s.since.toISOString()}: the platform rejected the bot token (${s.reason})` } : { status: 'ok' };
  }

  /** Bots whose sending is paused, by "channel/botId". */
  degraded(): Record<string, BotState> {
    return Object.fromEntries([...this.states].map(([k, v]) => [k, { paused: true, reason: v.reason, since: v.since.toISOString() }]));
  }
}
