import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { simulatorPlugin } from '../bots/web/routes.js';
import { miniAppPlugin } from '../bots/zalo-mini-app/routes.js';
import { miniAppDeps } from '../bots/zalo-mini-app/wiring.js';
import { miniAppHandOver } from '../bots/zalo-mini-app/hand-over.js';
import { codePagePlugin } from './http/code-page.js';
import { healthPlugin } from './http/health.js';
import { reportsPlugin } from './http/reports.js';
import { tracingApiPlugin } from './http/tracing-api.js';
import { broadcastsPlugin } from './http/broadcasts.js';
import { exportRegistrations } from './registration/appointments.js';
import { mediaPlugin } from './http/media.js';
import { webhookPlugin } from './http/webhooks.js';
import { registerEdge } from './http/edge.js';
import { instrumentWebhooks, metricsPlugin } from './metrics/metrics-plugin.js';
import type { Runtime } from './runtime.js';
import { dashboardPlugin } from './dashboard/plugin.js';
import { appTexts } from './texts.js';

/**
 * The HTTP application, without listening (fastify/demo's app vs server split): tests inject
 * requests into it, `main.ts` listens. One plugin per concern.
 */
export interface AppOptions {
  /** Serve intake and pages (webhooks, simulator, code pages, API); false: health and metrics only (ROLE=worker). */
  readonly intake?: boolean;
  /** True once shutdown began (readiness answers 503). */
  readonly draining?: () => boolean;
}

export async function buildApp(rt: Runtime, opts: AppOptions = {}): Promise<FastifyInstance> {
  const hops = rt.config.TRUST_PROXY;
  const app = Fastify({ trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false, loggerInstance: rt.log.child({ component: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 1024 * 1024 });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; retryable?: boolean }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.warn({ code: err.code, msg: err.message, url: req.url }, 'request rejected');
    const retryable = err.retryable ?? (status >= 500 || status === 429);
    return reply.code(status).send({ ok: false, error: { code: err.code ?? 'error', message: status >= 500 ? 'internal error' : err.message, retryable } });
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ ok: false, error: { code: 'not_found', message: 'no such route', retryable: false } }));

  await registerEdge(app, { redis: rt.redis, prefix: rt.config.QUEUE_PREFIX, rateLimits: rt.config.RATE_LIMITS });
  instrumentWebhooks(app, rt.metrics);
  await app.register(metricsPlugin(rt.metrics, rt.config.METRICS_TOKEN));
  await app.register(
    healthPlugin({
      role: rt.config.ROLE,
      pingDatabase: () => rt.database.ping(),
      pingRedis: () => rt.queues.ping(),
      draining: opts.draining ?? (() => false),
      bots: async () => {
        // The shared view: a pause another instance recorded shows here too.
        await rt.pausedBots.refresh();
        return rt.adapters.all().map((a) => ({ channel: a.channel, botId: a.botId, webhookPath: a.channel === 'web' ? undefined : (a.webhookPath ?? `/webhooks/${a.channel}`), ...rt.pausedBots.statusOf(a.channel, a.botId) }));
      },
    }),
  );
  if (opts.intake === false) return app;
  await app.register(mediaPlugin(rt.media));
  for (const adapter of rt.adapters.all()) {
    if (adapter.channel !== 'web') await app.register(webhookPlugin(adapter, rt.deps.ingest));
  }
  if (rt.simulator) await app.register(simulatorPlugin({ adapter: rt.simulator, ingest: rt.deps.ingest, media: rt.media }));
  const miniApp = miniAppDeps(rt);
  if (miniApp) await app.register(miniAppPlugin(miniApp));
  const { domain, repo } = rt.venues;
  const zaloLinks = [
    ...(rt.config.ZALO_OA_CHAT_URL ? [{ label: appTexts.khaiBaoQuaZalo, href: rt.config.ZALO_OA_CHAT_URL }] : []),
    ...(rt.config.ZALO_BOT_CHAT_URL ? [{ label: appTexts.khaiBaoQuaZaloBot, href: rt.config.ZALO_BOT_CHAT_URL }] : []),
  ];
  await app.register(codePagePlugin({ domain, repo, telegramBotUsername: async () => rt.telegram?.username(), zaloLinks, simulator: !!rt.simulator, zaloMiniApp: miniApp ? miniAppHandOver(miniApp.appId) : undefined }));
  await app.register(reportsPlugin({ apiKey: rt.config.OFFICIALS_API_KEY, domain, repo, clock: rt.clock, db: rt.db, audit: rt.audit, forToken: (t, now) => rt.officials.forToken(t, now), reloadFaq: () => rt.faq.reload(), registrationsCsv: (ids) => exportRegistrations(rt.registrations.repo, ids, (id) => domain.communeById(id)?.name ?? id) }));
  await app.register(tracingApiPlugin({ tracing: rt.tracing, forToken: (t, now) => rt.officials.forToken(t, now), now: () => rt.clock.now() }));
  await app.register(
    dashboardPlugin({
      deps: rt.dashboard.deps,
      auth: rt.dashboard.auth,
      system: rt.dashboard.system,
      secure: rt.config.NODE_ENV === 'production' || rt.config.publicUrl.startsWith('https:'),
      queues: () => [rt.queues.inbound, ...rt.adapters.all().map((a) => rt.queues.outboundQueue(a.channel, a.botId))],
      bots: () => rt.adapters.all().map((a) => ({ channel: a.channel, botId: a.botId })),
    }),
  );
  await app.register(broadcastsPlugin({ broadcasts: rt.broadcasts, apiKey: rt.config.OFFICIALS_API_KEY, forToken: (t, now) => rt.officials.forToken(t, now) }));
  return app;
}
