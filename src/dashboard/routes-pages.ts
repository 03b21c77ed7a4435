import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportRegistrations } from '../registration/appointments.js';
import { parseVnDateTime } from '../registration/reminder-plan.js';
import type { DashboardDeps } from './deps.js';
import { BASE } from './layout.js';
import { overviewPage } from './pages/overview-page.js';
import { venueDetailPage, venueListPage } from './pages/venue-pages.js';
import { questionsPage, registrationsPage } from './pages/work-pages.js';
import { scopeOfRequest } from './plugin.js';
import { narrow } from './scope.js';
import { importAppointments } from './use-cases/appointment-import.js';
import { overviewCsv, overviewXlsx, portalXlsx } from './use-cases/exports.js';
import { adoptionOverview } from './use-cases/overview.js';
import { answerQuestion, waitingQuestions } from './use-cases/questions.js';
import { appointOne, listRegistrations, type RegistrationStatus } from './use-cases/registrations.js';
import { dashboardTexts as dt } from './texts.js';
import { listVenues, reissueCode, setVenueStatus, venueDetail, type VenueFilter } from './use-cases/venues.js';

type Q = Record<string, string | undefined>;
const id = (s: string) => {
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
};
/** Flash messages by code: the URL never carries text that the page would show. */
const FLASH = dt.pages.flash;
const isError = (code: string | undefined) => code === 'short' || code === 'badtime' || code === 'already';
const htmlReply = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
const attachment = (reply: FastifyReply, name: string, type: string) => reply.type(type).header('content-disposition', `attachment; filename="${name}"`);

