import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../domain/clock.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { VenueDomain } from '../venue-ops/ports.js';
import { apiError, checkApiKey } from './api-key.js';
import { communeReport, communeReportCsv } from '../venue-ops/reports.js';

export interface ReportDeps {
  readonly apiKey: string | undefined;
  readonly domain: VenueDomain;
  readonly repo: VenueRepo;
  readonly clock: Clock;
  /** Pre-registrations of some communes as CSV. */
  registrationsCsv(communeIds: readonly string[]): Promise<string>;
  /** Re-reads the FAQ topic files; throws (naming the file) when one is broken. */
  reloadFaq(): Promise<{ topics: number }>;
}


/** Officials' API: GET /api/reports/venues.csv, GET /api/reports/registrations.csv and POST /api/faq/reload, behind OFFICIALS_API_KEY (Authorization: Bearer <key> or X-Api-Key). */
export function reportsPlugin(deps: ReportDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { commune?: string } }>('/api/reports/venues.csv', async (req, reply) => {
      if (!checkApiKey(deps.apiKey, req, reply)) return reply;
      let communes: string[] | 'all' = 'all';
      if (req.query.commune) {
        const found = deps.domain.searchCommunes(req.query.commune);
        if (found.length !== 1) return reply.code(400).send(apiError('bad_commune', `commune "${req.query.commune}" matches ${found.length} communes`));
        communes = [found[0]!.id];
      }
      const rows = await communeReport(deps.domain, deps.repo, communes, deps.clock.now());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="bao-cao-dia-diem.csv"')
        .send(communeReportCsv(rows));
    });

    app.get<{ Querystring: { commune?: string } }>('/api/reports/registrations.csv', async (req, reply) => {
      if (!checkApiKey(deps.apiKey, req, reply)) return reply;
      let ids = deps.domain.communes.map((c) => c.id);
      if (req.query.commune) {
        const found = deps.domain.searchCommunes(req.query.commune);
        if (found.length !== 1) return reply.code(400).send(apiError('bad_commune', `commune "${req.query.commune}" matches ${found.length} communes`));
        ids = [found[0]!.id];
      }
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="dang-ky-tiem.csv"').header('cache-control', 'no-store').send(await deps.registrationsCsv(ids));
    });

    app.post('/api/faq/reload', async (req, reply) => {
      if (!checkApiKey(deps.apiKey, req, reply)) return reply;
      try {
        return { ok: true, ...(await deps.reloadFaq()) };
      } catch (err) {
        req.log.warn({ err }, 'knowledge base reload refused; the previous one keeps answering');
        return reply.code(422).send(apiError('bad_topic_file', err instanceof Error ? err.message : String(err)));
      }
    });
  };
}
