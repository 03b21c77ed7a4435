import { describe, expect, it } from 'vitest';
import { oaIdFromChatUrl } from '../../bots/zalo-mini-app/wiring.js';
import { ConfigError, loadConfig } from '../../src/config/schema.js';

describe('Mini App configuration', () => {
  it('is off by default and verifies tokens at graph.zalo.me', () => {
    const c = loadConfig({});
    expect(c.ZALO_MINI_APP_ID).toBeUndefined();
    expect(c.ZALO_GRAPH_ROOT).toBe('https://graph.zalo.me');
  });

  it('needs the app secret with an app id, and an app id made of digits', () => {
    expect(() => loadConfig({ ZALO_MINI_APP_ID: '1234567890' })).toThrow(/ZALO_APP_SECRET: required when ZALO_MINI_APP_ID is set/);
    try {
      loadConfig({ ZALO_MINI_APP_ID: 'my-app', ZALO_APP_SECRET: 's' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).keys).toContain('ZALO_MINI_APP_ID');
    }
    expect(loadConfig({ ZALO_MINI_APP_ID: '1234567890', ZALO_APP_SECRET: 's', ZALO_GRAPH_ROOT: 'http://127.0.0.1:9' }).ZALO_MINI_APP_ID).toBe('1234567890');
  });

  it('takes the OA id for follow and chat from ZALO_OA_CHAT_URL, and nothing from other links', () => {
    expect(oaIdFromChatUrl('https://zalo.me/4318000000000000001')).toBe('4318000000000000001');
    expect(oaIdFromChatUrl('https://zalo.me/s/123456/')).toBeUndefined();
    expect(oaIdFromChatUrl('https://example.com/4318000000000000001')).toBeUndefined();
    expect(oaIdFromChatUrl(undefined)).toBeUndefined();
  });
});
