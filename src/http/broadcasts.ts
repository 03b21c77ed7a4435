import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Broadcasts, BroadcastOfficial } from '../broadcasts/index.js';
import { BroadcastForbiddenError, BroadcastInputError } from '../broadcasts/ports.js';
import { apiError, checkApiKey } from './api-key.js';
import { bearerToken } from './official-auth.js';
import { broadcastApiTexts } from './texts.js';

export interface BroadcastApiDeps {
  readonly broadcasts: Broadcasts;
  /** OFFICIALS_API_KEY: the deployment's operator key (acts for the whole area). */
  readonly apiKey: string | undefined;
  /** Issue 10's personal API tokens (`qtm_...`) → the official, or null when unknown or revoked. */
  forToken(token: string, now: Date): Promise<BroadcastOfficial | null>;
}

/**
 * Who calls: an official by their personal API token (`Authorization: Bearer qtm_...`, scoped to
 * their communes), or the operator holding OFFICIALS_API_KEY (whole area, may approve). Anyone
 * else gets 401 (404 while no key is configured and no token is given).
 */
async function actorOf(deps: BroadcastApiDeps, req: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  const token = bearerToken(req);
  if (token?.startsWith('qtm_')) {
    const official = await deps.forToken(token, new Date());
    if (!official) {
      await reply.code(401).send(apiError('unauthorized', 'unknown or revoked personal API token'));
      return null;
    }
    return { kind: 'official', official };
  }
  return checkApiKey(deps.apiKey, req, reply) ? { kind: 'operator' } : null;
}

async function answer(reply: FastifyReply, work: () => Promise<unknown>): Promise<FastifyReply> {
  try {
    const result = await work();
    return reply.send(result ?? { ok: true });
  } catch (err) {
    if (err instanceof BroadcastForbiddenError) return reply.code(403).send(apiError('forbidden', err.message));
    if (err instanceof BroadcastInputError) return reply.code(/^no (broadcast|campaign)/.test(err.message) ? 404 : 400).send(apiError('invalid_input', err.message));
    throw err;
  }
}

/**
 * The broadcasts API the dashboard uses (JSON; CSV for results): preview, create, list, progress,
 * approve / pause / resume / cancel, results. Every route resolves the caller first; an official
 * only ever sees and acts on broadcasts within their communes. Also the public button-link
 * redirect `GET /b/<token>` that records a tap.
 */
export function broadcastsPlugin(deps: BroadcastApiDeps): FastifyPluginAsync {
  return async (app) => {
    const b = deps.broadcasts;
    const id = (req: FastifyRequest<{ Params: { id: string } }>) => Number(req.params.id);

    app.post('/api/broadcasts/preview', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      return actor ? answer(reply, () => b.preview(actor, req.body)) : reply;
    });
    app.post('/api/broadcasts', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      return actor ? answer(reply.code(201), () => b.create(actor, 'api', req.body)) : reply;
    });
    app.get('/api/broadcasts', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      return actor ? answer(reply, async () => ({ broadcasts: await b.list(actor) })) : reply;
    });
    app.get<{ Params: { id: string } }>('/api/broadcasts/:id', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      return actor ? answer(reply, () => b.progress(actor, id(req))) : reply;
    });
    for (const action of ['approve', 'pause', 'resume', 'cancel'] as const) {
      app.post<{ Params: { id: string } }>(`/api/broadcasts/:id/${action}`, async (req, reply) => {
        const actor = await actorOf(deps, req, reply);
        return actor ? answer(reply, async () => (await b[action](actor, 'api', id(req)), { ok: true, ...(await b.progress(actor, id(req))) })) : reply;
      });
    }
    app.get<{ Params: { id: string } }>('/api/broadcasts/:id/results', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      return actor ? answer(reply, async () => ({ results: await b.results(actor, id(req)) })) : reply;
    });
    app.get<{ Params: { id: string } }>('/api/broadcasts/:id/results.csv', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      if (!actor) return reply;
      return answer(reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ket-qua-thong-bao-${id(req)}.csv"`), () => b.resultsCsv(actor, id(req)));
    });
    app.post('/api/campaigns', async (req, reply) => {
      const actor = await actorOf(deps, req, reply);
      return actor ? answer(reply.code(201), () => b.createCampaign(actor, 'api', req.body)) : reply;
    });

    app.get<{ Params: { token: string } }>('/b/:token', async (req, reply) => {
      const target = await b.tap(req.params.token);
      if (!target) return reply.code(404).type('text/plain; charset=utf-8').send(broadcastApiTexts.lienKetKhongDungHoac);
      return reply.redirect(target, 302);
    });
  };
}
