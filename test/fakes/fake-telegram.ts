import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart.js';

/** One recorded Bot API call. `params` holds JSON or multipart text fields; uploads are in `files`. */
export interface TelegramCall {
  readonly method: string;
  readonly token: string;
  readonly params: Record<string, unknown>;
  readonly files: Record<string, { filename: string; bytes: Buffer }>;
  /** HTTP status the fake answered with. */
  status: number;
}

type Scripted = { status: number; body: unknown; delayMs?: number };

/**
 * A fake Telegram Bot API on localhost: records calls, answers getMe / sendMessage / sendPhoto /
 * sendDocument / getFile / answerCallbackQuery / setWebhook, serves file downloads, and can be
 * scripted to fail (429 with retry_after, 403, 500...) or stall.
 */
export class FakeTelegram {
  private readonly app = Fastify();
  private readonly recorded: TelegramCall[] = [];
  private readonly script = new Map<string, Scripted[]>();
  private readonly files = new Map<string, Buffer>();
  private nextMessageId = 1;
  private readonly revoked = new Set<string>();
  url = '';

  async start(): Promise<this> {
    this.app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 60e6 }, (_r, b, done) => done(null, b));
    this.app.post<{ Params: { token: string; method: string } }>('/bot:token/:method', async (req, reply) => {
      const { token, method } = req.params;
      const call = this.toCall(token, method, req.body, String(req.headers['content-type'] ?? ''));
      this.recorded.push(call);
      const scripted = this.revoked.has(token) ? { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } } : this.script.get(method)?.shift();
      if (scripted?.delayMs) await new Promise((r) => setTimeout(r, scripted.delayMs));
      call.status = scripted?.status ?? 200;
      if (scripted) return reply.code(scripted.status).send(scripted.body);
      return { ok: true, result: this.answer(call) };
    });
    this.app.get<{ Params: { token: string; '*': string } }>('/file/bot:token/*', async (req, reply) => {
      const bytes = this.files.get(req.params['*']);
      return bytes ? reply.type('application/octet-stream').send(bytes) : reply.code(404).send({ ok: false });
    });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.url = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  private toCall(token: string, method: string, body: unknown, contentType: string): TelegramCall {
    if (Buffer.isBuffer(body)) {
      const { fields, files } = parseMultipart(body, contentType);
      const params: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) params[k] = tryJson(v);
      return { method, token, params, files, status: 0 };
    }
    return { method, token, params: (body as Record<string, unknown>) ?? {}, files: {}, status: 0 };
  }

  private answer(call: TelegramCall): unknown {
    const chat = { id: Number(call.params.chat_id ?? 0), type: 'private' };
    switch (call.method) {
      case 'getMe':
        return { id: Number(call.token.split(':')[0]), is_bot: true, first_name: 'Quét mã', username: 'quetma_test_bot' };
      case 'getFile': {
        const id = String(call.params.file_id);
        return { file_id: id, file_unique_id: `u${id}`, file_size: this.files.get(`photos/${id}.jpg`)?.length ?? 0, file_path: `photos/${id}.jpg` };
      }
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument':
        return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat };
      default:
        return true;
    }
  }

  /** Answer the next `times` calls of `method` with this status and body (optionally after a delay). */
  failNext(method: string, status: number, body: unknown, times = 1, delayMs?: number): void {
    const queue = this.script.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(delayMs === undefined ? { status, body } : { status, body, delayMs });
    this.script.set(method, queue);
  }

  /** Make the next call of `method` succeed only after `delayMs`. */
  stallNext(method: string, delayMs: number): void {
    const queue = this.script.get(method) ?? [];
    queue.push({ status: 200, body: { ok: true, result: { message_id: this.nextMessageId++, date: 0, chat: { id: 0 } } }, delayMs });
    this.script.set(method, queue);
  }

  /** Answer every call made with `token` 401 Unauthorized (a revoked bot token) until `restoreToken`. */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  restoreToken(token: string): void {
    this.revoked.delete(token);
  }

  /** Serve `bytes` as the file behind `fileId` (getFile + download). */
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(`photos/${fileId}.jpg`, bytes);
  }

  calls(method?: string): TelegramCall[] {
    return method ? this.recorded.filter((c) => c.method === method) : [...this.recorded];
  }

  /** Send calls the fake accepted (answered 200): what the person actually received. */
  delivered(): TelegramCall[] {
    return this.recorded.filter((c) => c.method.startsWith('send') && c.status === 200);
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
