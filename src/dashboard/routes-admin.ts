import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { SystemRepo } from '../db/repos/system-repo.js';
import { BASE } from './layout.js';
import { registerSystemRoutes } from './routes-system.js';
import { auditPage } from './pages/work-pages.js';
import { scopeOfRequest } from './plugin.js';
import type { DashboardDeps } from './deps.js';
import { ForbiddenError } from './scope.js';

export interface AdminOptions {
  readonly system: SystemRepo;
  /** Every queue of the service, for Bull Board. */
  queues(): readonly Queue[];
  /** The bots configured (channel, bot id), to show switched-on channels without traffic too. */
  bots(): readonly { channel: string; botId: string }[];
  readonly deps: DashboardDeps;
}

const BOARD = '/hethong/hangdoi';

/** "Nhật ký" for everyone (their communes' entries), "Hệ thống" and Bull Board for admins only. */
export async function registerAdminRoutes(app: FastifyInstance, opts: AdminOptions): Promise<void> {
  app.get('/nhatky', async (req, reply) => {
    const scope = scopeOfRequest(req);
    const action = (req.query as Record<string, string | undefined>).thaotac || undefined;
    const rows = await opts.system.audit({ communeIds: scope.isAdmin ? 'all' : [...scope.visible], action, limit: 300 });
    return reply.type('text/html').send(auditPage(scope, reply.generateCsrf(), opts.deps.domain, { action }, rows));
  });

  await app.register(async (admin) => {
    admin.addHook('preHandler', async (req) => {
      if (!scopeOfRequest(req).isAdmin) throw new ForbiddenError('system pages are for admins');
    });
    registerSystemRoutes(admin, opts);
    const board = new FastifyAdapter();
    board.setBasePath(`${BASE}${BOARD}`);
    createBullBoard({ queues: opts.queues().map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
    await admin.register(board.registerPlugin(), { prefix: BOARD });
  });
}
