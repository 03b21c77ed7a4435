import type { FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../channels/http-util.js';

export const apiError = (code: string, message: string, retryable = false) => ({ ok: false, error: { code, message, retryable } });

/**
 * Officials' API routes sit behind OFFICIALS_API_KEY (Authorization: Bearer <key> or X-Api-Key),
 * compared in constant time. Returns true when the request may go on; otherwise it has answered
 * (404 while the API is off, 401 for a missing or wrong key).
 */
export function checkApiKey(apiKey: string | undefined, req: FastifyRequest, reply: FastifyReply): boolean {
  if (!apiKey) {
    void reply.code(404).send(apiError('api_off', 'the officials API is off: set OFFICIALS_API_KEY'));
    return false;
  }
  const given = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? (req.headers['x-api-key'] as string | undefined);
  if (!given || !constantTimeEqual(given, apiKey)) {
    void reply.code(401).send(apiError('unauthorized', 'a valid officials API key is required'));
    return false;
  }
  return true;
}
