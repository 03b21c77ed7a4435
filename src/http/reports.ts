import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditLog } from '../audit/audit-log.js';
import { communesOfEntry } from '../audit/scope-entry.js';
import type { Clock } from '../domain/clock.js';
import type { Db } from '../db/client.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import { assertInScope, type Official } from '../officials/types.js';
import type { VenueDomain } from '../venue-ops/ports.js';
import { apiError, checkApiKey } from './api-key.js';
import { bearerToken, officialAuth } from './official-auth.js';
import { communeReport, communeReportCsv } from '../venue-ops/reports.js';

export interface ReportDeps {
  /** The shared key: only for routes without personal data (adoption figures, FAQ reload). */
  readonly apiKey: string | undefined;
  readonly domain: VenueDomain;
  readonly repo: VenueRepo;
  readonly clock: Clock;
  readonly db: Db;
  readonly audit: AuditLog;
  forToken(token: string, now: Date): Promise<Official | null>;
  /** Pre-registrations of some communes as CSV. */
  registrationsCsv(communeIds: readonly string[]): Promise<string>;
  /** Re-reads the FAQ topic files; throws (naming the file) when one is broken. */
  reloadFaq(): Promise<{ topics: number }>;
}

type Query = { Querystring: { commune?: string } };

/**
 * Officials' API. Personal data (`/api/reports/registrations.csv`) needs a personal token
 * (`Authorization: Bearer qtm_...`), is limited to the official's communes and is audited.
 * Adoption figures (`/api/reports/venues.csv`) take a personal token or the shared
 * OFFICIALS_API_KEY; `/api/faq/reload` takes the shared key or an admin's token.
 */
export function reportsPlugin(deps: ReportDeps): FastifyPluginAsync {
  return async (app) => {
    const requireOfficial = officialAuth(app, { forToken: deps.forToken, now: () => deps.clock.now() });
    const isPersonalToken = (req: FastifyRequest) => bearerToken(req)?.startsWith('qtm_') ?? false;

    /** The communes a request asks for: ?commune (which must be in scope), else all the caller may see. */
    const communesOf = (req: FastifyRequest<Query>, reply: FastifyReply, scope: readonly string[]): string[] | null => {
      if (!req.query.commune) return [...scope];
      const found = deps.domain.searchCommunes(req.query.commune);
      if (found.length !== 1) {
        void reply.code(400).send(apiError('bad_commune', `commune "${req.query.commune}" matches ${found.length} communes`));
        return null;
      }
      if (req.official) assertInScope(req.official, found[0]!.id);
      return [found[0]!.id];
    };

    app.get<Query>('/api/reports/venues.csv', async (req, reply) => {
      if (isPersonalToken(req)) {
        await requireOfficial(req, reply);
        if (reply.sent) return reply;
      } else if (!checkApiKey(deps.apiKey, req, reply)) return reply;
      const ids = communesOf(req, reply, req.official?.communeIds ?? deps.domain.communes.map((c) => c.id));
      if (!ids) return reply;
      const rows = await communeReport(deps.domain, deps.repo, req.official || req.query.commune ? ids : 'all', deps.clock.now());
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="bao-cao-dia-diem.csv"').send(communeReportCsv(rows));
    });

    app.get<Query>('/api/reports/registrations.csv', { preHandler: requireOfficial }, async (req, reply) => {
      const ids = communesOf(req, reply, req.official.communeIds);
      if (!ids) return reply;
      const csv = await deps.registrationsCsv(ids);
      await deps.audit.record(deps.db, { officialId: req.official.id, via: 'api', action: 'registrations.export', ...communesOfEntry(ids, { rows: csv.trimEnd().split('\r\n').length - 1 }) });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="dang-ky-tiem.csv"').header('cache-control', 'no-store').send(csv);
    });

    app.post('/api/faq/reload', async (req, reply) => {
      if (isPersonalToken(req)) {
        await requireOfficial(req, reply);
        if (reply.sent) return reply;
        if (req.official.role !== 'admin') return reply.code(403).send(apiError('forbidden', 'only an admin may reload the knowledge base'));
      } else if (!checkApiKey(deps.apiKey, req, reply)) return reply;
      try {
        return { ok: true, ...(await deps.reloadFaq()) };
      } catch (err) {
        req.log.warn({ err }, 'knowledge base reload refused; the previous one keeps answering');
        return reply.code(422).send(apiError('bad_topic_file', err instanceof Error ? err.message : String(err)));
      }
    });
  };
}
