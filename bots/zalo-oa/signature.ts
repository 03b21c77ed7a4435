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

export function verifyZaloOa(req: WebhookRequest, ourAppId: string, secretKey: string): boolean {
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
  if (appId !== ourAppId || !timestamp) return false;
  return constantTimeEqual(header.slice(4).toLowerCase(), zaloOaMac(appId, req.rawBody, timestamp, secretKey));
}
