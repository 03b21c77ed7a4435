import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { ChannelActivity, SystemRepo } from '../db/repos/system-repo.js';
import { html, num, vnDateTime } from './html.js';
import { BASE, page } from './layout.js';
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
    admin.get('/hethong', async (req, reply) => {
      const now = opts.deps.now();
      const [activity, tokens, officials] = await Promise.all([opts.system.channelActivity(new Date(now.getTime() - 86_400_000)), opts.system.zaloTokenExpiry(), opts.system.officials()]);
      const byBot = new Map(activity.map((a) => [`${a.channel}/${a.botId}`, a]));
      const bots = opts.bots().map((b) => byBot.get(`${b.channel}/${b.botId}`) ?? ({ ...b, lastInbound: null, lastSent: null, failed24h: 0, lastError: null, lastErrorAt: null } satisfies ChannelActivity));
      const body = html`
<h2>Kênh nhắn tin</h2><div class="scroll"><table id="channels"><thead><tr><th>Kênh</th><th>Tin đến gần nhất</th><th>Gửi thành công gần nhất</th><th class="n">Lỗi gửi 24 giờ</th><th>Lỗi gần nhất</th></tr></thead><tbody>
${bots.map((b) => html`<tr><td>${b.channel} · ${b.botId}</td><td>${vnDateTime(b.lastInbound) || 'chưa có'}</td><td>${vnDateTime(b.lastSent) || 'chưa có'}</td><td class="n ${b.failed24h ? 'bad' : ''}">${num(b.failed24h)}</td><td>${b.lastError ? `${vnDateTime(b.lastErrorAt)}: ${b.lastError.slice(0, 160)}` : ''}</td></tr>`)}
</tbody></table></div>
<h2>Zalo OA: hạn token</h2>${tokens.length ? html`<ul>${tokens.map((t) => html`<li>Ứng dụng ${t.appId}: hết hạn ${vnDateTime(t.expiresAt)}${t.expiresAt.getTime() < now.getTime() ? html` <span class="bad">(đã hết hạn)</span>` : ''}, làm mới lúc ${vnDateTime(t.updatedAt)}</li>`)}</ul>` : html`<p class="muted">Chưa cấu hình Zalo OA.</p>`}
<h2>Hàng đợi</h2><p><a class="btn" href="${BASE}${BOARD}">Mở Bull Board</a></p>
<h2>Cán bộ</h2><div class="scroll"><table id="officials"><thead><tr><th>#</th><th>Tên</th><th>Vai trò</th><th>Kênh</th><th>Xã, phường</th><th>Cấp quyền</th></tr></thead><tbody>
${officials.map((o) => html`<tr><td>${o.id}</td><td>${o.displayName ?? ''}</td><td>${o.role === 'admin' ? 'quản trị' : 'cán bộ'}${o.revokedAt ? html` <span class="bad">(đã thu hồi)</span>` : ''}</td><td>${o.channel}</td><td>${o.role === 'admin' ? 'toàn địa bàn' : o.communeIds.map((c) => opts.deps.domain.communeById(c)?.name ?? c).join(', ')}</td><td>${vnDateTime(o.createdAt)}</td></tr>`)}
</tbody></table></div><p class="muted">Mời cán bộ: <code>npm run cli -- officials:invite</code> hoặc nhắn /moicanbo trong chat quản trị.</p>`;
      return reply.type('text/html').send(page({ title: 'Hệ thống', scope: scopeOfRequest(req), active: '/hethong', csrf: reply.generateCsrf() }, body));
    });
    const board = new FastifyAdapter();
    board.setBasePath(`${BASE}${BOARD}`);
    createBullBoard({ queues: opts.queues().map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
    await admin.register(board.registerPlugin(), { prefix: BOARD });
  });
}
