import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { answerLinkRequest, confirmQuestion, issueLinkCode, LINK_CODE_MINUTES } from '../../src/account-link/link-feature.js';
import type { ChatAddress, LinkStore } from '../../src/account-link/ports.js';
import { checkinTexts } from '../../src/checkin/texts.js';
import type { CheckInUseCases, VenueLookup } from '../../src/checkin/use-cases.js';
import type { ContactsRepo } from '../../src/db/repos/contacts-repo.js';
import type { Clock } from '../../src/domain/clock.js';
import { checkInAnswer, type VenueView } from './answers.js';
import { GraphUnavailableError, type ZaloGraphClient } from './graph.js';
import { miniAppTexts as t } from './texts.js';
import { AppError } from '../../src/domain/errors.js';

export const MINI_APP_CHANNEL = 'zalo-mini-app';
/** Channels that can carry an exposure alert to a person (the Mini App itself cannot receive messages). */
const ALERT_CHANNELS = new Set(['zalo-oa', 'zalo-bot', 'telegram']);

export interface MiniAppApiDeps {
  readonly appId: string;
  readonly graph: ZaloGraphClient;
  readonly contacts: ContactsRepo;
  readonly links: LinkStore;
  readonly visits: CheckInUseCases;
  readonly clock: Clock;
  communeName(id: string): string | undefined;
  /** The OA the app offers to follow (alerts) and pre-fills the link code for; unset: no OA. */
  readonly oaId: string | undefined;
  /** VISIT_RETENTION_DAYS, quoted in the first-use notice and under the history. */
  readonly retentionDays: number;
  /** Tells a chat the outcome of its link request (through the outbox). */
  notify(to: ChatAddress, text: string): Promise<void>;
}

/** An error the app shows as is: `message` is Vietnamese for the resident; `retryable` says whether trying again can help. */
class ApiError extends AppError {
  constructor(readonly status: number, code: string, message: string, retryable = false) {
    super(code, message, { retryable });
  }
}

