/*
 * The seams to issue 10 (officials directory, roles, audit log) as the dashboard uses them: the
 * dashboard needs only to find an official by chat and by id, and to write audit entries.
 */
export type { Official, OfficialRole } from '../officials/types.js';
export type { AuditEntry, AuditLog as AuditPort } from '../audit/audit-log.js';
import type { OfficialsDirectory } from '../officials/types.js';

/** How the dashboard finds officials: by the chat that asked for a login link, and by id per request. */
export type OfficialsPort = Pick<OfficialsDirectory, 'forChat' | 'byId'>;
