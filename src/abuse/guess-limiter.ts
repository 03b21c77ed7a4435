import type { Redis } from 'ioredis';
import type { TurnContext } from '../conversation/types.js';

/**
 * Wrong guesses of secret codes (link codes, invites) counted in Redis over a fixed window, at
 * three levels at once: per chat, per client address (the simulator, where every session is a new
 * chat) and for the whole service. A guesser who rotates chats still hits the address limit, and one
 * who rotates addresses still hits the overall limit; the overall limit is what bounds the chance of
 * guessing any live code, whatever the attacker controls.
 */
export interface GuessLimits {
  readonly perChat: number;
  readonly perClient: number;
  readonly overall: number;
  readonly windowSeconds: number;
}

export interface GuessKey {
  readonly chat: string;
  /** The client address behind a simulator session (hashed), when there is one. */
  readonly client?: string | undefined;
}

export interface GuessLimiter {
  /** True when any level is at its limit: refuse to even check the code. */
  blocked(key: GuessKey): Promise<boolean>;
  /** Records one wrong guess at every level; returns true when that reached a limit. */
  fail(key: GuessKey): Promise<boolean>;
  readonly limits: GuessLimits;
}

export const DEFAULT_GUESS_LIMITS: GuessLimits = { perChat: 5, perClient: 10, overall: 100, windowSeconds: 15 * 60 };

export function redisGuessLimiter(redis: Redis, prefix: string, kind: string, limits: GuessLimits = DEFAULT_GUESS_LIMITS): GuessLimiter {
  const keys = (k: GuessKey) => [
    [`${prefix}:guess:${kind}:chat:${k.chat}`, limits.perChat],
    ...(k.client ? [[`${prefix}:guess:${kind}:client:${k.client}`, limits.perClient] as const] : []),
    [`${prefix}:guess:${kind}:all`, limits.overall],
  ] as const;
  return {
    limits,
    async blocked(k) {
      const levels = keys(k);
      const counts = await redis.mget(...levels.map(([key]) => key));
      return levels.some(([, max], i) => Number(counts[i] ?? 0) >= max);
    },
    async fail(k) {
      const levels = keys(k);
      const multi = redis.multi();
      for (const [key] of levels) multi.incr(key).expire(key, limits.windowSeconds, 'NX');
      const res = (await multi.exec()) ?? [];
      return levels.some(([, max], i) => Number(res[i * 2]?.[1] ?? 0) >= max);
    },
  };
}

/** The guess key of a turn: its chat, and the client address when the channel knows one (the simulator). */
export function guessKeyOf(ctx: TurnContext): GuessKey {
  return { chat: String(ctx.person.chatContactId), client: ctx.event.clientKey };
}
