import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { simulatorPlugin } from '../bots/web/routes.js';
import { codePagePlugin } from './http/code-page.js';
import { healthPlugin } from './http/health.js';
import { reportsPlugin } from './http/reports.js';
import { exportRegistrations } from './registration/appointments.js';
import { mediaPlugin } from './http/media.js';
import { webhookPlugin } from './http/webhooks.js';
import type { Runtime } from './runtime.js';

/**
 * The HTTP application, without listening (fastify/demo's app vs server split): tests inject
 * requests into it, `main.ts` listens. One plugin per concern.
 */
export async function buildApp(rt: Runtime): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: rt.log.child({ component: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 1024 * 1024 });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.warn({ code: err.code, msg: err.message, url: req.url }, 'request rejected');
    return reply.code(status).send({ ok: false, error: { code: err.code ?? 'error', message: status >= 500 ? 'internal error' : err.message, retryable: status >= 500 } });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'no such route', retryable: false } }));

  await app.register(healthPlugin({ pingDatabase: () => rt.database.ping(), pingRedis: () => rt.queues.ping(), degradedBots: () => rt.botHealth.degraded() }));
  await app.register(mediaPlugin(rt.media));
  for (const adapter of rt.adapters.all()) {
    if (adapter.channel !== 'web') await app.register(webhookPlugin(adapter, rt.deps.ingest));
  }
  if (rt.simulator) await app.register(simulatorPlugin({ adapter: rt.simulator, ingest: rt.deps.ingest, media: rt.media }));
  const { domain, repo } = rt.venues;
  const zaloLinks = [
    ...(rt.config.ZALO_OA_CHAT_URL ? [{ label: 'Khai báo qua Zalo', href: rt.config.ZALO_OA_CHAT_URL }] : []),
    ...(rt.config.ZALO_BOT_CHAT_URL ? [{ label: 'Khai báo qua Zalo Bot', href: rt.config.ZALO_BOT_CHAT_URL }] : []),
  ];
  await app.register(codePagePlugin({ domain, repo, telegramBotUsername: async () => rt.telegram?.username(), zaloLinks, simulator: !!rt.simulator }));
  await app.register(reportsPlugin({ apiKey: rt.config.OFFICIALS_API_KEY, domain, repo, clock: rt.clock, reloadFaq: () => rt.faq.reload(), registrationsCsv: (ids) => exportRegistrations(rt.registrations.repo, ids, (id) => domain.communeById(id)?.name ?? id) }));
  return app;
}
