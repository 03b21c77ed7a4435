import type { DashboardAuthRepo } from '../db/repos/dashboard-auth-repo.js';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { AuditEntry, AuditPort, Official, OfficialsPort } from './ports.js';

/**
 * The officials directory over the officials table as it is before issue 10 lands (channel, chat
 * id, communes; no roles): someone granted every commune of the deployment is its admin. Replaced
 * by `rt.officials` once issue 10 is merged.
 */
export function interimOfficials(repo: DashboardAuthRepo, allCommuneIds: () => readonly string[]): OfficialsPort {
  const toOfficial = (row: { id: number; communeIds: string[] } | undefined): Official | null => {
    if (!row) return null;
    const all = allCommuneIds();
    const admin = all.length > 0 && all.every((id) => row.communeIds.includes(id));
    return { id: row.id, role: admin ? 'admin' : 'official', communeIds: admin ? all : row.communeIds, displayName: null };
  };
  return {
    forChat: async (channel, _botId, chatId) => toOfficial(await repo.officialByChat(channel, chatId)),
    byId: async (id) => toOfficial(await repo.officialRow(id)),
  };
}

/** Until issue 10's audit_log lands: audit entries go to the structured log only. */
export function interimAudit(log: Logger): AuditPort {
  return {
    async record(_db: Db, entry: AuditEntry) {
      log.info({ audit: entry }, 'audit');
    },
  };
}
