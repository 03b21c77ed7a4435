import { createHash, createHmac } from 'node:crypto';
import { AppError } from '../../src/domain/errors.js';

/**
 * Zalo Graph API client for one purpose: turning a Mini App access token (from zmp-sdk's
 * `getAccessToken()`) into the Zalo user id it belongs to. `GET <root>/v2.0/me?fields=id` with the
 * token in the `access_token` header and `appsecret_proof` = HMAC-SHA256(key = app secret,
 * data = access token), lower-case hex (zaloplatform/zalo-java-sdk `AppSecretProofUtil`). Only the
 * id is asked for: it is all we need, and name/avatar need the person's consent (Decree 13/2023).
 */
export interface GraphClientOptions {
  readonly root: string;
  readonly appSecret: string;
  /** Per-request time limit; Graph slower than this counts as unavailable. */
  readonly timeoutMs?: number;
  /** Verified tokens are remembered this long, so a check-in and the screens after it cost one Graph call. */
  readonly cacheMs?: number;
  readonly now?: () => number;
}

export type TokenCheck = { readonly ok: true; readonly zaloId: string } | { readonly ok: false; readonly reason: string };

/** Graph could not be asked (network, timeout, 5xx): the person's token may be fine, retrying later helps. */
export class GraphUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('graph_unavailable', message, { retryable: true, cause: options?.cause });
    this.name = 'GraphUnavailableError';
  }
}

const MAX_CACHED = 5000;

/** HMAC-SHA256 of the access token keyed by the app secret, as Zalo's SDKs compute it. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** Zalo ids exceed 2^53: read `"id"` from the raw JSON text so a numeric id keeps every digit. */
function idFrom(raw: string): string | undefined {
  const m = /"id"\s*:\s*"?(\d{1,30})"?/.exec(raw);
  return m?.[1];
}

export class ZaloGraphClient {
  private readonly cache = new Map<string, { zaloId: string; until: number }>();
  private readonly timeoutMs: number;
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: GraphClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 3000;
    this.cacheMs = opts.cacheMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** Who holds this token; `ok: false` when Zalo refuses it (expired, revoked, wrong app). Throws `GraphUnavailableError`. */
  async verify(accessToken: string): Promise<TokenCheck> {
    const key = createHash('sha256').update(accessToken).digest('hex');
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return { ok: true, zaloId: hit.zaloId };
    if (hit) this.cache.delete(key);

    const url = new URL('v2.0/me', this.opts.root.endsWith('/') ? this.opts.root : `${this.opts.root}/`);
    url.searchParams.set('fields', 'id');
    let res: Response;
    let raw: string;
    try {
      res = await fetch(url, {
        headers: { access_token: accessToken, appsecret_proof: appSecretProof(accessToken, this.opts.appSecret) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      raw = await res.text();
    } catch (err) {
      throw new GraphUnavailableError(`Zalo Graph API unreachable: ${(err as Error).message}`, { cause: err });
    }
    if (res.status >= 500 || res.status === 429) throw new GraphUnavailableError(`Zalo Graph API answered ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      if (res.ok) throw new GraphUnavailableError('Zalo Graph API answered something that is not JSON');
      return { ok: false, reason: `HTTP ${res.status}` };
    }
    // Zalo reports refusals as {error: <non-zero>, message} (often with HTTP 200).
    const error = (body as { error?: unknown }).error;
    if (error !== undefined && error !== 0 && error !== '0') return { ok: false, reason: `Graph error ${JSON.stringify(error)}: ${String((body as { message?: unknown }).message ?? '')}`.slice(0, 200) };
    const zaloId = res.ok ? idFrom(raw) : undefined;
    if (!zaloId) return { ok: false, reason: `no user id (HTTP ${res.status})` };
    this.remember(key, zaloId);
    return { ok: true, zaloId };
  }

  private remember(key: string, zaloId: string): void {
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { zaloId, until: this.now() + this.cacheMs });
  }
}
