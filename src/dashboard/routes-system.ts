import type { FastifyInstance } from 'fastify';
import type { ChannelActivity } from '../db/repos/system-repo.js';
import { BASE } from './layout.js';
import { systemPage, type FreshInvite } from './pages/system-page.js';
import { scopeOfRequest } from './plugin.js';
import { dashboardTexts as dt } from './texts.js';
import type { AdminOptions } from './routes-admin.js';

type Q = Record<string, string | string[] | undefined>;
const FLASH = dt.system.flash;
const ERRORS = dt.system.errors;

/**
 * The admin's "Hệ thống" page and its two forms: invite an official (the one-time code is shown
 * once, in the answer to the POST) and revoke one. Both call issue 10's use-cases, which write
 * the audit log; the admin-only hook of routes-admin guards every route here.
 */
export function registerSystemRoutes(app: FastifyInstance, opts: AdminOptions): void {
  const view = async () => {
    const now = opts.deps.now();
    const [activity, tokens, officials, invites] = await Promise.all([
      opts.system.channelActivity(new Date(now.getTime() - 86_400_000)),
      opts.system.zaloTokenExpiry(),
      opts.system.officials(),
      opts.system.invites(new Date(now.getTime() - 30 * 86_400_000)),
    ]);
    const byBot = new Map(activity.map((a) => [`${a.channel}/${a.botId}`, a]));
    const bots = opts.bots().map((b) => byBot.get(`${b.channel}/${b.botId}`) ?? ({ ...b, lastInbound: null, lastSent: null, failed24h: 0, lastError: null, lastErrorAt: null } satisfies ChannelActivity));
    return { now, bots, tokens, officials, invites };
  };
  const render = async (req: Parameters<typeof scopeOfRequest>[0], csrf: string, msg: { flash?: string | undefined; error?: string | undefined; fresh?: FreshInvite }) =>
    systemPage(scopeOfRequest(req), csrf, opts.deps.domain, await view(), msg);

  app.get('/hethong', async (req, reply) => {
    const code = (req.query as Record<string, string | undefined>).tb;
    return reply.type('text/html; charset=utf-8').send(await render(req, reply.generateCsrf(), { flash: code ? FLASH[code] : undefined, error: code ? ERRORS[code] : undefined }));
  });

  app.post<{ Body: Q }>('/hethong/moi', { preHandler: app.csrfProtection }, async (req, reply) => {
    const scope = scopeOfRequest(req);
    const role = req.body.vaitro === 'admin' ? 'admin' : 'official';
    const picked = ([] as (string | undefined)[]).concat(req.body.xa).filter((x): x is string => typeof x === 'string' && x.length > 0);
    if (role === 'official' && picked.length === 0) return reply.redirect(`${BASE}/hethong?tb=nocommune`, 303);
    const name = typeof req.body.ten === 'string' ? req.body.ten.trim().slice(0, 80) : '';
    const invite = await opts.deps.officials.invite({ role, communeIds: picked, displayName: name || null, by: scope.official, via: 'dashboard', now: opts.deps.now() });
    const communes = role === 'admin' ? [] : picked.map((id) => opts.deps.domain.communeById(id)?.name ?? id);
    reply.header('cache-control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(await render(req, reply.generateCsrf(), { fresh: { code: invite.code, expiresAt: invite.expiresAt, role, communes } }));
  });

  app.post<{ Params: { id: string } }>('/hethong/canbo/:id/thuhoi', { preHandler: app.csrfProtection }, async (req, reply) => {
    const scope = scopeOfRequest(req);
    const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : 0;
    if (id === scope.official.id) return reply.redirect(`${BASE}/hethong?tb=self`, 303);
    const done = await opts.deps.officials.revoke(id, { officialId: scope.official.id, via: 'dashboard' }, opts.deps.now());
    return reply.redirect(`${BASE}/hethong?tb=${done ? 'revoked' : 'gone'}`, 303);
  });
}
