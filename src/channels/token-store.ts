/**
 * An OAuth access/refresh token pair kept for a platform app (Zalo OA). Adapters in bots/ depend on
 * this interface; the Postgres implementation lives in src/db/repos, so platform code never touches
 * the database directly.
 */
export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

export interface TokenStore {
  /** Stores the initial pair from configuration unless one is already stored. */
  seed(appId: string, pair: TokenPair): Promise<void>;
  load(appId: string): Promise<TokenPair | undefined>;
  /**
   * Runs `fn` while holding an exclusive lock on the app's pair (other processes wait), with a
   * `save` that writes the new pair in the same transaction: a single-use refresh token is spent
   * by exactly one caller and its replacement is durable before anyone uses it.
   */
  withLock<T>(appId: string, fn: (current: TokenPair | undefined, save: (next: TokenPair) => Promise<void>) => Promise<T>): Promise<T>;
}
