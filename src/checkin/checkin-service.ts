import type { CodeInfo, OpenVisit, VenueInfo, VisitStore } from './types.js';
import { checkinServiceTexts } from './texts.js';

/** Tunables of the check-in rules; defaults follow issue 5. */
export interface CheckInPolicy {
  /** A second scan of the same venue within this window is a repeat and changes nothing. */
  readonly repeatWindowMs: number;
  /** At most this many check-ins per person (self + dependents) per rolling day. */
  readonly dailyCap: number;
  /** This many distinct venues within `burstWindowMs` is implausible and flagged. */
  readonly burstVenues: number;
  readonly burstWindowMs: number;
  /** A check-in in another district this soon after the previous one is implausible and flagged. */
  readonly farWindowMs: number;
}

export const defaultPolicy: CheckInPolicy = {
  repeatWindowMs: 10 * 60_000,
  dailyCap: 40,
  burstVenues: 4,
  burstWindowMs: 10 * 60_000,
  farWindowMs: 20 * 60_000,
};

export type CheckInOutcome =
  | { readonly kind: 'checked-in'; readonly visitIds: number[]; readonly closedElsewhere: string | null; readonly flagged: boolean }
  | { readonly kind: 'repeat'; readonly since: Date }
  | { readonly kind: 'checked-out'; readonly venueName: string; readonly since: Date }
  | { readonly kind: 'suspended' }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'capped' };

export interface CheckInRequest {
  readonly contactId: number;
  /** Dependents to check in along with (or, when `selfToo` is false, instead of) the person. */
  readonly dependentIds: readonly number[];
  readonly selfToo: boolean;
  readonly venue: VenueInfo;
  readonly code: CodeInfo;
  readonly method: 'link' | 'photo' | 'code';
  readonly now: Date;
  /** Unique per inbound update: a retried job creates no second visit. */
  readonly dedupeKey: string;
}

/** Which district a commune is in, to judge "too far too fast" without coordinates. */
export type DistrictOf = (communeId: string) => string | undefined;

/**
 * The check-in rules: repeat within 10 minutes changes nothing; scanning the venue you are in
 * checks you out; checking in elsewhere ends the open visit; a daily cap; implausible sequences are
 * flagged for officials (accepted, but never silently).
 */
export class CheckInService {
  constructor(
    private readonly store: VisitStore,
    private readonly districtOf: DistrictOf,
    private readonly policy: CheckInPolicy = defaultPolicy,
  ) {}

  async checkIn(req: CheckInRequest): Promise<CheckInOutcome> {
    if (req.code.status !== 'active') return { kind: 'revoked' };
    if (req.venue.status !== 'active') return { kind: 'suspended' };
    const open = await this.store.openVisits(req.contactId);
    const mineHere = open.find((v) => v.dependentId === null && v.venueId === req.venue.id);
    if (req.selfToo && mineHere) {
      const age = req.now.getTime() - mineHere.checkedInAt.getTime();
      if (age < this.policy.repeatWindowMs) return { kind: 'repeat', since: mineHere.checkedInAt };
      const here = open.filter((v) => v.venueId === req.venue.id).map((v) => v.id);
      await this.store.closeVisits(here, req.now, 'rescan');
      return { kind: 'checked-out', venueName: mineHere.venueName, since: mineHere.checkedInAt };
    }
    const people = [...(req.selfToo ? [null] : []), ...req.dependentIds];
    const today = await this.store.countSince(req.contactId, new Date(req.now.getTime() - 24 * 3600_000));
    if (today + people.length > this.policy.dailyCap) return { kind: 'capped' };

    const elsewhere = open.filter((v) => v.venueId !== req.venue.id && people.includes(v.dependentId));
    await this.store.closeVisits(elsewhere.map((v) => v.id), req.now, 'elsewhere');
    const visitIds: number[] = [];
    for (const dependentId of people) {
      const { id } = await this.store.insertVisit({
        contactId: req.contactId,
        dependentId,
        venueId: req.venue.id,
        codeId: req.code.id,
        communeId: req.venue.communeId,
        method: req.method,
        checkedInAt: req.now,
        dedupeKey: `${req.dedupeKey}:${dependentId ?? 'self'}`,
      });
      visitIds.push(id);
    }
    const reason = await this.implausible(req, open);
    if (reason && visitIds[0] !== undefined) await this.store.flag(req.contactId, visitIds[0], req.venue.communeId, reason);
    const previous = elsewhere.find((v) => v.dependentId === null) ?? elsewhere[0];
    return { kind: 'checked-in', visitIds, closedElsewhere: previous?.venueName ?? null, flagged: reason !== null };
  }

  /** Ends every open visit of the person and their dependents. */
  async checkOut(contactId: number, now: Date): Promise<OpenVisit[]> {
    const open = await this.store.openVisits(contactId);
    await this.store.closeVisits(open.map((v) => v.id), now, 'manual');
    return open;
  }

  private async implausible(req: CheckInRequest, open: readonly OpenVisit[]): Promise<string | null> {
    const recent = await this.store.recentVisits(req.contactId, new Date(req.now.getTime() - Math.max(this.policy.burstWindowMs, this.policy.farWindowMs)));
    const inBurst = new Set(recent.filter((v) => req.now.getTime() - v.checkedInAt.getTime() <= this.policy.burstWindowMs).map((v) => v.venueId));
    if (inBurst.size >= this.policy.burstVenues) return checkinServiceTexts.diaDiemKhacNhauTrong(inBurst.size, Math.round(this.policy.burstWindowMs / 60_000));
    const here = this.districtOf(req.venue.communeId);
    const far = [...recent, ...open].find(
      (v) => v.venueId !== req.venue.id && req.now.getTime() - v.checkedInAt.getTime() <= this.policy.farWindowMs && here !== undefined && this.districtOf(v.communeId) !== undefined && this.districtOf(v.communeId) !== here,
    );
    return far ? checkinServiceTexts.khaiBaoOHuyenThi(Math.round((req.now.getTime() - far.checkedInAt.getTime()) / 60_000)) : null;
  }
}
