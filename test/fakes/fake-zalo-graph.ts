import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

/**
 * A fake Zalo Graph API (`GET /v2.0/me`) on localhost. It knows the app secret, so it refuses a
 * wrong `appsecret_proof` the way Zalo does (HTTP 200 with a non-zero `error`), refuses unknown and
 * expired tokens, and can be switched to failing (HTTP 500) to play "Graph API down".
 */
export class FakeZaloGraph {
  private readonly app = Fastify();
  private readonly tokens = new Map<string, { zaloId: string; expired: boolean }>();
  /** Answer every request with HTTP 500. */
  down = false;
  calls = 0;
  url = '';

  constructor(readonly appSecret: string) {}

  /** Registers a token for a Zalo user; returns the token. */
  issue(zaloId: string, opts: { expired?: boolean; token?: string } = {}): string {
    const token = opts.token ?? `ma-token-${zaloId}-${this.tokens.size}-${Math.random().toString(36).slice(2)}`;
    this.tokens.set(token, { zaloId, expired: opts.expired ?? false });
    return token;
  }

  async start(): Promise<this> {
    this.app.get('/v2.0/me', async (req, reply) => {
      this.calls++;
      if (this.down) return reply.code(500).send('upstream error');
      const token = String(req.headers.access_token ?? '');
      const proof = String(req.headers.appsecret_proof ?? '');
      const known = this.tokens.get(token);
      if (!known) return { error: -501, message: 'Access token is invalid' };
      if (proof !== createHmac('sha256', this.appSecret).update(token).digest('hex')) return { error: -124, message: 'Invalid appsecret_proof' };
      if (known.expired) return { error: -216, message: 'Access token has expired' };
      // Zalo writes ids as strings; the field list is what was asked for.
      return `{"id":"${known.zaloId}","error":0,"message":"Success"}`;
    });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.url = `http://127.0.0.1:${(this.app.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}
