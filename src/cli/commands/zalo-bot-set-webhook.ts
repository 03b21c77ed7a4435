import type { CliCommand } from '../command.js';

/** Registers PUBLIC_URL/webhooks/zalo-bot with the Zalo Bot Platform, with our secret token. */
export const zaloBotSetWebhookCommand: CliCommand = {
  name: 'zalo-bot:set-webhook',
  usage: 'zalo-bot:set-webhook',
  summary: 'register PUBLIC_URL/webhooks/zalo-bot (with ZALO_BOT_WEBHOOK_SECRET) at the Zalo Bot Platform',
  async run(_args, ctx) {
    if (!ctx.config.ZALO_BOT_TOKEN && ctx.config.channels.zaloBot.length === 0) {
      ctx.io.err('ZALO_BOT_TOKEN is not set: the Zalo bot is off.');
      return 2;
    }
    if (!ctx.config.PUBLIC_URL?.startsWith('https://')) {
      ctx.io.err('PUBLIC_URL must be the https address Zalo can reach (webhooks must be https).');
      return 2;
    }
    // Every Zalo Bot bot of the deployment, each at its own path with its own secret.
    for (const bot of (await ctx.runtime()).bots.zaloBot) {
      await bot.setWebhook(ctx.config.publicUrl);
      ctx.io.out(JSON.stringify({ ok: true, botId: bot.botId, url: `${ctx.config.publicUrl}${bot.webhookPath}` }));
    }
    return 0;
  },
};
