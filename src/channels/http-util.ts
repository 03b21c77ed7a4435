import { timingSafeEqual } from 'node:crypto';
import { SendError } from './contract.js';

/** Constant-time string comparison for webhook secrets (length leaks, content does not). */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function headerValue(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Downloads a URL with a byte cap and a timeout. Callers pass only URLs they built from their own
 * configured API roots or the platform's own hosts, never a URL a user typed.
 */
export async function downloadCapped(url: string | URL, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' }).catch((err: unknown) => {
    throw new SendError('retry', 'download failed', { cause: err });
  });
  if (!res.ok || !res.body) throw new SendError(res.status >= 500 ? 'retry' : 'fatal', `download answered ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new SendError('fatal', 'file too large');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.length;
    if (total > maxBytes) throw new SendError('fatal', 'file too large');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
