import { readFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { MediaStore } from '../../src/db/repos/media-repo.js';
import { ingest, type IngestDeps } from '../../src/pipeline/ingest.js';
import { roles, simulatorChatId, type WebSimulatorAdapter } from './adapter.js';
import { webTexts } from './texts.js';

const PHOTO_LIMIT = 10 * 1024 * 1024;
const pageFile = new URL('./page.html', import.meta.url);

interface Deps {
  readonly adapter: WebSimulatorAdapter;
  readonly ingest: IngestDeps;
  readonly media: MediaStore;
}

/** A hash of the client address (the page cannot set it: the server overwrites what was posted). */
const clientKey = (ip: string) => createHash('sha256').update(`quetma-sim-client:${ip}`).digest('hex').slice(0, 32);

const badRequest = (message: string) => ({ ok: false, error: { code: 'bad_request', message, retryable: false } });

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page with its words filled in: `{{texts}}` as a script object, `{{key}}` as escaped markup. */
function fillPage(html: string): string {
  const json = JSON.stringify(webTexts).replace(/</g, '\\u003c');
  return html.replace('{{texts}}', json).replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const text = (webTexts as Record<string, string>)[key];
    if (text === undefined) throw new Error(`page.html names ${whole}, which bots/web/texts.ts does not have`);
    return escapeHtml(text);
  });
}

/**
 * The simulator's HTTP side: the chat page and a tiny JSON API. Messages go through the same
 * ingest (store, queue) and conversation core as a real platform webhook.
 */
export function simulatorPlugin(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const page = fillPage(await readFile(pageFile, 'utf8'));
    app.get('/', async (_req, reply) => reply.redirect('/chat'));
    app.get('/chat', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));

    app.post('/chat/api/messages', async (req, reply) => {
      const body = req.body && typeof req.body === 'object' ? { ...(req.body as object), client: clientKey(req.ip) } : req.body;
      const result = await ingest(deps.ingest, deps.adapter, { headers: req.headers, rawBody: JSON.stringify(body ?? null) });
      return reply.code(result.status).send(result.body);
    });

    app.register(async (photo) => {
      photo.addContentTypeParser(/^(image\/.*|application\/octet-stream)$/, { parseAs: 'buffer', bodyLimit: PHOTO_LIMIT }, (_r, body, done) => done(null, body));
      photo.post<{ Querystring: Record<string, string> }>('/chat/api/photo', async (req, reply) => {
        const { session = '', role = '' } = req.query;
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) return reply.code(400).send(badRequest('empty photo'));
        if (!/^[A-Za-z0-9_-]{8,64}$/.test(session) || !(roles as readonly string[]).includes(role)) return reply.code(400).send(badRequest('bad session or role'));
        const mime = req.headers['content-type'] ?? 'application/octet-stream';
        const ref = await deps.media.put(req.body, mime, 'photo', 24 * 3600 * 1000);
        const update = { id: randomBytes(9).toString('base64url'), session, role, mediaId: ref.mediaId, client: clientKey(req.ip) };
        const result = await ingest(deps.ingest, deps.adapter, { headers: req.headers, rawBody: JSON.stringify(update) });
        return reply.code(result.status).send(result.body);
      });
    });

    app.get<{ Querystring: Record<string, string> }>('/chat/api/messages', async (req, reply) => {
      const { session = '', role = '', after = '0' } = req.query;
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(session) || !(roles as readonly string[]).includes(role)) return reply.code(400).send(badRequest('bad session or role'));
      const chatId = simulatorChatId(session, role);
      // Asked before the messages are read: when nothing is in progress, every reply is in the list.
      const inProgress = await deps.adapter.inProgress(chatId);
      const { messages, more } = await deps.adapter.messagesFor(chatId, Number(after) || 0);
      return { messages: messages.map((m) => ({ id: m.id, at: m.at, part: withUrls(m.part) })), inProgress, more };
    });
  };
}

function withUrls(part: object): object {
  return 'media' in part && part.media && typeof part.media === 'object' && 'mediaId' in part.media
    ? { ...part, url: `/media/${String(part.media.mediaId)}` }
    : part;
}
