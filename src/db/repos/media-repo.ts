import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { MediaAccess, MediaRef } from '../../channels/contract.js';
import type { Db } from '../client.js';
import { media } from '../schema/media.js';

/**
 * Media we serve at PUBLIC_URL/media/<id>. Ids are 128 random bits (unguessable); rows expire so a
 * leaked link stops working. Implements the adapters' `MediaAccess`.
 */
export class MediaStore implements MediaAccess {
  constructor(
    private readonly db: Db,
    private readonly publicBase: string,
    private readonly ttlMs: number,
  ) {}

  async put(bytes: Buffer, mime: string, filename?: string, ttlMs = this.ttlMs): Promise<MediaRef> {
    const id = randomBytes(16).toString('base64url');
    await this.db.insert(media).values({ id, mime, filename: filename ?? null, bytes, expiresAt: new Date(Date.now() + ttlMs) });
    return filename ? { mediaId: id, mime, filename } : { mediaId: id, mime };
  }

  /** The bytes of a live media row, or undefined when unknown or expired. */
  async find(id: string): Promise<{ bytes: Buffer; mime: string; filename?: string } | undefined> {
    const [row] = await this.db
      .select()
      .from(media)
      .where(and(eq(media.id, id), gt(media.expiresAt, new Date())));
    if (!row) return undefined;
    return row.filename ? { bytes: row.bytes, mime: row.mime, filename: row.filename } : { bytes: row.bytes, mime: row.mime };
  }

  async read(id: string): Promise<{ bytes: Buffer; mime: string; filename?: string }> {
    const found = await this.find(id);
    if (!found) throw new Error(`media ${id} is unknown or expired`);
    return found;
  }

  publicUrl(id: string): string {
    return `${this.publicBase}/media/${id}`;
  }

  async purgeExpired(): Promise<number> {
    const rows = await this.db.delete(media).where(lt(media.expiresAt, new Date())).returning({ id: media.id });
    return rows.length;
  }
}
