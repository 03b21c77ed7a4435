import { pino, type Logger } from 'pino';

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

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino({ level, redact }, destination as never) : pino({ level, redact });
}
