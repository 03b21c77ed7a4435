import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { constantTimeEqual } from '../channels/http-util.js';
import { apiError } from '../http/api-key.js';
import type { Metrics } from './metrics.js';

/**
 * GET /metrics in Prometheus text format, for the monitoring system only: it needs
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time). Without a token configured
 * the route does not exist. Also times every webhook request by channel.
 */
export function metricsPlugin(metrics: Metrics, token: string | undefined): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    if (!token) return;
    app.get('/metrics', async (req, reply) => {
      const given = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (!given || !constantTimeEqual(given, token)) return reply.code(401).send(apiError('unauthorized', 'a valid metrics token is required'));
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  };
}

/** Counts and times webhook requests per channel (`/webhooks/<channel>` routes), on the root app. */
export function instrumentWebhooks(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url;
    if (!route?.startsWith('/webhooks/')) return;
    const channel = route.slice('/webhooks/'.length);
    metrics.webhookRequests.inc({ channel, status: String(reply.statusCode) });
    metrics.webhookSeconds.observe({ channel }, reply.elapsedTime / 1000);
  });
}
