import type { CliCommand } from '../command.js';

/** Registers PUBLIC_URL/webhooks/telegram with Telegram, with our secret token. */
export const telegramSetWebhookCommand: CliCommand = {
  name: 'telegram:set-webhook',
  usage: 'telegram:set-webhook',
  summary: 'register PUBLIC_URL/webhooks/telegram (with TELEGRAM_WEBHOOK_SECRET) at Telegram',
  async run(_args, ctx) {
    if (!ctx.config.TELEGRAM_BOT_TOKEN && ctx.config.channels.telegram.length === 0) {
      ctx.io.err('TELEGRAM_BOT_TOKEN is not set: Telegram is off.');
      return 2;
    }
    if (!ctx.config.PUBLIC_URL?.startsWith('https://')) {
      ctx.io.err('PUBLIC_URL must be the https address Telegram can reach (Telegram only calls https webhooks).');
      return 2;
    }
    // Every Telegram bot of the deployment, each at its own path with its own secret.
    for (const bot of (await ctx.runtime()).bots.telegram) {
      await bot.setWebhook(ctx.config.publicUrl);
      ctx.io.out(JSON.stringify({ ok: true, botId: bot.botId, url: `${ctx.config.publicUrl}${bot.webhookPath}` }));
    }
    return 0;
  },
};
