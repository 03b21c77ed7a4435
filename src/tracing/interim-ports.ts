import type { Logger } from 'pino';
import { and, eq } from 'drizzle-orm';
import type { TurnContext } from '../conversation/types.js';
import type { Db } from '../db/client.js';
import { officials } from '../db/schema/officials.js';
import type { AuditLog, Official } from './ports.js';

/*
 * INTERIM binding of tracing's audit port until issue 10's audit log lands (see CONTRACTS.md):
 * structured log lines, since there is no audit table yet.
 */

/** Audit entries as structured log lines until issue 10's audit_log table lands. */
export function logAudit(log: Logger): AuditLog {
  return {
    async record(_db, entry) {
      log.info({ audit: entry }, `audit ${entry.action}`);
    },
  };
}

/**
 * The official behind a chat, from today's `officials` table (role `official`), until issue 10's
 * `OfficialsDirectory.forChat` lands. In the browser simulator the "official" role is a district
 * admin of every commune, so a demo works without the CLI (as the rest of the simulator does).
 */
export function officialsFromTable(db: Db, allCommuneIds: () => readonly string[]): (ctx: TurnContext) => Promise<Official | null> {
  return async (ctx) => {
    if (ctx.event.channel === 'web') return ctx.person.role === 'official' ? { id: 0, role: 'admin', communeIds: allCommuneIds(), displayName: ctx.event.displayName ?? null } : null;
    const [row] = await db.select().from(officials).where(and(eq(officials.channel, ctx.event.channel), eq(officials.chatId, ctx.event.chatId)));
    return row ? { id: row.id, role: 'official', communeIds: row.communeIds, displayName: null } : null;
  };
}
