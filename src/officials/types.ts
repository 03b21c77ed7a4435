import { AppError } from '../domain/errors.js';

export type OfficialRole = 'official' | 'admin';

/** An official as use-cases see them. Officials come only from the database (invites). */
export interface Official {
  readonly id: number; // officials.id
  readonly role: OfficialRole; // admin = the deployment's whole area ("district admin")
  /** Commune ids they may act for; for an admin every commune of the deployment. */
  readonly communeIds: readonly string[];
  readonly displayName: string | null;
}

/** A chat that reaches an official (a notice, an alert). */
export interface OfficialChat {
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
}

export interface OfficialsDirectory {
  /** The official behind a chat (or any chat linked to the same person), or null. */
  forChat(channel: string, botId: string, chatId: string): Promise<Official | null>;
  byId(id: number): Promise<Official | null>;
  /** Officials whose scope includes the commune, with the chats that reach them (for notices). */
  ofCommune(communeId: string): Promise<Array<Official & { chats: Array<{ channel: string; botId: string; chatId: string }> }>>;
}

/**
 * The caller may not do this (not an official, or outside their communes). Asking again will not
 * help, so it is not retryable; HTTP answers 403.
 */
export class ForbiddenError extends AppError {
  readonly statusCode = 403;
  constructor(message: string) {
    super('forbidden', message, { retryable: false });
    this.name = 'ForbiddenError';
  }
}

/** Scope check every use-case does: throws a typed, non-retryable ForbiddenError (→ HTTP 403). */
export function assertInScope(official: Official, communeId: string): void {
  if (!official.communeIds.includes(communeId)) throw new ForbiddenError(`official ${official.id} may not act for commune ${communeId}`);
}

/** Whether an official may act for a commune (the non-throwing form, for filtering lists). */
export function inScope(official: Official, communeId: string): boolean {
  return official.communeIds.includes(communeId);
}
