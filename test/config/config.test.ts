import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/schema.js';

describe('configuration', () => {
  it('starts with embedded defaults and no platform tokens', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', REDIS_URL: 'redis://127.0.0.1:6379', TELEGRAM_API_ROOT: 'https://api.telegram.org' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('lists every bad key in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url', TELEGRAM_BOT_TOKEN: '1:abc', ZALO_BOT_TOKEN: 'z', NODE_ENV: 'production' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.retryable).toBe(false);
    expect(new Set(e.keys)).toEqual(new Set(['PORT', 'REDIS_URL', 'TELEGRAM_WEBHOOK_SECRET', 'ZALO_BOT_WEBHOOK_SECRET', 'QR_SIGNING_KEY', 'PUBLIC_URL']));
    for (const key of e.keys) expect(e.message).toContain(key);
  });

  it('rejects a Telegram secret with characters Telegram does not allow', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_WEBHOOK_SECRET: 'has spaces!' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('treats empty strings as unset and trims the public URL', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: '  ', DATABASE_URL: '', PUBLIC_URL: 'https://quetma.example.vn/' });
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.publicUrl).toBe('https://quetma.example.vn');
  });
});
