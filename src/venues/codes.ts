import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isSyllableShaped } from '../language/syllable-shape.js';

/**
 * Venue code tokens: 8 random bytes (the code id) + the first 8 bytes of HMAC-SHA256(key, id),
 * both base64url: 22 characters. Short, so `PUBLIC_URL/c/<token>` stays a small QR version that
 * cheap cameras read quickly; signed, so a guessed or altered token is refused before any database
 * lookup; revocable, because the id names a row that can be revoked.
 */
export const TOKEN_LENGTH = 22;
const ID_CHARS = 11;

export class CodeSigner {
  constructor(private readonly key: string) {}

  private sign(id: string): string {
    return createHmac('sha256', this.key).update(id).digest().subarray(0, 8).toString('base64url');
  }

  issue(): { codeId: string; token: string } {
    const codeId = randomBytes(8).toString('base64url');
    return { codeId, token: codeId + this.sign(codeId) };
  }

  tokenFor(codeId: string): string {
    return codeId + this.sign(codeId);
  }

  verify(token: string): string | null {
    if (token.length !== TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
    const id = token.slice(0, ID_CHARS);
    const given = Buffer.from(token.slice(ID_CHARS));
    const want = Buffer.from(this.sign(id));
    return given.length === want.length && timingSafeEqual(given, want) ? id : null;
  }
}

/** Telegram /start payloads allow 1-64 of [A-Za-z0-9_-]: "c_" + token (the prefix leaves room for other deep links). */
export const payloadFor = (token: string) => `c_${token}`;
export function tokenFromPayload(payload: string): string | null {
  const t = payload.trim().replace(/^c_/, '');
  return t.length === TOKEN_LENGTH && /^[A-Za-z0-9_-]+$/.test(t) ? t : null;
}

/**
 * Manual codes: 6 characters of Crockford's base-32 alphabet (no I, L, O, U) and a Luhn mod-32
 * check character, so a single mistyped character or a swap of neighbours is caught before any
 * lookup. Every code has at least one digit and one letter, so ordinary 7-letter words are never
 * mistaken for a code. Look-alikes are forgiven: O->0, I/L->1, U->V.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;

function luhnCheck(chars: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(chars[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

export function newManualCode(): string {
  for (;;) {
    const bytes = randomBytes(6);
    const body = [...bytes].map((b) => ALPHABET[b % N]).join('');
    const code = body + luhnCheck(body);
    if (/\d/.test(code) && /[A-Z]/.test(code)) return code;
  }
}

const collapse = (x: string) => x.replace(/[\s.\-_]/g, '');

/** The typed code without a "mã:" prefix word; a code that itself starts with "MA" keeps its letters. */
function typedCode(input: string): string {
  const upper = input.trim().toUpperCase();
  const whole = collapse(upper);
  return whole.length === 7 ? whole : collapse(upper.replace(/^(MÃ|MA|CODE)\s*[:#]?\s*/, ''));
}

export function normaliseManualCode(input: string): string | null {
  const s = typedCode(input);
  if (s.length !== 7) return null;
  const mapped = s.replace(/O/g, '0').replace(/[IL]/g, '1').replace(/U/g, 'V');
  if (![...mapped].every((c) => ALPHABET.includes(c))) return null;
  if (!/\d/.test(mapped) || !/[A-Z]/.test(mapped)) return null;
  return luhnCheck(mapped.slice(0, 6)) === mapped[6] ? mapped : null;
}

/**
 * A message that is shaped like a manual code but is none ("6C75WEX" with one character wrong, one
 * character missing or extra): the resident meant a code, so it must be told the code is wrong and
 * how to find it, not answered by the FAQ. Ordinary words with a number ("covid19", "mui3",
 * "pfizer2") and plain numbers are not code-shaped.
 */
export function looksLikeManualCode(input: string): boolean {
  if (/\s\S+\s/.test(input.trim())) return false;
  const s = typedCode(input);
  if (s.length < 6 || s.length > 8 || !/^[A-Z0-9]+$/.test(s)) return false;
  if (!/\d/.test(s) || !/[A-Z]/.test(s)) return false;
  if (/^\d{2}[A-Z]{1,2}\d{4,5}$/.test(s)) return false; // a licence plate ("76C12345")
  // A word and a number ("covid19", "12thang"); a real code may also split so ("3JHWNEA"), but its
  // letters are neither syllables nor written with the letters codes never use.
  const split = /^([A-Z]+)\d{1,3}$/.exec(s) ?? /^\d{1,3}([A-Z]+)$/.exec(s);
  return !split || !wordLike(split[1]!);
}

/** Letters that read as a word: they use a letter no code holds (I, L, O, U), or are one Vietnamese syllable ("12thang"). */
function wordLike(letters: string): boolean {
  if (/[ILOU]/.test(letters)) return true;
  return isSyllableShaped(letters.toLowerCase());
}
