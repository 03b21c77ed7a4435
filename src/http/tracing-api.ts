import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Official } from '../officials/types.js';
import { listAlertTemplates, setAlertTemplate } from '../tracing/alert-templates.js';
import type { TracingDeps } from '../tracing/deps.js';
import { closeEvent, exportContacts, followUp, listEvents } from '../tracing/follow-up.js';
import { extendEvent, openPlaceEvent } from '../tracing/open-place-event.js';
import type { Caller } from '../tracing/ports.js';
import { previewEvent } from '../tracing/preview-event.js';
import { approveEvent, sendAlerts } from '../tracing/send-alerts.js';
import { openPersonEvent } from '../tracing/share-history.js';
import { apiError } from './api-key.js';
import { officialAuth } from './official-auth.js';

export interface TracingApiDeps {
  readonly tracing: TracingDeps;
  forToken(token: string, now: Date): Promise<Official | null>;
  now(): Date;
}

const windowsSchema = z.array(z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })).min(1).max(20);
const openSchema = z.union([
  z.object({ venue: z.string().min(1).max(300), windows: windowsSchema }),
  z.object({ shareCode: z.string().min(4).max(40), communeId: z.string().max(100).optional(), days: z.number().int().min(1).max(60).optional() }),
]);
const extendSchema = z.object({ venue: z.string().min(1).max(300), windows: windowsSchema });
const toWindows = (w: z.infer<typeof windowsSchema>) => w.map((x) => ({ from: new Date(x.from), to: new Date(x.to) }));

/**
 * The officials' tracing API for the dashboard, under /api/tracing/*: every route needs a personal
 * API token (an official; 401 otherwise) and every use-case checks the commune scope itself (an
 * event of another commune is 404, a venue of another commune 403). Errors are JSON with `retryable`.
 */
export function tracingApiPlugin(deps: TracingApiDeps): FastifyPluginAsync {
  return async (app) => {
    const requireOfficial = officialAuth(app, { forToken: deps.forToken, now: deps.now });
    const tr = deps.tracing;
    const caller = (official: Official): Caller => ({ official, via: 'api' });
    const idOf = (p: { id: string }) => (/^\d{1,15}$/.test(p.id) ? Number(p.id) : -1);
    const bad = (message: string) => apiError('invalid_input', message);

    app.get('/api/tracing/events', { preHandler: requireOfficial }, async (req) => ({ ok: true, events: await listEvents(tr, caller(req.official)) }));

    app.post('/api/tracing/events', { preHandler: requireOfficial }, async (req, reply) => {
      const body = openSchema.safeParse(req.body);
      if (!body.success) return reply.code(400).send(bad(body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
      const c = caller(req.official);
      const { eventId } = 'venue' in body.data
        ? await openPlaceEvent(tr, c, { venue: body.data.venue, windows: toWindows(body.data.windows) })
        : await openPersonEvent(tr, c, { code: body.data.shareCode, ...(body.data.communeId ? { communeId: body.data.communeId } : {}), ...(body.data.days ? { days: body.data.days } : {}) });
      return reply.code(201).send({ ok: true, preview: await previewEvent(tr, c, eventId) });
    });

    app.post<{ Params: { id: string } }>('/api/tracing/events/:id/windows', { preHandler: requireOfficial }, async (req, reply) => {
      const body = extendSchema.safeParse(req.body);
      if (!body.success) return reply.code(400).send(bad(body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
      const c = caller(req.official);
      await extendEvent(tr, c, idOf(req.params), { venue: body.data.venue, windows: toWindows(body.data.windows) });
      return { ok: true, preview: await previewEvent(tr, c, idOf(req.params)) };
    });

    app.get<{ Params: { id: string } }>('/api/tracing/events/:id', { preHandler: requireOfficial }, async (req) => ({ ok: true, followUp: await followUp(tr, caller(req.official), idOf(req.params)) }));
    app.get<{ Params: { id: string } }>('/api/tracing/events/:id/preview', { preHandler: requireOfficial }, async (req) => ({ ok: true, preview: await previewEvent(tr, caller(req.official), idOf(req.params)) }));
    app.post<{ Params: { id: string } }>('/api/tracing/events/:id/send', { preHandler: requireOfficial }, async (req) => ({ ok: true, ...(await sendAlerts(tr, caller(req.official), idOf(req.params))) }));
    app.post<{ Params: { id: string } }>('/api/tracing/events/:id/approve', { preHandler: requireOfficial }, async (req) => ({ ok: true, ...(await approveEvent(tr, caller(req.official), idOf(req.params))) }));
    app.post<{ Params: { id: string } }>('/api/tracing/events/:id/close', { preHandler: requireOfficial }, async (req) => ({ ok: true, ...(await closeEvent(tr, caller(req.official), idOf(req.params))) }));

    app.get<{ Params: { id: string } }>('/api/tracing/events/:id/contacts.csv', { preHandler: requireOfficial }, async (req, reply) => {
      const { filename, csv } = await exportContacts(tr, caller(req.official), idOf(req.params));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(csv);
    });

    app.get('/api/tracing/template', { preHandler: requireOfficial }, async () => ({ ok: true, versions: await listAlertTemplates(tr) }));
    app.put('/api/tracing/template', { preHandler: requireOfficial }, async (req, reply) => {
      const body = z.object({ body: z.string().min(20).max(4000) }).safeParse(req.body);
      if (!body.success) return reply.code(400).send(bad('give the template text as {"body": "..."}'));
      return { ok: true, ...(await setAlertTemplate(tr, caller(req.official), body.data.body)) };
    });
  };
}
