import type { FastifyPluginAsync } from 'fastify';

export interface HealthDeps {
  pingDatabase(): Promise<boolean>;
  pingRedis(): Promise<boolean>;
}

/** /healthz: the process is up. /readyz: Postgres and Redis answer (503 names the missing one). */
export function healthPlugin(deps: HealthDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/healthz', async () => ({ ok: true }));
    app.get('/readyz', async (_req, reply) => {
      const [database, redis] = await Promise.all([deps.pingDatabase(), deps.pingRedis()]);
      return reply.code(database && redis ? 200 : 503).send({ ok: database && redis, database, redis });
    });
  };
}
