import type { Logger } from 'pino';

/**
 * A logger for errors that come in floods: a Redis connection that is down makes every queue and
 * worker emit an error on each reconnect attempt (about once a second each). The first error is
 * logged at once; further ones within `everyMs` are counted and reported with the next log line,
 * so an outage shows in the log without drowning it. Errors go through the logger's serializers
 * (scrubbed: type, code and message, never payloads or query parameters).
 */
export function throttledErrorLog(log: Logger, what: string, fields: Record<string, unknown> = {}, everyMs = 60_000): (err: unknown) => void {
  let last = 0;
  let suppressed = 0;
  return (err: unknown) => {
    const now = Date.now();
    if (now - last < everyMs) {
      suppressed++;
      return;
    }
    last = now;
    log.warn({ ...fields, err, ...(suppressed > 0 ? { suppressed } : {}) }, what);
    suppressed = 0;
  };
}
