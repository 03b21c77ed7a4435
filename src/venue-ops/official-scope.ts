import type { TurnContext } from '../conversation/types.js';
import type { Official, OfficialsDirectory } from '../officials/types.js';

/**
 * The official behind a turn, or null for everyone else. Only the officials directory (invites in
 * the database) decides: no role a client sends, and no channel (not even the simulator), grants rights.
 */
export function officialOfTurn(officials: OfficialsDirectory): (ctx: TurnContext) => Promise<Official | null> {
  return (ctx) => officials.forChat(ctx.event.channel, ctx.event.botId, ctx.event.chatId);
}
