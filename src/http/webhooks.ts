import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ChannelAdapter } from '../channels/contract.js';
import { ingest, type IngestDeps } from '../pipeline/ingest.js';

export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * One encapsulated plugin per channel at POST /webhooks/<channel>. Each keeps the body as the raw
 * string it arrived as (Zalo OA signs the exact bytes) and parses JSON itself, so malformed JSON is
 * a 400 of ours and the signature sees exactly what the platform sent.
 */
export function webhookPlugin(adapter: ChannelAdapter, deps: IngestDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));
    app.post(adapter.webhookPath ?? `/webhooks/${adapter.channel}`, async (req, reply) => {
      const rawBody = typeof req.body === 'string' ? req.body : '';
      const result = await ingest(deps, adapter, { headers: req.headers, rawBody });
      return reply.code(result.status).send(result.body);
    });
  };
}
