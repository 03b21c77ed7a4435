import type { Db } from '../db/client.js';

/*
 * The seams to issue 10 (officials directory, roles, audit log), as CONTRACTS.md describes them.
 * Until that work lands on main these are declared here with exactly the same shapes; then they
 * become re-exports of `src/officials/types.ts` and `src/audit/audit-log.ts`.
 */

export type OfficialRole = 'official' | 'admin';

/** An official as use-cases see them (see CONTRACTS.md, issue 10). */
export interface Official {
  readonly id: number;
  readonly role: OfficialRole;
  /** Commune ids they may act for; for an admin every commune of the deployment. */
  readonly communeIds: readonly string[];
  readonly displayName: string | null;
}

/** How the dashboard finds officials: by the chat that asked for a login link, and by id per request. */
export interface OfficialsPort {
  forChat(channel: string, botId: string, chatId: string): Promise<Official | null>;
  byId(id: number): Promise<Official | null>;
}

export interface AuditEntry {
  readonly officialId: number | null;
  readonly via: 'chat' | 'cli' | 'api' | 'dashboard';
  readonly action: string;
  readonly communeId: string | null;
  readonly subject?: string;
  /** Never personal data itself. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** Written in the caller's transaction, so an action and its record commit together. */
export interface AuditPort {
  record(db: Db, entry: AuditEntry): Promise<void>;
}
