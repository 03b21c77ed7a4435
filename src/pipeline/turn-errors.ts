import { AppError } from '../domain/errors.js';

/** Node/network error codes of a dependency that is away (Postgres, Redis, a platform). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']);

/**
 * True when retrying the same turn later can help: a typed error that says so, a dependency that is
 * away, or a Postgres condition that passes (connection class 08, shutdown 57P, resources 53,
 * serialization failure, deadlock). Anything else is a bug or bad data: retrying only makes the
 * resident wait, so the turn fails at once with an apology.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof AppError) return err.retryable;
  if (err && typeof err === 'object' && 'retryable' in err && typeof err.retryable === 'boolean') return err.retryable;
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  if (NETWORK_CODES.has(code)) return true;
  if (/^(08|57P|53)/.test(code) || code === '40001' || code === '40P01') return true;
  const cause = err instanceof Error ? err.cause : undefined;
  return cause !== undefined && cause !== err ? isTransient(cause) : /timed out|unavailable/i.test(String(err));
}
