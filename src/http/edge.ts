import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { edgeTexts } from './texts.js';

/**
 * Per-client limits of the anonymous routes, per minute and client address. Webhooks are not
 * limited here (platforms authenticate and may burst), nor are health checks and /metrics.
 */
export const ANONYMOUS_LIMITS: readonly { readonly group: string; readonly match: (url: string, method: string) => boolean; readonly perMinute: number }[] = [
  // The simulator page polls for replies about once a second; sending is limited harder.
  { group: 'chat-poll', match: (u, m) => m === 'GET' && u.startsWith('/chat/api/'), perMinute: 600 },
  { group: 'chat-api', match: (u) => u.startsWith('/chat/api/'), perMinute: 240 },
  { group: 'code-page', match: (u) => u.startsWith('/c/'), perMinute: 60 },
  { group: 'media', match: (u) => u.startsWith('/media/'), perMinute: 300 },
  // Every signed-in Mini App call costs a Graph API request; many phones may share a carrier's address.
  { group: 'mini-app', match: (u) => u.startsWith('/api/miniapp/'), perMinute: 300 },
  // Dashboard: opening or spending login links (guessing is hopeless, but keep it quiet), then pages.
  { group: 'dashboard-login', match: (u) => u.startsWith('/quanly/dangnhap'), perMinute: 20 },
  { group: 'dashboard', match: (u) => u.startsWith('/quanly/') || u === '/quanly', perMinute: 300 },
];

const groupOf = (req: FastifyRequest) => ANONYMOUS_LIMITS.find((l) => l.match(req.url, req.method));

/**
 * The HTTP edge shared by every page and route: security headers on HTML pages (@fastify/helmet;
 * the pages carry their small scripts and styles inline, so scripts stay same-origin or inline and
 * nothing may frame us), and rate limits on anonymous routes counted in Redis (@fastify/rate-limit's
 * Redis store), so several instances behind one proxy share one budget per client. When Redis is
 * down the limit is skipped rather than failing the page.
 */
export async function registerEdge(app: FastifyInstance, opts: { redis: Redis; prefix: string; rateLimits: boolean }): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Venue posters and QR images are fetched by platforms and shown in other sites' previews.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  if (!opts.rateLimits) return;
  await app.register(rateLimit, {
    global: true,
    redis: opts.redis,
    nameSpace: `${opts.prefix}:rate:`,
    skipOnError: true,
    allowList: (req) => groupOf(req) === undefined,
    max: (req) => groupOf(req)?.perMinute ?? 0,
    timeWindow: 60_000,
    keyGenerator: (req) => `${groupOf(req)?.group ?? 'other'}:${req.ip}`,
    // Thrown to the app's error handler, which answers with our JSON error shape.
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error(edgeTexts.banThaoTacQuaNhanh(Math.ceil(ctx.ttl / 1000))), { statusCode: 429, code: 'rate_limited', retryable: true }),
  });
}
