/**
 * Every failure we raise says whether trying again can help. Workers use `retryable` to decide
 * between a backoff retry and failing for good; HTTP routes use it to choose 503 (ask the caller to
 * retry) over 4xx. Keep messages in English: they are for operators, not residents.
 */
export class AppError extends Error {
  readonly retryable: boolean;
  readonly code: string;

  constructor(code: string, message: string, opts: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = opts.retryable;
  }
}

/** A dependency (Postgres, Redis, a platform API) is unavailable right now; retrying later helps. */
export class UnavailableError extends AppError {
  constructor(what: string, cause?: unknown) {
    super('unavailable', `${what} is unavailable`, { retryable: true, cause });
    this.name = 'UnavailableError';
  }
}

/** The input itself is wrong; sending it again unchanged will fail again. */
export class InvalidInputError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('invalid_input', message, { retryable: false, cause });
    this.name = 'InvalidInputError';
  }
}

export function isRetryable(err: unknown): boolean {
  return err instanceof AppError ? err.retryable : true;
}
