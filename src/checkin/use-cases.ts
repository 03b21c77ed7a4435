import type { CheckInOutcome, CheckInService } from './checkin-service.js';
import { cleanDependentName, cleanRelation, validBirthYear } from './dependent-rules.js';
import { DAYS_SHOWN } from './history.js';
import type { CodeResolver } from './resolver.js';
import type { CodeInfo, Dependent, OpenVisit, VenueInfo, VisitRecord, VisitStore } from './types.js';

/** Who is checked in: the person, their family members, or both. */
export interface Who {
  readonly selfToo: boolean;
  readonly dependentIds: readonly number[];
}

/** A venue token looked up: the venue, or why it cannot be used. */
export type VenueLookup =
  | { readonly kind: 'venue'; readonly venue: VenueInfo; readonly code: CodeInfo }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'revoked'; readonly venue: VenueInfo }
  | { readonly kind: 'suspended'; readonly venue: VenueInfo };

export type CheckInByTokenResult = { readonly kind: 'unusable'; readonly lookup: Exclude<VenueLookup, { kind: 'venue' }> } | { readonly kind: 'done'; readonly venue: VenueInfo; readonly outcome: CheckInOutcome };

export type AddDependentResult = { readonly ok: true; readonly dependent: Dependent } | { readonly ok: false; readonly field: 'name' | 'birthYear' };

/**
 * The check-in capability as use-cases that channels without a conversation call (the Zalo Mini
 * App's API). They run the very rules the chat runs: the same `CheckInService`, the same visit
 * store, the same token resolver, the same family-member rules and history window, so a visit
 * made in the Mini App is the same visit the chat shows.
 */
export function checkInUseCases(deps: { readonly service: CheckInService; readonly store: VisitStore; readonly resolver: CodeResolver }) {
  const lookup = async (token: string): Promise<VenueLookup> => {
    const r = await deps.resolver.fromToken(token);
    if (r.kind !== 'venue') return { kind: 'invalid' };
    if (r.code.status !== 'active') return { kind: 'revoked', venue: r.venue };
    if (r.venue.status !== 'active') return { kind: 'suspended', venue: r.venue };
    return r;
  };

  return {
    lookup,

    /** Checks the person (and/or family members) in at the venue of a signed token. `dedupeKey` makes a retried request harmless. */
    async checkInByToken(req: { contactId: number; token: string; who: Who; now: Date; dedupeKey: string }): Promise<CheckInByTokenResult> {
      const found = await lookup(req.token);
      if (found.kind !== 'venue') return { kind: 'unusable', lookup: found };
      const outcome = await deps.service.checkIn({
        contactId: req.contactId,
        dependentIds: req.who.dependentIds,
        selfToo: req.who.selfToo,
        venue: found.venue,
        code: found.code,
        method: 'link',
        now: req.now,
        dedupeKey: req.dedupeKey,
      });
      return { kind: 'done', venue: found.venue, outcome };
    },

    checkOut: (contactId: number, now: Date): Promise<OpenVisit[]> => deps.service.checkOut(contactId, now),
    openVisits: (contactId: number): Promise<OpenVisit[]> => deps.store.openVisits(contactId),
    history: (contactId: number, now: Date): Promise<VisitRecord[]> => deps.store.recentVisits(contactId, new Date(now.getTime() - DAYS_SHOWN * 24 * 3600_000)),
    deleteHistory: (contactId: number): Promise<number> => deps.store.deleteHistory(contactId),
    dependents: (contactId: number): Promise<Dependent[]> => deps.store.dependents(contactId),
    removeDependent: (contactId: number, id: number): Promise<boolean> => deps.store.removeDependent(contactId, id),

    async addDependent(contactId: number, input: { name: string; birthYear?: number | null; relation?: string | null }, now: Date): Promise<AddDependentResult> {
      const name = cleanDependentName(input.name);
      if (name === null) return { ok: false, field: 'name' };
      const birthYear = input.birthYear ?? null;
      if (birthYear !== null && !validBirthYear(birthYear, now)) return { ok: false, field: 'birthYear' };
      const dependent = await deps.store.addDependent(contactId, { name, birthYear, relation: cleanRelation(input.relation ?? '') });
      return { ok: true, dependent };
    },
  };
}

export type CheckInUseCases = ReturnType<typeof checkInUseCases>;
