import { createHash } from 'node:crypto';
import { when } from '../checkin/texts.js';
import { flagTexts } from './texts.js';

/** A check-in the service accepted but found implausible (too many venues too fast, too far too soon). */
export interface FlaggedVisit {
  readonly contactId: number;
  readonly communeId: string;
  readonly reason: string;
  readonly at: Date;
  /** Null only for a flag stored without a visit; a flag is deleted with its visit (retention, history deletion). */
  readonly venueName: string | null;
}

export interface FlagSource {
  recentFlags(communeIds: readonly string[], since: Date, limit: number): Promise<FlaggedVisit[]>;
}

/** How far back officials' "unusual check-ins" list looks, and how long it gets in a chat bubble. */
export const FLAG_DAYS = 7;
export const FLAG_LIMIT = 30;

/**
 * A short, stable pseudonym per person, so an official can see that several flags concern the
 * same person without learning who it is (the flag list is for judging data quality, not for
 * identifying residents).
 */
export function personRef(contactId: number, salt: string): string {
  return createHash('sha256').update(`${salt}:${contactId}`).digest('hex').slice(0, 6);
}

export function flagsText(flags: readonly FlaggedVisit[], communeName: (id: string) => string, salt: string): string {
  if (flags.length === 0) return flagTexts.khongCoLuotKhaiBao(FLAG_DAYS);
  const lines = flags.map((f) => flagTexts.nguoi(when(f.at), f.venueName ?? flagTexts.deletedVisit, communeName(f.communeId), f.reason, personRef(f.contactId, salt)));
  return (
    flagTexts.khaiBaoBatThuongNgay(FLAG_DAYS, FLAG_LIMIT) +
    flagTexts.deNghiKiemTraTruoc(lines.join('\n'))
  );
}
