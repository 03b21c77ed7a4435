/**
 * Keeps personal data out of logs. Errors are the leak: drizzle's "Failed query … params: …" carries
 * every parameter of a batch (a resident's phone, CCCD, message text), postgres.js errors carry
 * `parameters`, telegraf errors carry the request payload (`on.payload`, the message we sent). So
 * an error is logged as its type, code and message with those parts cut, and any string that still
 * looks like a Vietnamese phone number or an ID card number is masked as a last net.
 */
const DATA_KEYS = new Set(['parameters', 'params', 'payload', 'body', 'rawBody', 'on', 'query', 'text', 'caption', 'response', 'request', 'data', 'update', 'values']);

/** Vietnamese phone numbers (0xxxxxxxxx, +84xxxxxxxxx) and 9/12-digit ID card numbers (CMND/CCCD). */
const PERSONAL_NUMBER = /(?<![\d.])(?:(?:\+?84|0)\d{9}|\d{12}|\d{9})(?![\d.])/g;

export function maskPersonalNumbers(s: string, mask = '[redacted]'): string {
  return s.replace(PERSONAL_NUMBER, mask);
}

/** A message without the query text and parameters drizzle appends ("Failed query: …\nparams: …"). */
function cutQuery(message: string): string {
  const i = message.search(/\n?params:|Failed query:/);
  if (i < 0) return maskPersonalNumbers(message);
  return message.startsWith('Failed query') ? 'Failed query (text and parameters not logged)' : maskPersonalNumbers(message.slice(0, i));
}

const SCRUBBED = Symbol('scrubbed');
const isScrubbed = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && SCRUBBED in v;

export function scrubError(err: unknown, depth = 0): Record<string, unknown> {
  if (isScrubbed(err)) return err;
  if (!(err instanceof Error) || depth > 3) return { message: maskPersonalNumbers(String(err)).slice(0, 300) };
  const e = err as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.name, message: cutQuery(e.message), [SCRUBBED]: true };
  for (const key of ['code', 'retryable', 'statusCode', 'severity', 'routine', 'errno', 'syscall']) {
    if (e[key] !== undefined && typeof e[key] !== 'object') out[key] = e[key];
  }
  // telegraf: the API's answer (description) without the request payload.
  const response = e.response as { error_code?: unknown; description?: unknown } | undefined;
  if (response && typeof response === 'object') out.platform = { errorCode: response.error_code, description: maskPersonalNumbers(String(response.description ?? '')) };
  if (e.stack) out.stack = e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8).join('\n');
  if (e.cause !== undefined) out.cause = scrubError(e.cause, depth + 1);
  return out;
}

/** Any logged object: errors scrubbed, data-carrying keys dropped, strings masked. */
export function scrubValue(v: unknown, depth = 0): unknown {
  if (v instanceof Error) return scrubError(v);
  if (typeof v === 'string') return maskPersonalNumbers(v);
  if (!v || typeof v !== 'object' || depth > 4 || isScrubbed(v)) return v;
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, depth + 1));
  return Object.fromEntries(Object.entries(v).filter(([k]) => !DATA_KEYS.has(k)).map(([k, x]) => [k, scrubValue(x, depth + 1)]));
}
