import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Official } from '../officials/types.js';
import { apiError } from './api-key.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The official a personal API token (or, later, a dashboard session) acts as; set by `requireOfficial`. */
    official: Official;
  }
}

export interface OfficialAuthDeps {
  forToken(token: string, now: Date): Promise<Official | null>;
  now(): Date;
}

/** The bearer token of a request (`Authorization: Bearer <token>`), if any. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/**
 * Decorates requests with `official` and returns the pre-handler that fills it from a personal API
 * token: 401 (JSON) without a token or with an unknown or revoked one. Scope checks (which
 * communes) are the use-cases' job (`assertInScope`), so one rule holds for chat, API and dashboard.
 */
export function officialAuth(app: FastifyInstance, deps: OfficialAuthDeps) {
  if (!app.hasRequestDecorator('official')) app.decorateRequest('official', null as unknown as Official);
  return async function requireOfficial(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = bearerToken(req);
    const official = token ? await deps.forToken(token, deps.now()) : null;
    if (!official) {
      await reply.code(401).send(apiError('unauthorized', 'a valid personal API token is required (npm run cli -- officials:token <id>)'));
      return;
    }
    req.official = official;
  };
}
