import type { MediaRef } from '../channels/contract.js';
import type { MediaStore } from '../db/repos/media-repo.js';
import type { VenueCodeRow, VenueRepo, VenueRow } from '../db/repos/venue-repo.js';
import { InvalidInputError } from '../domain/errors.js';
import type { PosterInput, VenueDomain } from './ports.js';

export interface VenueDraft {
  readonly name: string;
  readonly typeId: string;
  readonly communeId: string;
  readonly address: string;
  readonly phone: string;
  readonly plate?: string | null;
  readonly route?: string | null;
  readonly ownerContactId?: number | null;
  readonly label?: string | null;
}

/** Everything printed for one code: its URL, manual code and the rendered files. */
export interface CodeArtifacts {
  readonly venue: VenueRow;
  readonly code: VenueCodeRow;
  readonly url: string;
  readonly qrPng: Buffer;
  readonly posterPdf: Buffer;
  readonly poster: PosterInput;
}

/**
 * Venue operations shared by the chat flow, the CLI and the HTTP page: registering a venue with its
 * first code, adding and re-issuing codes, and rendering a code's QR image and A4 poster.
 */
export class VenueService {
  constructor(
    private readonly repo: VenueRepo,
    private readonly domain: VenueDomain,
    private readonly publicUrl: string,
  ) {}

  urlFor(codeId: string): string {
    return `${this.publicUrl}/c/${this.domain.tokenFor(codeId)}`;
  }

  async register(d: VenueDraft): Promise<CodeArtifacts> {
    if (!this.domain.findType(d.typeId)) throw new InvalidInputError(`unknown venue type ${d.typeId}`);
    if (!this.domain.communeById(d.communeId)) throw new InvalidInputError(`unknown commune ${d.communeId}`);
    const { codeId } = this.domain.issueToken();
    const manualCode = await this.freshManualCode();
    const { venue, code } = await this.repo.create(
      { name: d.name, typeId: d.typeId, communeId: d.communeId, address: d.address, phone: d.phone, plate: d.plate ?? null, route: d.route ?? null, ownerContactId: d.ownerContactId ?? null },
      { id: codeId, manualCode, label: d.label ?? null },
    );
    return this.render(venue, code);
  }

  async addCode(venue: VenueRow, label: string): Promise<CodeArtifacts> {
    const { codeId } = this.domain.issueToken();
    const code = await this.repo.addCode(venue.id, { id: codeId, manualCode: await this.freshManualCode(), label });
    return this.render(venue, code);
  }

  /** Revokes the code at once and returns its replacement; visits keep the old code. */
  async reissue(codeId: string): Promise<CodeArtifacts | undefined> {
    const found = await this.repo.codeWithVenue(codeId);
    if (!found) return undefined;
    const { codeId: nextId } = this.domain.issueToken();
    const next = await this.repo.reissue(codeId, { id: nextId, manualCode: await this.freshManualCode() });
    return next ? this.render(found.venue, next) : undefined;
  }

  async render(venue: VenueRow, code: VenueCodeRow): Promise<CodeArtifacts> {
    const url = this.urlFor(code.id);
    const communeName = this.domain.communeById(venue.communeId)?.name ?? venue.communeId;
    const poster: PosterInput = { venueName: venue.name, address: venue.address, communeName, url, manualCode: code.manualCode, label: code.label, plate: venue.plate, route: venue.route };
    const [qrPng, posterPdf] = await Promise.all([this.domain.renderQrPng(url), this.domain.renderPosterPdf(poster)]);
    return { venue, code, url, qrPng, posterPdf, poster };
  }

  /** Stores a code's files as media for chat platforms that fetch images by URL. */
  async publish(a: CodeArtifacts, media: MediaStore): Promise<{ qr: MediaRef; preview: MediaRef; pdf: MediaRef }> {
    const preview = await this.domain.renderPosterPreviewPng(a.poster);
    const slug = a.code.manualCode;
    const [qr, previewRef, pdf] = await Promise.all([
      media.put(a.qrPng, 'image/png', `ma-qr-${slug}.png`),
      media.put(preview, 'image/png', `ap-phich-${slug}.png`),
      media.put(a.posterPdf, 'application/pdf', `ap-phich-${slug}.pdf`),
    ]);
    return { qr, preview: previewRef, pdf };
  }

  private async freshManualCode(): Promise<string> {
    for (let i = 0; i < 8; i++) {
      const candidate = this.domain.newManualCode();
      if (!(await this.repo.manualCodeTaken(candidate))) return candidate;
    }
    throw new Error('could not find a free manual code after 8 tries');
  }
}
