import { TelegramAdapter } from '../../bots/telegram/adapter.js';
import { ZaloBotAdapter } from '../../bots/zalo-bot/adapter.js';
import { ZaloOaAdapter } from '../../bots/zalo-oa/adapter.js';
import { ZaloTokens } from '../../bots/zalo-oa/tokens.js';
import type { Config } from '../config/schema.js';
import type { Db } from '../db/client.js';
import { ZaloTokenRepo } from '../db/repos/zalo-token-repo.js';
import type { MediaAccess } from './contract.js';

/** The platform bots a deployment runs: the single-bot variables first, then CHANNELS_FILE's. */
export interface PlatformBots {
  readonly telegram: readonly TelegramAdapter[];
  readonly zaloOa: readonly ZaloOaAdapter[];
  readonly zaloBot: readonly ZaloBotAdapter[];
  /** Each OA's token pair (refreshed ahead of expiry by the maintenance job, one row lock each). */
  readonly zaloTokens: readonly ZaloTokens[];
  /** Commune codes each bot serves ("channel\0botId" -> codes; empty or missing: the whole area). */
  readonly communesByBot: ReadonlyMap<string, readonly string[]>;
}

export const botKey = (channel: string, botId: string): string => `${channel}\u0000${botId}`;

/**
 * Builds every configured bot. Bots from the channels file answer at `/webhooks/<platform>/<name>`
 * with their own secret, token refresh and send queue (queues are per bot id), so a resident's
 * replies leave through the bot they wrote to.
 */
export function buildPlatformBots(config: Config, deps: { db: Db; media: MediaAccess; now: () => Date }): PlatformBots {
  const communesByBot = new Map<string, readonly string[]>();
  const telegram = [
    ...(config.TELEGRAM_BOT_TOKEN ? [{ name: '', token: config.TELEGRAM_BOT_TOKEN, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET ?? '', communes: [] }] : []),
    ...config.channels.telegram,
  ].map((b) => {
    const a = new TelegramAdapter({ token: b.token, perSecond: config.TELEGRAM_MESSAGES_PER_SECOND, webhookSecret: b.webhookSecret, apiRoot: config.TELEGRAM_API_ROOT, media: deps.media, ...(b.name ? { webhookPath: `/webhooks/telegram/${b.name}` } : {}) });
    communesByBot.set(botKey(a.channel, a.botId), b.communes);
    return a;
  });
  const oaConfigs = [
    ...(config.ZALO_OA_APP_ID
      ? [{ name: '', appId: config.ZALO_OA_APP_ID, oaSecretKey: config.ZALO_OA_SECRET_KEY ?? '', appSecret: config.ZALO_APP_SECRET ?? '', accessToken: config.ZALO_OA_ACCESS_TOKEN, refreshToken: config.ZALO_OA_REFRESH_TOKEN ?? '', communes: [] }]
      : []),
    ...config.channels.zaloOa,
  ];
  const store = new ZaloTokenRepo(deps.db);
  const zaloTokens = oaConfigs.map(
    (b) => new ZaloTokens({ appId: b.appId, appSecret: b.appSecret, oauthRoot: config.ZALO_OAUTH_ROOT, store, initial: { accessToken: b.accessToken, refreshToken: b.refreshToken }, now: deps.now }),
  );
  const zaloOa = oaConfigs.map((b, i) => {
    const template = config.ZALO_OA_TEMPLATE_ID ? { template: { id: config.ZALO_OA_TEMPLATE_ID, param: config.ZALO_OA_TEMPLATE_PARAM } } : {};
    const a = new ZaloOaAdapter({ appId: b.appId, oaSecretKey: b.oaSecretKey, apiRoot: config.ZALO_OA_API_ROOT, tokens: zaloTokens[i]!, media: deps.media, now: deps.now, ...template, ...(b.name ? { webhookPath: `/webhooks/zalo-oa/${b.name}` } : {}) });
    communesByBot.set(botKey(a.channel, a.botId), b.communes);
    return a;
  });
  const zaloBot = [
    ...(config.ZALO_BOT_TOKEN ? [{ name: '', token: config.ZALO_BOT_TOKEN, webhookSecret: config.ZALO_BOT_WEBHOOK_SECRET ?? '', communes: [] }] : []),
    ...config.channels.zaloBot,
  ].map((b) => {
    const a = new ZaloBotAdapter({ token: b.token, webhookSecret: b.webhookSecret, apiRoot: config.ZALO_BOT_API_ROOT, media: deps.media, ...(b.name ? { webhookPath: `/webhooks/zalo-bot/${b.name}` } : {}) });
    communesByBot.set(botKey(a.channel, a.botId), b.communes);
    return a;
  });
  return { telegram, zaloOa, zaloBot, zaloTokens, communesByBot };
}
