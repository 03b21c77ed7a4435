import { and, desc, eq, gte, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditQuery, AuditRecord, AuditTrail } from '../../audit/audit-log.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema/audit.js';

/** Postgres side of the audit log. */
export class AuditRepo implements AuditTrail {
  constructor(private readonly db: Db) {}

  async record(db: Db, e: AuditEntry): Promise<void> {
    await db.insert(auditLog).values({ officialId: e.officialId, via: e.via, action: e.action, communeId: e.communeId, subject: e.subject ?? null, detail: e.detail ? { ...e.detail } : null });
  }

  async list(q: AuditQuery): Promise<AuditRecord[]> {
    const where: SQL[] = [];
    if (q.since) where.push(gte(auditLog.at, q.since));
    if (q.officialId !== undefined) where.push(eq(auditLog.officialId, q.officialId));
    if (q.communeId) where.push(eq(auditLog.communeId, q.communeId));
    const rows = await this.db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(q.limit ?? 200);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      officialId: r.officialId,
      via: r.via as AuditRecord['via'],
      action: r.action,
      communeId: r.communeId,
      ...(r.subject ? { subject: r.subject } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
    }));
  }
}
