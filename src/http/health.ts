import type { FastifyPluginAsync } from 'fastify';

export interface HealthDeps {
  pingDatabase(): Promise<boolean>;
  pingRedis(): Promise<boolean>;
  /** Bots whose sending is paused (rejected token), by "channel/botId"; empty when all is well. */
  degradedBots?(): Record<string, unknown>;
}

/**
 * /healthz: the process is up. /readyz: Postgres and Redis answer (503 names the missing one);
 * `status: "degraded"` lists bots whose sending is paused.
 */
export function healthPlugin(deps: HealthDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({ ok: true }));
    app.get('/readyz', async (_req, reply) => {
      const [database, redis] = await Promise.all([deps.pingDatabase(), deps.pingRedis()]);
      const bots = deps.degradedBots?.() ?? {};
      // A paused bot is degraded, not unready: intake and the other bots still work.
      const degraded = Object.keys(bots).length > 0;
      return reply.code(database && redis ? 200 : 503).send({ ok: database && redis, database, redis, ...(degraded ? { status: 'degraded', degradedBots: bots } : {}) });
    });
  };
}
