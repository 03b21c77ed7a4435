import type { FastifyPluginAsync } from 'fastify';

/** One bot as /readyz reports it (a paused or failing bot shows here, not as a failed check). */
export interface BotHealth {
  readonly channel: string;
  readonly botId: string;
  readonly webhookPath: string | undefined;
  readonly status: 'ok' | 'degraded';
  readonly detail?: string;
}

export interface HealthDeps {
  pingDatabase(): Promise<boolean>;
  pingRedis(): Promise<boolean>;
  /** True once shutdown began: readiness fails first so no new work is routed here. */
  draining?(): boolean;
  bots?(): Promise<readonly BotHealth[]>;
  readonly role?: string;
}

/**
 * /healthz: the process is up. /readyz: Postgres and Redis answer and the process is not shutting
 * down (503 names what is missing); each bot is listed with its state, a degraded bot does not make
 * the process unready (the others still work).
 */
export function healthPlugin(deps: HealthDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({ ok: true }));
    app.get('/readyz', async (_req, reply) => {
      const [database, redis, bots] = await Promise.all([deps.pingDatabase(), deps.pingRedis(), deps.bots?.() ?? []]);
      const draining = deps.draining?.() ?? false;
      const ok = database && redis && !draining;
      return reply.code(ok ? 200 : 503).send({ ok, role: deps.role, draining, database, redis, bots });
    });
  };
}
