import { createHmac, timingSafeEqual } from 'node:crypto';

/** A button link token for one ledger row: its id and a short HMAC, so taps cannot be forged. */
export function linkToken(secret: string, recipientId: number): string {
  return `${recipientId.toString(36)}.${sign(secret, recipientId)}`;
}

/** The ledger row id inside a token, or null when the signature does not match. */
export function readLinkToken(secret: string, token: string): number | null {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!m) return null;
  const id = parseInt(m[1]!, 36);
  const want = Buffer.from(sign(secret, id));
  const got = Buffer.from(m[2]!);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

const sign = (secret: string, id: number) => createHmac('sha256', secret).update(`b:${id}`).digest('base64url').slice(0, 16);
