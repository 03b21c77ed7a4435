import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Letters and digits nobody confuses when reading a code aloud or off a screen (no 0/O, 1/I/L, U). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const INVITE_BODY = 10; // 30^10 ≈ 2^49: guessing a live invite is hopeless, rate limit or not

/** A fresh invite code as shown to people: "CB-7K3MQ-X9PZA". */
export function newInviteCode(): string {
  const body = Array.from({ length: INVITE_BODY }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join('');
  return `CB-${body.slice(0, 5)}-${body.slice(5)}`;
}

/** The canonical form of what someone typed ("cb 7k3mq x9pza" too), or null when it cannot be an invite code. */
export function normaliseInviteCode(input: string): string | null {
  const s = input.trim().toUpperCase().replace(/[\s.\-_]/g, '').replace(/O/g, '0');
  if (!/^CB[A-Z0-9]{10}$/.test(s)) return null;
  const body = s.slice(2).replace(/0/g, 'O');
  return [...body].every((c) => ALPHABET.includes(c)) ? `CB${body}` : null;
}

export const inviteHash = (canonical: string) => createHash('sha256').update(`quetma-invite:${canonical}`).digest('hex');

/** A personal API token: 32 random bytes, shown once, stored as a hash. */
export function newApiToken(): string {
  return `qtm_${randomBytes(32).toString('base64url')}`;
}

export const apiTokenHash = (token: string) => createHash('sha256').update(`quetma-api-token:${token}`).digest('hex');

/** Invites are valid this long (issue 10: 48 hours). */
export const INVITE_HOURS = 48;
