/**
 * What the venue operations need from the venue domain (types, communes, validation, codes,
 * rendering). Bound once in `bind.ts`, so the chat flow, the CLI and the HTTP page share one set.
 */
export interface VenueType {
  readonly id: string;
  readonly name: string;
  readonly vehicle: boolean;
  readonly stayMinutes: number;
}

export interface Commune {
  readonly id: string;
  readonly name: string;
  /** The area above it (a province today, a district in pre-2025 data), shown next to the name. */
  readonly district: string;
  /** Former names, searched like the name ("Phổ Minh" finds the ward it was merged into). */
  readonly aliases?: readonly string[];
  /** Set when the commune was merged into another (its records keep this one). */
  readonly mergedInto?: string | null;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface PosterInput {
  readonly venueName: string;
  readonly address: string;
  readonly communeName: string;
  readonly url: string;
  readonly manualCode: string;
  readonly label?: string | null;
}

export interface VenueDomain {
  readonly types: readonly VenueType[];
  findType(input: string): VenueType | undefined;
  readonly communes: readonly Commune[];
  searchCommunes(input: string): Commune[];
  communeById(id: string): Commune | undefined;
  /** The commune and the former communes merged into it, whose venues and records it inherits. */
  communeFamily(id: string): string[];
  checkName(input: string): Checked<string>;
  checkAddress(input: string): Checked<string>;
  checkPhone(input: string): Checked<string>;
  checkPlate(input: string): Checked<string>;
  /** A new random code id and its signed URL token. */
  issueToken(): { codeId: string; token: string };
  /** The token of an existing code id (tokens are derived, so they need not be stored). */
  tokenFor(codeId: string): string;
  /** The code id inside a token, or null when the signature does not match. */
  verifyToken(token: string): string | null;
  newManualCode(): string;
  /** Canonical form of what a person typed, or null when it cannot be a manual code. */
  normaliseManualCode(input: string): string | null;
  /** Telegram deep-link payload for a token, and back. */
  payloadFor(token: string): string;
  tokenFromPayload(payload: string): string | null;
  /** Tokens of our own URLs inside any text; otherwise what kind of QR text it is. */
  classify(text: string): { readonly tokens: readonly string[]; readonly kind: 'ours' | 'payment' | 'other-url' | 'other-text' };
  renderQrPng(url: string): Promise<Buffer>;
  renderPosterPdf(input: PosterInput): Promise<Buffer>;
  /** A PNG of the same poster for the chat (drawn from the same layout, not by rasterising the PDF). */
  renderPosterPreviewPng(input: PosterInput): Promise<Buffer>;
}
