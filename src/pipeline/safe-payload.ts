/** Deeper than this, a stored payload keeps a marker instead of the rest (Postgres' jsonb refuses very deep documents). */
export const MAX_STORED_DEPTH = 64;

/** NUL and lone (unpaired) surrogates. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A form of a webhook payload that Postgres can store: NUL characters and lone surrogates (which
 * jsonb refuses) become U+FFFD, and anything nested deeper than MAX_STORED_DEPTH becomes the
 * string "[nested too deep]". Only used for an update Postgres refused as it was, so the hot path
 * never pays for it.
 */
export function safePayload(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_STORED_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => safePayload(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[safePayload(k, depth) as string] = safePayload(v, depth + 1);
  return out;
}

/**
 * True for a refusal of the data itself, which retrying cannot fix: Postgres class 22 (data
 * exception) or 54 (too complex), or a document too deep for the driver to serialise (RangeError).
 */
export function isDataRefusal(err: unknown): boolean {
  if (err instanceof RangeError) return true;
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  if (/^(22|54)/.test(code)) return true;
  // drizzle wraps the driver's error ("Failed query: ...") and keeps it as the cause.
  const cause = err instanceof Error ? err.cause : undefined;
  return cause !== undefined && cause !== err && isDataRefusal(cause);
}
