import type { TokenPair, TokenStore } from '../../src/channels/token-store.js';
import { AppError } from '../../src/domain/errors.js';

/** A refresh that did not produce a new pair. `retryable`: a later attempt may succeed (network, 5xx). */
export class ZaloTokenError extends AppError {
  constructor(message: string, retryable: boolean) {
    super('zalo_token', message, { retryable });
    this.name = 'ZaloTokenError';
  }
}

export interface ZaloTokenOptions {
  readonly appId: string;
  /** App secret, sent as the `secret_key` header of the OAuth call (not the OA webhook key). */
  readonly appSecret: string;
  readonly oauthRoot: string;
  readonly store: TokenStore;
  readonly initial?: { accessToken?: string | undefined; refreshToken?: string | undefined };
  readonly now?: () => Date;
  /** Refresh when the access token expires within this window (default 1 h of its ~25 h life). */
  readonly refreshAheadMs?: number;
}

/**
 * The OA access token, refreshed ahead of expiry (a repeatable maintenance job calls `refreshIfDue`)
 * and on demand when Zalo rejects it (-216/-220). Refresh tokens are single-use (Zalo OAuth v4,
 * `POST /v4/oa/access_token`, grant_type=refresh_token: see shared/notes/platform-facts.md 1.4), so
 * every refresh runs under the store's row lock and persists the new pair before returning it.
 */
export class ZaloTokens {
  private cached: TokenPair | undefined;
  private readonly now: () => Date;

  constructor(private readonly opts: ZaloTokenOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  async accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.accessToken;
    let pair = await this.opts.store.load(this.opts.appId);
    if (!pair && this.opts.initial?.refreshToken) {
      // Seed with the configured pair; an unknown expiry is treated as "refresh soon".
      await this.opts.store.seed(this.opts.appId, { accessToken: this.opts.initial.accessToken ?? '', refreshToken: this.opts.initial.refreshToken, expiresAt: new Date(this.now().getTime() + 3600_000) });
      pair = await this.opts.store.load(this.opts.appId);
    }
    if (!pair) throw new ZaloTokenError('no Zalo OA token pair: set ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN', false);
    if (!pair.accessToken) return this.refresh('rejected', '');
    this.cached = pair;
    return pair.accessToken;
  }

  /**
   * Called by the maintenance job: refreshes only when the token expires soon. True when this call
   * spent the refresh token (not when another process refreshed meanwhile).
   */
  async refreshIfDue(): Promise<boolean> {
    // Seeds the store on first run. A token problem here is met again (and reported) by the refresh
    // below; anything else (the database away) fails the task.
    await this.accessToken().catch((err: unknown) => {
      if (!(err instanceof ZaloTokenError)) throw err;
    });
    return (await this.refreshUnderLock('due')).refreshed;
  }

  /**
   * `rejected`: Zalo refused `rejectedToken`; refresh unless another process already did.
   * `due`: refresh only if the stored token expires within the refresh-ahead window.
   */
  async refresh(reason: 'due' | 'rejected', rejectedToken?: string): Promise<string> {
    return (await this.refreshUnderLock(reason, rejectedToken)).pair.accessToken;
  }

  private async refreshUnderLock(reason: 'due' | 'rejected', rejectedToken?: string): Promise<{ pair: TokenPair; refreshed: boolean }> {
    const ahead = this.opts.refreshAheadMs ?? 3600_000;
    const result = await this.opts.store.withLock(this.opts.appId, async (current, save) => {
      if (!current) throw new ZaloTokenError('no Zalo OA token pair stored', false);
      if (reason === 'rejected' && current.accessToken !== rejectedToken) return { pair: current, refreshed: false };
      if (reason === 'due' && current.expiresAt.getTime() - this.now().getTime() > ahead) return { pair: current, refreshed: false };
      const next = await this.callOAuth(current.refreshToken);
      await save(next);
      return { pair: next, refreshed: true };
    });
    this.cached = result.pair;
    return result;
  }

  private async callOAuth(refreshToken: string): Promise<TokenPair> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.oauthRoot}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.opts.appSecret },
        body: new URLSearchParams({ app_id: this.opts.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (err) {
      throw new ZaloTokenError(`Zalo OAuth unreachable: ${err instanceof Error ? err.message : String(err)}`, true);
    }
    if (res.status >= 500) throw new ZaloTokenError(`Zalo OAuth answered ${res.status}`, true);
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: string | number; error?: number; error_name?: string };
    if (!body.access_token || !body.refresh_token) {
      // Never include tokens in messages or logs: only Zalo's error code.
      throw new ZaloTokenError(`Zalo OAuth refused the refresh (error ${body.error ?? res.status} ${body.error_name ?? ''}); an OA admin may need to grant access again`, false);
    }
    const seconds = Number(body.expires_in ?? 90_000) || 90_000;
    return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresAt: new Date(this.now().getTime() + seconds * 1000) };
  }
}
