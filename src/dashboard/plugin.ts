import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { inspectLoginLink, logout, redeemLoginLink, resolveSession, IDLE_MS, type AuthDeps } from './auth.js';
import type { DashboardDeps } from './deps.js';
import { html } from './html.js';
import { BASE, page } from './layout.js';
import { confirmLoginPage, linkProblem, signedOutPage } from './pages/auth-pages.js';
import { APP_JS } from './pages/overview-page.js';
import { scopeOf, type Scope } from './scope.js';
import { registerAdminRoutes, type AdminOptions } from './routes-admin.js';
import { registerPageRoutes } from './routes-pages.js';
import { registerTracingRoutes } from './routes-tracing.js';
import { dashboardTexts as dt } from './texts.js';
import { registerBroadcastRoutes } from './routes-broadcasts.js';

export const SESSION_COOKIE = 'qm_dash';

declare module 'fastify' {
  interface FastifyRequest {
    dashboard?: { scope: Scope; sessionId: string };
  }
}

export interface DashboardOptions extends AdminOptions {
  readonly deps: DashboardDeps;
  readonly auth: AuthDeps;
  /** Secure cookies (production, https). */
  readonly secure: boolean;
}

const require = createRequire(import.meta.url);
const STATIC: Record<string, { file?: string; body?: string; type: string }> = {
  'uPlot.iife.min.js': { file: require.resolve('uplot/dist/uPlot.iife.min.js'), type: 'application/javascript; charset=utf-8' },
  'uPlot.min.css': { file: require.resolve('uplot/dist/uPlot.min.css'), type: 'text/css; charset=utf-8' },
  'app.js': { body: APP_JS, type: 'application/javascript; charset=utf-8' },
};

/** The scope of the signed-in official; routes behind `requireSession` always have it. */
export const scopeOfRequest = (req: FastifyRequest): Scope => req.dashboard!.scope;

/**
 * The officials' web dashboard under /quanly: server-rendered Vietnamese pages, a session started
 * by a one-time link from chat, CSRF tokens on every form, and every page, chart and export cut to
 * the official's communes (another commune's record is a 403).
 */
export function dashboardPlugin(opts: DashboardOptions): FastifyPluginAsync {
  return async (app) => {
    await app.register(async (scoped) => {
      await scoped.register(cookie);
      await scoped.register(formbody);
      await scoped.register(multipart, { limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 10 } });
      await scoped.register(csrf, {
        cookieKey: 'qm_csrf',
        cookieOpts: { path: BASE, httpOnly: true, sameSite: 'strict', secure: opts.secure },
        getToken: (req) => ((req.body as Record<string, string> | undefined)?._csrf ?? (req.query as Record<string, string>)._csrf ?? (req.headers['x-csrf-token'] as string | undefined)) as string,
      });
      scoped.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => errorPage(err, req, reply));
      registerAuthRoutes(scoped, opts);
      await scoped.register(async (secured) => {
        secured.addHook('preHandler', requireSession(opts));
        registerPageRoutes(secured, opts.deps);
        registerTracingRoutes(secured, opts.deps);
        registerBroadcastRoutes(secured, opts.deps);
        await registerAdminRoutes(secured, opts);
      });
    }, { prefix: BASE });
  };
}

function registerAuthRoutes(app: FastifyInstance, opts: DashboardOptions): void {
  app.get('/static/:file', async (req, reply) => {
    const s = STATIC[(req.params as { file: string }).file];
    if (!s) return reply.code(404).type('text/plain').send('not found');
    return reply.type(s.type).header('cache-control', 'public, max-age=86400').send(s.body ?? (await readFile(s.file!)));
  });
  app.get('/dangnhap', async (_req, reply) => reply.type('text/html').send(signedOutPage()));
  app.get<{ Params: { token: string } }>('/dangnhap/:token', async (req, reply) => {
    const state = await inspectLoginLink(opts.auth, req.params.token);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (state !== 'valid') return reply.code(state === 'unknown' ? 404 : 410).type('text/html').send(linkProblem(state));
    return reply.type('text/html').send(confirmLoginPage(req.params.token, reply.generateCsrf()));
  });
  app.post<{ Params: { token: string } }>('/dangnhap/:token', { preHandler: app.csrfProtection }, async (req, reply) => {
    const r = await redeemLoginLink(opts.auth, req.params.token, { ip: req.ip });
    reply.header('cache-control', 'no-store');
    if (!r.ok) return reply.code(r.reason === 'unknown' ? 404 : r.reason === 'not_official' ? 403 : 410).type('text/html').send(linkProblem(r.reason));
    reply.setCookie(SESSION_COOKIE, r.sessionId, { path: BASE, httpOnly: true, secure: opts.secure, sameSite: 'lax', maxAge: Math.floor(IDLE_MS / 1000) * 24 });
    return reply.redirect(`${BASE}`, 303);
  });
  app.post('/dangxuat', { preHandler: app.csrfProtection }, async (req, reply) => {
    const sid = req.cookies[SESSION_COOKIE];
    const official = sid ? await resolveSession(opts.auth, sid) : null;
    if (sid && official) await logout(opts.auth, sid, official.id);
    reply.clearCookie(SESSION_COOKIE, { path: BASE });
    return reply.redirect(`${BASE}/dangnhap`, 303);
  });
}

function requireSession(opts: DashboardOptions) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const sid = req.cookies[SESSION_COOKIE];
    const official = sid ? await resolveSession(opts.auth, sid) : null;
    if (!official || !sid) {
      if (req.method === 'GET' && !req.url.includes('/api/')) return reply.redirect(`${BASE}/dangnhap`, 303);
      return reply.code(401).send({ ok: false, error: { code: 'unauthenticated', message: 'sign in again with /dangnhap', retryable: false } });
    }
    req.dashboard = { scope: scopeOf(official, opts.deps.domain), sessionId: sid };
    reply.header('cache-control', 'no-store');
  };
}

const MESSAGES = dt.errors.byStatus;

function errorPage(err: Error & { statusCode?: number; code?: string }, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
  if (status >= 500) req.log.error({ err }, 'dashboard request failed');
  else req.log.warn({ code: err.code, msg: err.message, url: req.url }, 'dashboard request refused');
  const csrfFail = err.code?.startsWith('FST_CSRF') ?? false;
  const message = csrfFail ? dt.errors.csrf : MESSAGES[status] ?? (status >= 500 ? dt.errors.server : dt.errors.badRequest);
  if (req.url.includes('/api/')) return reply.code(status).send({ ok: false, error: { code: csrfFail ? 'csrf' : err.code ?? 'error', message: status >= 500 ? 'internal error' : err.message, retryable: status >= 500 || status === 429 } });
  const scope = req.dashboard?.scope;
  return reply.code(status).type('text/html').send(page({ title: status === 403 ? dt.errors.forbiddenTitle : dt.errors.failedTitle, ...(scope ? { scope } : {}), error: message }, html`<p><a href="${BASE}">${dt.errors.backToOverview}</a></p>`));
}
