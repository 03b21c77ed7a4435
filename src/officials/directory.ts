import type { OfficialRow, OfficialsRepo } from '../db/repos/officials-repo.js';
import type { Official, OfficialRole, OfficialsDirectory } from './types.js';

/**
 * One person's official rows as one Official: an admin anywhere makes them admin (every commune
 * of the deployment), otherwise their communes are the union of their rows. The lowest id names them.
 */
export function toOfficial(rows: readonly OfficialRow[], allCommuneIds: readonly string[]): Official | null {
  const first = rows[0];
  if (!first) return null;
  const role: OfficialRole = rows.some((r) => r.role === 'admin') ? 'admin' : 'official';
  const communeIds = role === 'admin' ? [...allCommuneIds] : [...new Set(rows.flatMap((r) => r.communeIds))];
  return { id: first.id, role, communeIds, displayName: rows.find((r) => r.displayName)?.displayName ?? null };
}

/** The officials directory over the database: officials exist only as invited rows, never by a client's say-so. */
export function officialsDirectory(repo: OfficialsRepo, allCommuneIds: readonly string[]): OfficialsDirectory {
  return {
    async forChat(channel, botId, chatId) {
      return toOfficial(await repo.activeForChat(channel, botId, chatId), allCommuneIds);
    },
    async byId(id) {
      const row = await repo.byId(id);
      return row && row.revokedAt === null && row.contactId !== null ? toOfficial([row], allCommuneIds) : null;
    },
    async ofCommune(communeId) {
      const rows = (await repo.allActive()).filter((r) => r.role === 'admin' || r.communeIds.includes(communeId));
      // One entry per person: rows of linked chats share their chats, so keep the first row per chat set.
      const out: Array<Official & { chats: Array<{ channel: string; botId: string; chatId: string }> }> = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const chats = await repo.chatsOf(row);
        const key = chats.map((c) => `${c.channel}/${c.botId}/${c.chatId}`).sort().join('|');
        if (chats.length === 0 || seen.has(key)) continue;
        seen.add(key);
        out.push({ ...toOfficial([row], allCommuneIds)!, chats });
      }
      return out;
    },
  };
}