/** Every page of an official (scope-checked in the use-cases). */
export function registerPageRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  /** Pages read memoised check-in figures (at most a minute old); exports count afresh. */
  const overviewFor = (q: Q, req: Parameters<typeof scopeOfRequest>[0], live = false) => {
    const scope = scopeOfRequest(req);
    if (q.xa) narrow(scope, deps.domain, q.xa);
    return adoptionOverview(live ? deps : deps.cachedOverview, q.xa ? [q.xa] : scope.isAdmin ? 'all' : scope.communeIds, deps.now());
  };
  app.get('/', async (req, reply) => htmlReply(reply, overviewPage(scopeOfRequest(req), reply.generateCsrf(), await overviewFor(req.query as Q, req))));
  app.get('/api/tongquan.json', async (req) => ({ ok: true, ...(await overviewFor(req.query as Q, req)) }));
  app.get('/xuat/tongquan.csv', async (req, reply) => {
    const o = await overviewFor(req.query as Q, req, true);
    await audit(deps, req, 'overview.export', { format: 'csv' });
    return attachment(reply, 'tong-quan.csv', 'text/csv; charset=utf-8').send(overviewCsv(o));
  });
  app.get('/xuat/tongquan.xlsx', async (req, reply) => {
    const o = await overviewFor(req.query as Q, req, true);
    await audit(deps, req, 'overview.export', { format: 'xlsx' });
    return attachment(reply, 'tong-quan.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await overviewXlsx(o));
  });

  app.get('/diadiem', async (req, reply) => {
    const q = req.query as Q;
    const f: VenueFilter = {
      text: q.q || undefined,
      typeId: q.loai || undefined,
      communeId: q.xa || undefined,
      status: q.trangthai === 'active' || q.trangthai === 'suspended' ? q.trangthai : undefined,
      checkedIn: q.khaibao === 'yes' || q.khaibao === 'no' ? q.khaibao : undefined,
      page: id(q.trang ?? '1') || 1,
    };
    const title = f.checkedIn === 'no' ? dt.pages.silentVenuesTitle : dt.pages.venuesTitle;
    return htmlReply(reply, venueListPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, f, await listVenues(deps, scopeOfRequest(req), f), deps.now(), title));
  });
  app.get<{ Params: { id: string } }>('/diadiem/:id', async (req, reply) => {
    const d = await venueDetail(deps, scopeOfRequest(req), id(req.params.id));
    const code = (req.query as Q).tb;
    return htmlReply(reply, venueDetailPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, d, code ? FLASH[code] : undefined));
  });
  app.post<{ Params: { id: string }; Body: Q }>('/diadiem/:id/trangthai', { preHandler: app.csrfProtection }, async (req, reply) => {
    const status = req.body.status === 'suspended' ? 'suspended' : 'active';
    await setVenueStatus(deps, scopeOfRequest(req), id(req.params.id), status);
    return reply.redirect(`${BASE}/diadiem/${id(req.params.id)}?tb=${status}`, 303);
  });
  app.post<{ Params: { id: string }; Body: Q }>('/diadiem/:id/capmoi', { preHandler: app.csrfProtection }, async (req, reply) => {
    await reissueCode(deps, scopeOfRequest(req), id(req.params.id), req.body.code ?? '');
    return reply.redirect(`${BASE}/diadiem/${id(req.params.id)}?tb=reissued`, 303);
  });

  app.get('/hoidap', async (req, reply) => {
    const code = (req.query as Q).tb;
    const list = await waitingQuestions(deps, scopeOfRequest(req), (req.query as Q).xa || undefined);
    return htmlReply(reply, questionsPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, list, deps.now(), code && !isError(code) ? FLASH[code] : undefined, code && isError(code) ? FLASH[code] : undefined));
  });
  app.post<{ Params: { id: string }; Body: Q }>('/hoidap/:id/traloi', { preHandler: app.csrfProtection }, async (req, reply) => {
    const r = await answerQuestion(deps, scopeOfRequest(req), id(req.params.id), req.body.answer ?? '');
    return reply.redirect(`${BASE}/hoidap?tb=${r === 'sent' ? 'answered' : r === 'too_short' ? 'short' : 'already'}`, 303);
  });

  const regFilter = (q: Q) => ({ communeId: q.xa || undefined, status: (['registered', 'scheduled', 'cancelled'].includes(q.trangthai ?? '') ? q.trangthai : undefined) as RegistrationStatus | undefined });
  app.get('/dangky', async (req, reply) => {
    const f = regFilter(req.query as Q);
    const rows = await listRegistrations(deps, scopeOfRequest(req), f);
    await audit(deps, req, 'registrations.read', { rows: rows.length });
    const code = (req.query as Q).tb;
    return htmlReply(reply, registrationsPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, f, rows, undefined, code && !isError(code) ? FLASH[code] : undefined, code && isError(code) ? FLASH[code] : undefined));
  });
  app.post<{ Params: { id: string }; Body: Q }>('/dangky/:id/lich', { preHandler: app.csrfProtection }, async (req, reply) => {
    const at = parseVnDateTime((req.body.at ?? '').replace(/\s+/g, ' '));
    const place = (req.body.place ?? '').trim();
    if (!at || at.getTime() <= deps.now().getTime() || place.length < 2) {
      await appointOneCheck(deps, req, id(req.params.id));
      return reply.redirect(`${BASE}/dangky?tb=badtime`, 303);
    }
    await appointOne(deps, scopeOfRequest(req), id(req.params.id), at, place.slice(0, 200));
    return reply.redirect(`${BASE}/dangky?tb=appointed`, 303);
  });
  app.post('/dangky/nhap', { preHandler: app.csrfProtection }, async (req, reply) => {
    const file = await req.file();
    const text = file ? (await file.toBuffer()).toString('utf8') : '';
    const scope = scopeOfRequest(req);
    const report = await importAppointments(deps, scope, text);
    const rows = await listRegistrations(deps, scope, {});
    return htmlReply(reply, registrationsPage(scope, reply.generateCsrf(), deps.domain, {}, rows, report));
  });
  app.get('/xuat/dangky-cong-quoc-gia.xlsx', async (req, reply) => {
    const rows = (await listRegistrations(deps, scopeOfRequest(req), regFilter(req.query as Q))).filter((r) => r.status !== 'cancelled');
    await audit(deps, req, 'registrations.export', { format: 'portal-xlsx', rows: rows.length });
    return attachment(reply, 'dang-ky-tiem-cong-quoc-gia.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await portalXlsx(rows, (c) => deps.domain.communeById(c)?.name ?? c));
  });
  app.get('/xuat/dangky.csv', async (req, reply) => {
    const f = regFilter(req.query as Q);
    const ids = narrow(scopeOfRequest(req), deps.domain, f.communeId);
    await audit(deps, req, 'registrations.export', { format: 'csv' });
    return attachment(reply, 'dang-ky-tiem.csv', 'text/csv; charset=utf-8').send(await exportRegistrations(deps.registrations, ids, (c) => deps.domain.communeById(c)?.name ?? c));
  });
}

/** A bad date still answers 403/404 first for someone else's registration. */
async function appointOneCheck(deps: DashboardDeps, req: Parameters<typeof scopeOfRequest>[0], regId: number): Promise<void> {
  const [row] = await deps.registrations.forIds([regId]);
  if (row) scopeOfRequest(req).assert(row.communeId, `registration ${regId}`);
}

async function audit(deps: DashboardDeps, req: Parameters<typeof scopeOfRequest>[0], action: string, detail: Record<string, unknown>): Promise<void> {
  const scope = scopeOfRequest(req);
  const communeId = (req.query as Q).xa ?? (scope.communeIds.length === 1 ? scope.communeIds[0]! : null);
  await deps.audit.record(deps.db, { officialId: scope.official.id, via: 'dashboard', action, communeId, detail });
}
