import type { VenueListItem } from '../../db/repos/venue-search-repo.js';
import type { VenueCodeRow, VenueRow } from '../../db/repos/venue-repo.js';
import type { DashboardDeps } from '../deps.js';
import { narrow, NotFoundError, type Scope } from '../scope.js';
import { ACTIVE_DAYS, OVERVIEW_DAYS } from './overview.js';

const DAY_MS = 24 * 3600_000;
export const PAGE_SIZE = 50;

export interface VenueFilter {
  readonly text?: string | undefined;
  readonly typeId?: string | undefined;
  readonly communeId?: string | undefined;
  readonly status?: 'active' | 'suspended' | undefined;
  /** 'yes': a check-in in 7 days; 'no': none (the inspection list). */
  readonly checkedIn?: 'yes' | 'no' | undefined;
  readonly page?: number | undefined;
}

/** Venues of the official's communes, filtered; a commune filter outside the scope is a 403. */
export async function listVenues(deps: DashboardDeps, scope: Scope, f: VenueFilter, limit = PAGE_SIZE): Promise<{ items: VenueListItem[]; total: number }> {
  const communeIds = narrow(scope, deps.domain, f.communeId);
  const page = Math.max(1, f.page ?? 1);
  return deps.venueSearch.search({
    communeIds,
    text: f.text,
    typeId: f.typeId,
    status: f.status,
    checkedIn: f.checkedIn === undefined ? undefined : f.checkedIn === 'yes',
    activeSince: new Date(deps.now().getTime() - ACTIVE_DAYS * DAY_MS),
    limit,
    offset: (page - 1) * limit,
  });
}

export interface VenueDetail {
  readonly venue: VenueRow;
  readonly codes: readonly (VenueCodeRow & { readonly url: string })[];
  readonly owner: { readonly displayName: string | null; readonly channel: string } | undefined;
  readonly perDay: readonly { readonly day: string; readonly n: number }[];
}

/** One venue with its codes, owner and check-ins per day; 404 unknown, 403 outside the scope. */
export async function venueDetail(deps: DashboardDeps, scope: Scope, id: number): Promise<VenueDetail> {
  const venue = await inScopeVenue(deps, scope, id);
  const since = new Date(deps.now().getTime() - OVERVIEW_DAYS * DAY_MS);
  const [codes, owner, perDay] = await Promise.all([
    deps.venues.codesOf(id),
    venue.ownerContactId ? deps.venueSearch.owner(venue.ownerContactId) : Promise.resolve(undefined),
    deps.figures.checkInsPerDay({ communeIds: 'all', venueId: id }, since),
  ]);
  return { venue, codes: codes.map((c) => ({ ...c, url: `${deps.venueService.urlFor(c.id)}` })), owner, perDay };
}

async function inScopeVenue(deps: DashboardDeps, scope: Scope, id: number): Promise<VenueRow> {
  const venue = await deps.venues.get(id);
  if (!venue) throw new NotFoundError(`venue ${id}`);
  scope.assert(venue.communeId, `venue ${id}`);
  return venue;
}

/** Suspends or resumes every code of a venue; audit-logged with the venue's commune. */
export async function setVenueStatus(deps: DashboardDeps, scope: Scope, id: number, status: 'active' | 'suspended'): Promise<void> {
  const venue = await inScopeVenue(deps, scope, id);
  await deps.db.transaction(async (tx) => {
    await deps.venues.setStatus(id, status);
    await deps.audit.record(tx, { officialId: scope.official.id, via: 'dashboard', action: status === 'suspended' ? 'venues.suspend' : 'venues.resume', communeId: venue.communeId, subject: `venue:${id}` });
  });
}

/** Revokes a code at once and issues its replacement (the owner prints the new poster). */
export async function reissueCode(deps: DashboardDeps, scope: Scope, venueId: number, codeId: string): Promise<{ manualCode: string } | undefined> {
  const venue = await inScopeVenue(deps, scope, venueId);
  const code = (await deps.venues.codesOf(venueId)).find((c) => c.id === codeId);
  if (!code) throw new NotFoundError(`code ${codeId} of venue ${venueId}`);
  const next = await deps.venueService.reissue(codeId);
  if (!next) return undefined;
  await deps.audit.record(deps.db, { officialId: scope.official.id, via: 'dashboard', action: 'venues.reissue', communeId: venue.communeId, subject: `venue:${venueId}` });
  return { manualCode: next.code.manualCode };
}
