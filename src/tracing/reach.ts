import type { PersonChat } from '../db/repos/tracing-repo.js';

/** Why a matched person cannot be alerted now; shown to the official in the preview. */
export type UnreachableReason = 'blocked' | 'channel-off' | 'zalo-oa-window' | 'no-chat';

export { UNREACHABLE_LABELS } from './texts.js';

/** Zalo OA delivers consultation messages only to people who wrote to the OA in the last 7 days. */
const ZALO_OA_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * The chat an alert goes to: the person's reachable chat used last (the outbox's rule), or why no
 * chat can be reached. `enabled` says whether a (channel, bot) is switched on in this deployment.
 */
export function pickChat(chats: readonly PersonChat[], enabled: (channel: string, botId: string) => boolean, now: Date): { chat: PersonChat } | { reason: UnreachableReason } {
  if (chats.length === 0) return { reason: 'no-chat' };
  const reasons: UnreachableReason[] = [];
  for (const c of [...chats].sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())) {
    if (c.unreachable) reasons.push('blocked');
    else if (!enabled(c.channel, c.botId)) reasons.push('channel-off');
    else if (c.channel === 'zalo-oa' && now.getTime() - c.lastSeenAt.getTime() > ZALO_OA_WINDOW_MS) reasons.push('zalo-oa-window');
    else return { chat: c };
  }
  // The most telling reason: a closed Zalo window can reopen, a block cannot.
  for (const r of ['zalo-oa-window', 'channel-off', 'blocked'] as const) if (reasons.includes(r)) return { reason: r };
  return { reason: 'no-chat' };
}
