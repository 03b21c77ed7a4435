import { and, eq } from 'drizzle-orm';
import type { TurnContext } from '../../conversation/types.js';
import type { Db } from '../../db/client.js';
import { officials } from '../../db/schema/officials.js';
import type { VenueDomain } from '../../venue-ops/ports.js';
import type { BroadcastOfficial } from '../ports.js';

/**
 * The official behind a chat, from today's `officials` table (granted with `officials:add`), until
 * issue 10's directory replaces it. In the browser simulator the "official" role acts for every
 * commune (as the other officials' features do there), so a demo works without the CLI.
 */
export function officialForChat(db: Db, domain: VenueDomain): (ctx: TurnContext) => Promise<BroadcastOfficial | null> {
  return async (ctx) => {
    if (ctx.event.channel === 'web') return ctx.person.role === 'official' ? { id: 0, role: 'official', communeIds: domain.communes.map((c) => c.id), displayName: null } : null;
    const [row] = await db.select().from(officials).where(and(eq(officials.channel, ctx.event.channel), eq(officials.chatId, ctx.event.chatId)));
    return row ? { id: row.id, role: 'official', communeIds: row.communeIds, displayName: null } : null;
  };
}
