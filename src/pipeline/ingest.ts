import type { Logger } from 'pino';
import type { ChannelAdapter, WebhookRequest } from '../channels/contract.js';
import type { InboundRepo } from '../db/repos/inbound-repo.js';
import { withTimeout } from '../db/client.js';
import { isDataRefusal, safePayload } from './safe-payload.js';

export interface IngestDeps {
  readonly inbound: InboundRepo;
  readonly log: Logger;
  enqueueInbound(id: number): Promise<void>;
}

export interface IngestResult {
  readonly status: 200 | 400 | 401 | 503;
  readonly body: { readonly ok: boolean; readonly error?: { readonly code: string; readonly message: string; readonly retryable: boolean } };
}

/** Storing an update waits at most this long; then the platform hears 503 and redelivers later. */
export const STORE_DEADLINE_MS = 1500;

const ok: IngestResult = { status: 200, body: { ok: true } };
const fail = (status: 400 | 401 | 503, code: string, message: string): IngestResult => ({
  status,
  body: { ok: false, error: { code, message, retryable: status === 503 } },
});

/**
 * The whole job of a webhook: authenticate, record durably, enqueue, answer. The row is written
 * before we answer 200; if the job cannot be queued we answer 503 so the platform redelivers, and
 * the redelivery (or the sweep) queues it. A duplicate delivery is answered 200 and queued at most
 * once more (job ids are row ids), so it is processed once.
 */
export async function ingest(deps: IngestDeps, adapter: ChannelAdapter, req: WebhookRequest): Promise<IngestResult> {
  if (!adapter.verify(req)) {
    deps.log.warn({ channel: adapter.channel }, 'webhook authentication failed');
    return fail(401, 'unauthorized', 'webhook authentication failed');
  }
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    deps.log.warn({ channel: adapter.channel, bytes: req.rawBody.length }, 'webhook body is not JSON');
    return fail(400, 'malformed_json', 'body is not valid JSON');
  }
  const parsed = adapter.parse(body);
  if (!parsed.ok) {
    deps.log.warn({ channel: adapter.channel, reason: parsed.reason }, 'webhook body rejected');
    return fail(400, 'malformed_update', parsed.reason);
  }
  const row = { channel: adapter.channel, botId: adapter.botId, key: parsed.key, chatId: parsed.chatId, payload: body, status: parsed.event ? 'received' : 'ignored' };
  let stored;
  try {
    stored = await withTimeout(deps.inbound.store(row), STORE_DEADLINE_MS);
  } catch (err) {
    if (!isDataRefusal(err)) {
      deps.log.error({ err: String(err), channel: adapter.channel }, 'cannot store update: database unavailable');
      return fail(503, 'database_unavailable', 'cannot store the update now; retry later');
    }
    // Postgres refused this update's data (NUL, lone surrogate, absurd nesting): keep a safe form.
    try {
      stored = await withTimeout(deps.inbound.store({ ...row, payload: safePayload(body) }), STORE_DEADLINE_MS);
      deps.log.warn({ channel: adapter.channel, key: parsed.key, err: String(err) }, 'update stored in a safe form (Postgres refused it as sent)');
    } catch (again) {
      if (!isDataRefusal(again)) return fail(503, 'database_unavailable', 'cannot store the update now; retry later');
      deps.log.warn({ channel: adapter.channel, key: parsed.key, err: String(again) }, 'update refused: it cannot be stored');
      return fail(400, 'unstorable_update', 'the update cannot be stored');
    }
  }
  if (stored.status !== 'received') return ok;
  try {
    await deps.enqueueInbound(stored.id);
  } catch (err) {
    deps.log.error({ err: String(err), updateId: stored.id }, 'stored update not queued: Redis unavailable');
    return fail(503, 'queue_unavailable', 'update stored but not queued; retry later');
  }
  return ok;
}