const token = z.string().min(1).max(4096);
const authed = z.object({ accessToken: token });
const checkinBody = authed.extend({
  venueToken: z.string().min(1).max(200),
  /** One id per tap: a retried request checks in once. */
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
  selfToo: z.boolean().optional(),
  dependentIds: z.array(z.number().int().positive()).max(20).optional(),
});
const addMember = authed.extend({ name: z.string().max(200), birthYear: z.number().int().nullable().optional(), relation: z.string().max(200).nullable().optional() });
const removeMember = authed.extend({ id: z.number().int().positive() });
const linkAnswer = authed.extend({ accept: z.boolean() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError(400, 'bad_request', t.badRequest);
  return r.data;
}

function unusable(lookup: Exclude<VenueLookup, { kind: 'venue' }>): ApiError {
  if (lookup.kind === 'revoked') return new ApiError(404, 'venue_code_revoked', checkinTexts.revoked);
  if (lookup.kind === 'suspended') return new ApiError(409, 'venue_suspended', checkinTexts.suspended);
  return new ApiError(404, 'venue_not_found', t.invalidVenue);
}

/**
 * The Zalo Mini App's server side, under /api/miniapp. Who may call: anyone may look up a venue by
 * its signed token (the same facts the poster's /c/ page shows); every other route needs a Zalo
 * access token of our Mini App, verified with the Graph API, and acts only on the data of the person
 * it belongs to. No cookies are used, so answers carry `Access-Control-Allow-Origin: *` (the app
 * is served from Zalo's hosts, not ours). Errors are JSON `{ok: false, error: {code, message, retryable}}`.
 */
export function miniAppPlugin(deps: MiniAppApiDeps): FastifyPluginAsync {
  const venueView = (v: { name: string; address: string; communeId: string }, label?: string | null): VenueView => ({
    name: v.name,
    address: v.address,
    commune: deps.communeName(v.communeId) ?? null,
    label: label ?? null,
  });

  /** The person behind a token: their Mini App contact, and the primary contact owning their data. */
  async function person(accessToken: string): Promise<{ contactId: number; chatContactId: number }> {
    let check;
    try {
      check = await deps.graph.verify(accessToken);
    } catch (err) {
      if (err instanceof GraphUnavailableError) throw new ApiError(503, 'zalo_unavailable', t.graphDown, true);
      throw err;
    }
    if (!check.ok) throw new ApiError(401, 'invalid_access_token', t.unauthorized);
    const now = deps.clock.now();
    // The Mini App cannot receive messages: never pick it as the chat that alerts and reminders go to.
    const contact = await deps.contacts.upsertFromEvent(
      { channel: MINI_APP_CHANNEL, botId: deps.appId, chatId: check.zaloId, userId: check.zaloId, at: now, body: { type: 'other', what: 'mini-app' } },
      { noMessages: 'mini-app: receives no messages' },
    );
    return { contactId: contact.linkedTo ?? contact.id, chatContactId: contact.id };
  }

  const send = (reply: FastifyReply, err: ApiError) => reply.code(err.status).send({ ok: false, error: { code: err.code, message: err.message, retryable: err.retryable } });
  const handle = <T>(fn: (req: FastifyRequest) => Promise<T>) => async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      return await fn(req);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status >= 500) req.log.warn({ code: err.code }, 'mini app request failed');
      else req.log.info({ code: err.code, url: req.url }, 'mini app request refused');
      return send(reply, err);
    }
  };

  return async (app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store');
    });
    app.options('/api/miniapp/*', async (_req, reply) =>
      reply.code(204).header('access-control-allow-methods', 'GET, POST, OPTIONS').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').send(),
    );

    app.get<{ Params: { token: string } }>('/api/miniapp/venues/:token', handle(async (req) => {
      const found = await deps.visits.lookup((req.params as { token: string }).token);
      if (found.kind !== 'venue') throw unusable(found);
      return { venue: venueView(found.venue, found.code.label), retentionDays: deps.retentionDays };
    }));

    app.post('/api/miniapp/checkin', handle(async (req) => {
      const body = parse(checkinBody, req.body);
      const me = await person(body.accessToken);
      const now = deps.clock.now();
      const result = await deps.visits.checkInByToken({
        contactId: me.contactId,
        token: body.venueToken,
        who: { selfToo: body.selfToo ?? true, dependentIds: body.dependentIds ?? [] },
        now,
        dedupeKey: `ma${me.chatContactId}:${body.requestId ?? now.getTime()}`,
      });
      if (result.kind === 'unusable') throw unusable(result.lookup);
      const names = body.dependentIds?.length ? (await deps.visits.dependents(me.contactId)).filter((d) => body.dependentIds!.includes(d.id)).map((d) => d.name) : [];
      const answer = checkInAnswer(result.outcome, venueView(result.venue), now, names);
      if ('error' in answer) throw new ApiError(answer.error.status, answer.error.code, answer.error.message);
      return answer;
    }));

    app.post('/api/miniapp/checkout', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      const now = deps.clock.now();
      const closed = await deps.visits.checkOut(me.contactId, now);
      const venues = [...new Set(closed.map((v) => v.venueName))];
      const names = new Map((await deps.visits.dependents(me.contactId)).map((d) => [d.id, d.name]));
      const whose = closed.map((v) => ({ who: v.dependentId === null ? null : (names.get(v.dependentId) ?? checkinTexts.aRelative), venue: v.venueName }));
      return { checkedOut: venues, at: now.toISOString(), message: venues.length ? checkinTexts.checkedOut(whose, now) : checkinTexts.nothingOpen };
    }));

    app.post('/api/miniapp/history', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      const visits = await deps.visits.history(me.contactId, deps.clock.now());
      return {
        visits: visits.map((v) => ({ venue: v.venueName, dependent: v.dependentName, checkedInAt: v.checkedInAt.toISOString(), checkedOutAt: v.checkedOutAt?.toISOString() ?? null })),
        note: checkinTexts.historyPrivacy(deps.retentionDays),
      };
    }));

    app.post('/api/miniapp/history/delete', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      const n = await deps.visits.deleteHistory(me.contactId);
      return { deleted: n, message: checkinTexts.deleted(n) };
    }));

    app.post('/api/miniapp/family', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      return { members: await deps.visits.dependents(me.contactId) };
    }));

    app.post('/api/miniapp/family/add', handle(async (req) => {
      const body = parse(addMember, req.body);
      const me = await person(body.accessToken);
      const r = await deps.visits.addDependent(me.contactId, body, deps.clock.now());
      if (!r.ok) throw new ApiError(400, `bad_${r.field}`, r.field === 'name' ? t.badDependentName : t.badDependentYear);
      return { member: r.dependent };
    }));

    app.post('/api/miniapp/family/remove', handle(async (req) => {
      const body = parse(removeMember, req.body);
      const me = await person(body.accessToken);
      if (!(await deps.visits.removeDependent(me.contactId, body.id))) throw new ApiError(404, 'member_not_found', t.notFound);
      return { removed: true };
    }));

    app.post('/api/miniapp/me', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      const open = (await deps.visits.openVisits(me.contactId)).find((v) => v.dependentId === null);
      const chats = await deps.links.chatsOf(me.chatContactId);
      const alertChannels = [...new Set(chats.map((c) => c.channel).filter((c) => ALERT_CHANNELS.has(c)))];
      return {
        openVisit: open ? { venue: open.venueName, since: open.checkedInAt.toISOString() } : null,
        alerts: { reachable: alertChannels.length > 0, channels: alertChannels },
        oaId: deps.oaId ?? null,
      };
    }));

    app.post('/api/miniapp/link-code', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      const code = await issueLinkCode(deps.links, me.chatContactId, deps.clock.now());
      if (!code) throw new ApiError(503, 'link_busy', t.linkBusy, true);
      return { code, message: t.linkMessage(code), expiresInMinutes: LINK_CODE_MINUTES };
    }));

    // The app showed a link code: the chat that typed it waits for the same "Đồng ý?" a chat would answer.
    app.post('/api/miniapp/link/pending', handle(async (req) => {
      const me = await person(parse(authed, req.body).accessToken);
      const pending = await deps.links.pending(me.chatContactId, deps.clock.now());
      return { pending: pending ? { channel: pending.channel, message: confirmQuestion(pending.channel) } : null };
    }));

    app.post('/api/miniapp/link/confirm', handle(async (req) => {
      const body = parse(linkAnswer, req.body);
      const me = await person(body.accessToken);
      const r = await answerLinkRequest(deps.links, me.chatContactId, body.accept, deps.clock.now());
      if (r.kind === 'nothing') throw new ApiError(409, 'no_link_request', r.message);
      if (r.notice) await deps.notify(r.notice.to, r.notice.text);
      return { linked: r.kind === 'linked', message: r.message };
    }));
  };
}
