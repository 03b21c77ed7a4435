import { TOKEN_LENGTH } from './codes.js';

export type QrKind = 'ours' | 'payment' | 'other-url' | 'other-text';

/**
 * What a piece of text (typed, pasted or decoded from a QR) is: our own code URLs anywhere in it
 * (with or without the scheme), a payment code (EMVCo/VietQR payloads start "000201"), another URL,
 * or other text. Only our exact host and path count as ours.
 */
export function classifier(publicUrl: string): (text: string) => { tokens: string[]; kind: QrKind } {
  const base = publicUrl.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ours = new RegExp(`(?:https?://)?${escaped}/c/([A-Za-z0-9_-]{${TOKEN_LENGTH}})(?![A-Za-z0-9_-])`, 'gi');
  return (text) => {
    const tokens = [...text.matchAll(ours)].map((m) => m[1]!);
    if (tokens.length > 0) return { tokens: [...new Set(tokens)], kind: 'ours' };
    const t = text.trim();
    if (/^000201/.test(t) || /^(momo|zalopay|vnpay|vietqr):/i.test(t)) return { tokens: [], kind: 'payment' };
    if (/\b(https?:\/\/|www\.)\S+/i.test(t) || /^[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*/i.test(t)) return { tokens: [], kind: 'other-url' };
    return { tokens: [], kind: 'other-text' };
  };
}
