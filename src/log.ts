import { pino, type Logger, type LoggerOptions } from 'pino';
import { maskPersonalNumbers, scrubError, scrubValue } from './log-scrub.js';

export type { Logger };

/**
 * Paths that may carry secrets or personal data. Tokens never reach the logs: Telegram file URLs
 * embed the bot token, Zalo sends tokens in headers.
 */
const redact = [
  'token', '*.token', 'accessToken', '*.accessToken', 'refreshToken', '*.refreshToken',
  'headers.authorization', 'headers.access_token', 'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]', 'phone', '*.phone', 'idNumber', '*.idNumber',
];

/**
 * Every logger of the service: secrets redacted by path, errors (under any key) scrubbed of query
 * parameters and payloads, messages masked (see log-scrub.ts). Tests pass a destination to grep it.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact,
    serializers: { err: scrubError, error: scrubError, cause: scrubError },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : scrubValue(a))) as Parameters<typeof method>;
        return method.apply(this, scrubbed);
      },
    },
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino(loggerOptions(level), destination as never) : pino(loggerOptions(level));
}
