import type { CodeInfo, VenueInfo } from './types.js';
import { AppError } from '../domain/errors.js';

/**
 * What a piece of input turned out to be. `none` means "not a code at all" (let other features
 * answer the text); `not-ours` says what it is instead, so the resident hears what it is not.
 */
export type Resolution =
  | { readonly kind: 'venue'; readonly venue: VenueInfo; readonly code: CodeInfo }
  /** A photo holding several of our venue codes (a notice board): the resident picks one. */
  | { readonly kind: 'venues'; readonly options: readonly { readonly venue: VenueInfo; readonly text: string }[] }
  | { readonly kind: 'not-ours'; readonly what: 'payment' | 'other-url' | 'other-text' }
  /** `typed`: what the resident typed when it was shaped like a manual code but matched none. */
  | { readonly kind: 'invalid'; readonly typed?: string }
  | { readonly kind: 'none' };

/** Turns typed text, deep-link payloads and decoded QR texts into a venue code (implemented by venues). */
export interface CodeResolver {
  fromText(text: string): Promise<Resolution>;
  fromPayload(payload: string): Promise<Resolution>;
  /** The signed token of a `/c/<token>` link, as the Zalo Mini App receives it in `?v=`. */
  fromToken(token: string): Promise<Resolution>;
  /** Picks ours among every code found in a photo (`venues` when several different ones are ours). */
  fromDecoded(texts: readonly string[]): Promise<Resolution>;
}

/** What a photo held, as far as its codes could be read with confidence. */
export interface DecodedPhoto {
  /** The codes' texts (two agreeing readings, or one for our own signed links). */
  readonly texts: string[];
  /**
   * Codes read once whose text no second reading confirmed, so it is not returned. Our own codes
   * need one reading only, so these are someone else's (or too blurred to be sure): the resident
   * hears that, not "no code in the photo".
   */
  readonly unconfirmed: number;
}

/** Reads QR codes from image bytes; throws a `PhotoError` for files it cannot read. */
export type PhotoDecoder = (bytes: Uint8Array) => Promise<DecodedPhoto>;

export class PhotoError extends AppError {
  constructor(readonly kind: 'not-an-image' | 'too-large' | 'timeout', message: string) {
    super(`photo_${kind.replace('-', '_')}`, message, { retryable: false });
    this.name = 'PhotoError';
  }
}
