import { createHash } from 'node:crypto';
import { constantTimeEqual, headerValue } from '../../src/channels/http-util.js';
import type { WebhookRequest } from '../../src/channels/contract.js';

/**
 * Zalo OA webhook signature: header `X-ZEvent-Signature: mac=<hex>`, hex = SHA-256 (a plain digest,
 * not an HMAC) of app_id + raw body + timestamp + OA secret key, app_id and timestamp read from the
 * body. Source: Zalo's Java SDK `utils/MacUtils.buildMac` and Chatwoot's `zalo_events_job.rb`
 * (shared/notes/platform-facts.md 1.2). The raw body must be the exact bytes received.
 */
export function zaloOaMac(appId: string, rawBody: string, timestamp: string, secretKey: string): string {
  return createHash('sha256').update(appId + rawBody + timestamp + secretKey, 'utf8').digest('hex');
}

/**
 * How far a signed event's own timestamp may be from our clock. The signature covers the timestamp,
 * so a recorded event replayed later (or forged ahead) is refused; Zalo delivers within seconds and
 * retries briefly, so five minutes leaves room for clock skew and retries.
 */
export const ZALO_OA_MAX_AGE_MS = 5 * 60_000;

export function verifyZaloOa(req: WebhookRequest, ourAppId: string, secretKey: string, now: Date = new Date()): boolean {
  const header = headerValue(req.headers, 'x-zevent-signature');
  if (!header?.startsWith('mac=')) return false;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.rawBody) as Record<string, unknown>;
  } catch {
    return false;
  }
  const appId = String(body.app_id ?? '');
  const timestamp = String(body.timestamp ?? '');
  if (appId !== ourAppId || !/^\d{10,16}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() - Number(timestamp)) > ZALO_OA_MAX_AGE_MS) return false;
  return constantTimeEqual(header.slice(4).toLowerCase(), zaloOaMac(appId, req.rawBody, timestamp, secretKey));
}
