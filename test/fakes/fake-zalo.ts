import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { parseMultipart } from './multipart.js';

/** One recorded call: `method` is the path (OA/OAuth) or the Bot API method name. */
export interface ZaloCall {
  readonly method: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly params: Record<string, unknown>;
  readonly files: Record<string, { filename: string; bytes: Buffer }>;
}

type Scripted = { status: number; body: unknown; delayMs?: number };

/**
 * Fake Zalo servers on one localhost port: the OA Open API (`/v3.0/oa/message/cs`,
 * `/v2.0/oa/upload/image|file`), OAuth (`/v4/oa/access_token`, which hands out numbered token
 * pairs and refuses a refresh token spent before), the Bot API (`/bot<token>/<method>`) and a
 * "CDN" serving images under `/cdn/<name>`. Any call can be scripted to answer differently.
 */
export class FakeZalo {
  private readonly app = Fastify();
  private readonly recorded: ZaloCall[] = [];
  private readonly script = new Map<string, Scripted[]>();
  private readonly images = new Map<string, Buffer>();
  private readonly spent = new Set<string>();
  private generation = 0;
  /** Access tokens the OA API accepts; others get -216. */
  readonly validAccess = new Set<string>(['oa-access-0']);
  url = '';

  async start(): Promise<this> {
    this.app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 20e6 }, (_r, b, done) => done(null, b));
    this.app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, b, done) => done(null, Object.fromEntries(new URLSearchParams(String(b)))));
    this.app.post('/v4/oa/access_token', async (req, reply) => this.reply('oauth', req.headers, req.body, reply, () => this.oauth(req.body as Record<string, string>)));
    this.app.post<{ Params: { family: string; kind: string } }>('/:version/oa/:family/:kind', async (req, reply) => {
      const path = req.url;
      return this.reply(path, req.headers, req.body, reply, () => this.oa(path, String(req.headers.access_token ?? '')));
    });
    this.app.post<{ Params: { token: string; method: string } }>('/bot:token/:method', async (req, reply) => this.reply(req.params.method, req.headers, req.body, reply, () => ({ ok: true, result: { message_id: `m${this.recorded.length}`, date: Date.now() } })));
    this.app.get<{ Params: { name: string } }>('/cdn/:name', async (req, reply) => {
      const bytes = this.images.get(req.params.name);
      return bytes ? reply.type('image/jpeg').send(bytes) : reply.code(404).send();
    });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.url = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  private async reply(method: string, headers: ZaloCall['headers'], body: unknown, reply: { code(n: number): { send(b: unknown): unknown } }, answer: () => unknown) {
    const contentType = String(headers['content-type'] ?? '');
    const call: ZaloCall = Buffer.isBuffer(body)
      ? { method, headers, ...parsed(body, contentType) }
      : { method, headers, params: (body as Record<string, unknown>) ?? {}, files: {} };
    this.recorded.push(call);
    const scripted = this.script.get(method)?.shift();
    if (scripted?.delayMs) await new Promise((r) => setTimeout(r, scripted.delayMs));
    if (scripted) return reply.code(scripted.status).send(scripted.body);
    return answer();
  }

  private oa(path: string, token: string): unknown {
    if (!this.validAccess.has(token)) return { error: -216, message: 'Access token is invalid' };
    if (path.includes('upload/image')) return { error: 0, message: 'Success', data: { attachment_id: `att${this.recorded.length}` } };
    if (path.includes('upload/file')) return { error: 0, message: 'Success', data: { token: `file${this.recorded.length}` } };
    return { error: 0, message: 'Success', data: { message_id: `mid${this.recorded.length}`, user_id: '1' } };
  }

  private oauth(form: Record<string, string>): unknown {
    const rt = form.refresh_token ?? '';
    if (form.grant_type !== 'refresh_token' || !rt || this.spent.has(rt) || !rt.startsWith('oa-refresh-')) return { error: -14014, error_name: 'Invalid refresh token' };
    this.spent.add(rt);
    this.generation += 1;
    const access = `oa-access-${this.generation}`;
    this.validAccess.add(access);
    return { access_token: access, refresh_token: `oa-refresh-${this.generation}`, expires_in: '90000' };
  }

  /** Answer the next `times` calls of `method` (an OA path, 'oauth', or a Bot API method) with this. */
  failNext(method: string, status: number, body: unknown, times = 1, delayMs?: number): void {
    const queue = this.script.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(delayMs === undefined ? { status, body } : { status, body, delayMs });
    this.script.set(method, queue);
  }

  addImage(name: string, bytes: Buffer): string {
    this.images.set(name, bytes);
    return `${this.url}/cdn/${name}`;
  }

  calls(method?: string): ZaloCall[] {
    return method ? this.recorded.filter((c) => c.method === method || c.method.startsWith(method)) : [...this.recorded];
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

function parsed(body: Buffer, contentType: string): { params: Record<string, unknown>; files: ZaloCall['files'] } {
  const { fields, files } = parseMultipart(body, contentType);
  return { params: fields, files };
}
