import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { closeEvent, exportContacts, followUp, listEvents } from '../tracing/follow-up.js';
import { extendEvent, openPlaceEvent, type WindowInput } from '../tracing/open-place-event.js';
import { TracingInputError, type Caller } from '../tracing/ports.js';
import { previewEvent } from '../tracing/preview-event.js';
import { approveEvent, sendAlerts } from '../tracing/send-alerts.js';
import { openPersonEvent } from '../tracing/share-history.js';
import type { DashboardDeps } from './deps.js';
import { BASE } from './layout.js';
import { tracingEventPage, tracingListPage } from './pages/tracing-pages.js';
import { scopeOfRequest } from './plugin.js';
import { dashboardTexts as dt } from './texts.js';
import { NotFoundError } from './scope.js';

type Body = Record<string, string | undefined>;

/** What an official reads when a tracing use-case refuses (its codes are stable; its messages English). */
const PROBLEMS = dt.tracing.problems;
const FLASH = dt.tracing.flash;

const VN_OFFSET = '+07:00';
/** A window from the form's date and times (Vietnam time); "đến" not after "từ" means the next day. */
function windowOf(b: Body): WindowInput {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(b.ngay ?? '') ? b.ngay! : '';
  const time = (t: string | undefined) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(t ?? '') ? t! : '');
  const from = new Date(`${day}T${time(b.tu)}:00${VN_OFFSET}`);
  let to = new Date(`${day}T${time(b.den)}:00${VN_OFFSET}`);
  if (to.getTime() <= from.getTime()) to = new Date(to.getTime() + 86_400_000);
  return { from, to };
}

/**
 * "Truy vết": the dashboard face of issue 12's use-cases (the same ones the chat, the CLI and the
 * HTTP API call; they write the audit log). An event of another commune is a 403 here, as every
 * record outside the official's scope is on the dashboard.
 */
export function registerTracingRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const tr = deps.tracing;
  const caller = (req: FastifyRequest): Caller => ({ official: scopeOfRequest(req).official, via: 'dashboard' });
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  /** The event id of the URL, after checking it exists (404) and lies in the scope (403). */
  const eventIn = async (req: FastifyRequest<{ Params: { id: string } }>): Promise<{ id: number; communeId: string }> => {
    const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : 0;
    const event = id ? await tr.repo.events.event(id) : undefined;
    if (!event) throw new NotFoundError(`event ${req.params.id}`);
    scopeOfRequest(req).assert(event.communeId, `event ${id}`);
    return { id, communeId: event.communeId };
  };
  /** Runs a form's use-case; a refusal it explains comes back to `back` as a message, not an error page. */
  const act = async (reply: FastifyReply, back: string, work: () => Promise<string>) => {
    try {
      return reply.redirect(await work(), 303);
    } catch (err) {
      if (err instanceof TracingInputError && err.statusCode !== 403 && PROBLEMS[err.code]) return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}loi=${err.code}`, 303);
      throw err;
    }
  };

  app.get('/truyvet', async (req, reply) => {
    const code = (req.query as Body).loi;
    const events = await listEvents(tr, caller(req));
    return html(reply, tracingListPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, events, deps.now(), code ? PROBLEMS[code] : undefined));
  });
  app.post<{ Body: Body }>('/truyvet/mo', { preHandler: app.csrfProtection }, async (req, reply) =>
    act(reply, `${BASE}/truyvet`, async () => `${BASE}/truyvet/${(await openPlaceEvent(tr, caller(req), { venue: req.body.diadiem ?? '', windows: [windowOf(req.body)] })).eventId}`),
  );
  app.post<{ Body: Body }>('/truyvet/mo-ma', { preHandler: app.csrfProtection }, async (req, reply) =>
    act(reply, `${BASE}/truyvet`, async () => {
      const days = Number(req.body.songay);
      const { eventId } = await openPersonEvent(tr, caller(req), { code: req.body.ma ?? '', ...(req.body.xa ? { communeId: req.body.xa } : {}), ...(Number.isInteger(days) && days > 0 ? { days } : {}) });
      return `${BASE}/truyvet/${eventId}`;
    }),
  );

  app.get<{ Params: { id: string } }>('/truyvet/:id', async (req, reply) => {
    const e = await eventIn(req);
    const [preview, figures] = [await previewEvent(tr, caller(req), e.id), await followUp(tr, caller(req), e.id)];
    const q = req.query as Body;
    const flash = q.tb && FLASH[q.tb] ? `${FLASH[q.tb]}${q.tb === 'sent' && q.n ? dt.tracing.willReceive(q.n) : ''}` : undefined;
    return html(reply, tracingEventPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, e.communeId, preview, figures, deps.now(), { flash, error: q.loi ? PROBLEMS[q.loi] : undefined }));
  });
  app.post<{ Params: { id: string } }>('/truyvet/:id/gui', { preHandler: app.csrfProtection }, async (req, reply) => {
    const e = await eventIn(req);
    return act(reply, `${BASE}/truyvet/${e.id}`, async () => `${BASE}/truyvet/${e.id}?tb=sent&n=${(await sendAlerts(tr, caller(req), e.id)).alerted}`);
  });
  app.post<{ Params: { id: string } }>('/truyvet/:id/duyet', { preHandler: app.csrfProtection }, async (req, reply) => {
    const e = await eventIn(req);
    return act(reply, `${BASE}/truyvet/${e.id}`, async () => (await approveEvent(tr, caller(req), e.id), `${BASE}/truyvet/${e.id}?tb=approved`));
  });
  app.post<{ Params: { id: string }; Body: Body }>('/truyvet/:id/them', { preHandler: app.csrfProtection }, async (req, reply) => {
    const e = await eventIn(req);
    return act(reply, `${BASE}/truyvet/${e.id}`, async () => (await extendEvent(tr, caller(req), e.id, { venue: req.body.diadiem ?? '', windows: [windowOf(req.body)] }), `${BASE}/truyvet/${e.id}?tb=extended`));
  });
  app.post<{ Params: { id: string } }>('/truyvet/:id/dong', { preHandler: app.csrfProtection }, async (req, reply) => {
    const e = await eventIn(req);
    return act(reply, `${BASE}/truyvet/${e.id}`, async () => (await closeEvent(tr, caller(req), e.id), `${BASE}/truyvet/${e.id}?tb=closed`));
  });
  app.get<{ Params: { id: string } }>('/truyvet/:id/danh-sach.csv', async (req, reply) => {
    const e = await eventIn(req);
    const { filename, csv } = await exportContacts(tr, caller(req), e.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
  });
}
