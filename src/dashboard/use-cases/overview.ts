import type { FiguresRepo } from '../../db/repos/figures-repo.js';
import type { VenueRepo } from '../../db/repos/venue-repo.js';
import { communeReport } from '../../venue-ops/reports.js';
import { dashboardTexts as dt } from '../texts.js';
import type { VenueDomain } from '../../venue-ops/ports.js';

export const OVERVIEW_DAYS = 30;
export const ACTIVE_DAYS = 7;
const DAY_MS = 24 * 3600_000;

export interface OverviewRow {
  readonly communeId: string;
  readonly communeName: string;
  /** Venues registered (each has at least one code). */
  readonly venues: number;
  /** Venues with a check-in in the last 7 days. */
  readonly activeVenues: number;
  readonly codes: number;
  readonly checkIns30d: number;
  /** Distinct residents who checked in here in 30 days. */
  readonly residents: number;
  /** Pre-registrations not cancelled (waiting or scheduled). */
  readonly registrations: number;
  readonly scheduled: number;
  readonly questionsWaiting: number;
}

export interface Overview {
  /** Furthest behind first: lowest share of active venues, then fewest venues. */
  readonly rows: readonly OverviewRow[];
  readonly total: OverviewRow;
  /** Check-ins per Vietnam day, oldest first, zero days included. */
  readonly perDay: readonly { readonly day: string; readonly n: number }[];
}

export interface OverviewDeps {
  readonly domain: VenueDomain;
  readonly venues: Pick<VenueRepo, 'figures'>;
  readonly figures: Pick<FiguresRepo, 'activity' | 'residentsReached' | 'checkInsPerDay' | 'registrationsByCommune' | 'waitingQuestions'>;
}

/** Share of venues with a check-in in 7 days; a commune with no venue at all is the most behind. */
export const activeShare = (r: Pick<OverviewRow, 'venues' | 'activeVenues'>): number => (r.venues === 0 ? -1 : r.activeVenues / r.venues);

/**
 * Adoption per commune for the dashboard's "Tổng quan", its exports and `/baocao`: the rows of the
 * given communes (an official's own, or all for an admin) and the area's totals.
 */
export async function adoptionOverview(deps: OverviewDeps, communeIds: readonly string[] | 'all', now: Date): Promise<Overview> {
  const since = new Date(now.getTime() - OVERVIEW_DAYS * DAY_MS);
  const families = communeIds === 'all' ? 'all' : communeIds.flatMap((id) => deps.domain.communeFamily(id));
  const [base, activity, residents, regs, questions, perDay] = await Promise.all([
    communeReport(deps.domain, deps.venues, communeIds === 'all' ? deps.domain.communes.filter((c) => !c.mergedInto).map((c) => c.id) : communeIds, now),
    deps.figures.activity(families, since),
    deps.figures.residentsReached(families, since),
    deps.figures.registrationsByCommune(families),
    deps.figures.waitingQuestions(families),
    deps.figures.checkInsPerDay({ communeIds: families }, since),
  ]);
  const sum = <T extends { communeId: string | null }>(list: readonly T[], id: string, pick: (x: T) => number) => {
    const family = deps.domain.communeFamily(id);
    return list.filter((x) => x.communeId !== null && family.includes(x.communeId)).reduce((n, x) => n + pick(x), 0);
  };
  const rows: OverviewRow[] = base.map((b) => ({
    communeId: b.communeId,
    communeName: b.communeName,
    venues: b.venues,
    activeVenues: b.venuesWithRecentCheckIn,
    codes: b.codes,
    checkIns30d: sum(activity, b.communeId, (x) => x.checkIns),
    residents: sum(activity, b.communeId, (x) => x.residents),
    registrations: sum(regs, b.communeId, (x) => x.registered + x.scheduled),
    scheduled: sum(regs, b.communeId, (x) => x.scheduled),
    questionsWaiting: sum(questions, b.communeId, (x) => x.n),
  }));
  rows.sort((a, b) => activeShare(a) - activeShare(b) || a.venues - b.venues || a.communeName.localeCompare(b.communeName, 'vi'));
  const add = (key: keyof Omit<OverviewRow, 'communeId' | 'communeName'>) => rows.reduce((n, r) => n + r[key], 0);
  const total: OverviewRow = {
    communeId: '',
    communeName: dt.overview.total,
    venues: add('venues'),
    activeVenues: add('activeVenues'),
    codes: add('codes'),
    checkIns30d: add('checkIns30d'),
    residents,
    registrations: add('registrations'),
    scheduled: add('scheduled'),
    questionsWaiting: add('questionsWaiting'),
  };
  return { rows, total, perDay: fillDays(perDay, now) };
}

/** The last 30 Vietnam calendar days, with zeros for days without check-ins. */
function fillDays(found: readonly { day: string; n: number }[], now: Date): { day: string; n: number }[] {
  const byDay = new Map(found.map((d) => [d.day, d.n]));
  const vnToday = new Date(now.getTime() + 7 * 3600_000);
  return Array.from({ length: OVERVIEW_DAYS }, (_, i) => {
    const day = new Date(vnToday.getTime() - (OVERVIEW_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return { day, n: byDay.get(day) ?? 0 };
  });
}
