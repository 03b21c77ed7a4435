import type { Logger } from 'pino';
import type { AuditLog } from './ports.js';

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
