import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../broadcasts/index.js';
import { BroadcastForbiddenError, BroadcastInputError } from '../broadcasts/ports.js';
import type { DashboardDeps } from './deps.js';
import { BASE } from './layout.js';
import { broadcastDetailPage, broadcastListPage, broadcastPreviewPage } from './pages/broadcast-pages.js';
import { scopeOfRequest } from './plugin.js';
import { dashboardTexts as dt } from './texts.js';
import { ForbiddenError, NotFoundError } from './scope.js';

type Body = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const many = (v: string | string[] | undefined) => ([] as (string | undefined)[]).concat(v).filter((x): x is string => typeof x === 'string' && x.length > 0);
const FLASH = dt.broadcasts.flash;
const PROBLEM: [RegExp, string][] = [
  [/text is empty|text:/, dt.broadcasts.badText],
  [/pick at least one commune|communes/, dt.broadcasts.noCommune],
  [/in the past/, dt.broadcasts.past],
  [/schedule|no occurrence/, dt.broadcasts.badSchedule],
  [/button|url/i, dt.broadcasts.badButton],
];
const problemText = (message: string) => PROBLEM.find(([re]) => re.test(message))?.[1] ?? dt.broadcasts.notCreated(message);

/** The compose form as issue 13's compose schema reads it (communes by id, Vietnam local times). */
export function composeInput(b: Body): Record<string, unknown> {
  const kind = one(b.khi);
  const date = one(b.ngay);
  const time = one(b.gio) || '08:00';
  const schedule =
    kind === 'at' ? { kind: 'at', at: `${date}T${time}:00+07:00` }
    : kind === 'daily' || kind === 'weekly' ? { kind: 'repeat', every: kind, time, ...(date ? { from: date } : {}), until: one(b.den), ...(kind === 'weekly' ? { days: many(b.thu).map(Number) } : {}) }
    : { kind: 'now' };
  const label = one(b.nut);
  const url = one(b.lienket);
  return { text: one(b.noidung), communes: many(b.xa), audience: one(b.doituong), schedule, ...(label || url ? { button: { label, url } } : {}) };
}

/**
 * "Thông báo": issue 13's broadcast use-cases on the dashboard (compose → preview → send or ask
 * for approval; progress with pause / resume / cancel; results per commune and CSV). Another
 * commune's broadcast is a 403, an unknown one a 404; the use-cases write the audit log for every
 * change, the dashboard adds the previews and exports it serves.
 */
export function registerBroadcastRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const b = deps.broadcasts;
  const actor = (req: FastifyRequest): Actor => ({ kind: 'official', official: scopeOfRequest(req).official });
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
  const audit = (req: FastifyRequest, action: string, communeIds: readonly string[], subject?: string, detail?: Record<string, unknown>) =>
    deps.audit.record(deps.db, { officialId: scopeOfRequest(req).official.id, via: 'dashboard', action, communeId: communeIds.length === 1 ? communeIds[0]! : null, ...(subject ? { subject } : {}), ...(detail ? { detail } : {}) });
  /** The broadcast of the URL: 404 when unknown, 403 when any of its communes is outside the scope. */
  const broadcastIn = async (req: FastifyRequest<{ Params: { id: string } }>): Promise<number> => {
    const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : 0;
    const row = id ? await b.progress({ kind: 'operator' }, id).catch((err: unknown) => (err instanceof BroadcastInputError ? null : Promise.reject(err))) : null;
    if (!row) throw new NotFoundError(`broadcast ${req.params.id}`);
    for (const c of row.communeIds) scopeOfRequest(req).assert(c, `broadcast ${id}`);
    return id;
  };
  const refused = (err: unknown): never => {
    if (err instanceof BroadcastForbiddenError) throw new ForbiddenError(err.message);
    throw err;
  };
  const listPage = async (req: FastifyRequest, reply: FastifyReply, msg: { error?: string; flash?: string }) =>
    html(reply, broadcastListPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, await b.list(actor(req)), msg));

  app.get('/thongbao', async (req, reply) => {
    const tb = one((req.query as Body).tb);
    return listPage(req, reply, { ...(FLASH[tb] ? { flash: FLASH[tb] } : {}) });
  });
  app.post<{ Body: Body }>('/thongbao/xemtruoc', { preHandler: app.csrfProtection }, async (req, reply) => {
    const input = composeInput(req.body);
    try {
      const preview = await b.preview(actor(req), input);
      await audit(req, 'broadcasts.preview', preview.communeIds, undefined, { recipients: preview.recipients, audience: preview.audience });
      return html(reply, broadcastPreviewPage(scopeOfRequest(req), reply.generateCsrf(), preview, JSON.stringify(input)));
    } catch (err) {
      if (err instanceof BroadcastInputError) return listPage(req, reply.code(400), { error: problemText(err.message) });
      return refused(err);
    }
  });
  app.post<{ Body: Body }>('/thongbao/tao', { preHandler: app.csrfProtection }, async (req, reply) => {
    let input: unknown;
    try {
      input = JSON.parse(one(req.body.input));
    } catch {
      return listPage(req, reply.code(400), { error: dt.broadcasts.badForm });
    }
    try {
      const created = await b.create(actor(req), 'dashboard', input);
      return reply.redirect(`${BASE}/thongbao/${created.id}?tb=${created.status === 'awaiting-approval' ? 'waiting' : 'created'}`, 303);
    } catch (err) {
      if (err instanceof BroadcastInputError) return listPage(req, reply.code(400), { error: problemText(err.message) });
      return refused(err);
    }
  });
  app.get<{ Params: { id: string } }>('/thongbao/:id', async (req, reply) => {
    const id = await broadcastIn(req);
    const [progress, results] = await Promise.all([b.progress(actor(req), id), b.results(actor(req), id)]);
    const tb = one((req.query as Body).tb);
    return html(reply, broadcastDetailPage(scopeOfRequest(req), reply.generateCsrf(), deps.domain, progress, results, FLASH[tb]));
  });
  const ACTIONS = { duyet: 'approve', tamdung: 'pause', tieptuc: 'resume', huy: 'cancel' } as const;
  for (const [path, action] of Object.entries(ACTIONS)) {
    app.post<{ Params: { id: string } }>(`/thongbao/:id/${path}`, { preHandler: app.csrfProtection }, async (req, reply) => {
      const id = await broadcastIn(req);
      try {
        await b[action](actor(req), 'dashboard', id);
      } catch (err) {
        if (err instanceof BroadcastInputError) return reply.redirect(`${BASE}/thongbao/${id}`, 303); // already moved on (e.g. done meanwhile)
        refused(err);
      }
      return reply.redirect(`${BASE}/thongbao/${id}?tb=${path}`, 303);
    });
  }
  app.get<{ Params: { id: string } }>('/thongbao/:id/ket-qua.csv', async (req, reply) => {
    const id = await broadcastIn(req);
    const csv = await b.resultsCsv(actor(req), id);
    const progress = await b.progress(actor(req), id);
    await audit(req, 'broadcasts.export', progress.communeIds, `broadcast:${id}`, { format: 'csv' });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ket-qua-thong-bao-${id}.csv"`).send(csv);
  });
}
