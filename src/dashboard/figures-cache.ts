import type { FiguresRepo } from '../db/repos/figures-repo.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';

/** Check-in figures are recomputed at most this often (the page says so). */
export const FIGURES_FRESH_MS = 60_000;
/** Older than this, a request waits for new figures instead of showing the old ones. */
export const FIGURES_MAX_STALE_MS = 15 * 60_000;

interface Entry {
  value: unknown;
  at: number;
  refreshing: Promise<unknown> | null;
}

/**
 * Stale-while-revalidate memo for the aggregate queries over visits (a million rows take seconds
 * to count; the overview must answer in a fraction of one). A fresh entry is served as is; a stale
 * one is served at once while one background query refreshes it; a missing or too old one is
 * computed while the caller waits. Concurrent callers share one query per key.
 */
export class FiguresCache {
  private readonly entries = new Map<string, Entry>();

  /** `onRefreshError` hears a background refresh that failed (the stale figures stay; the next request tries again). */
  constructor(
    private readonly onRefreshError: (err: unknown) => void,
    private readonly clock: () => number = Date.now,
    private readonly freshMs = FIGURES_FRESH_MS,
    private readonly maxStaleMs = FIGURES_MAX_STALE_MS,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { value: undefined, at: -Infinity, refreshing: null }));
    const age = this.clock() - e.at;
    if (age < this.freshMs) return e.value as T;
    const entry = e;
    if (!entry.refreshing) {
      entry.refreshing = compute()
        .then((value) => {
          entry.value = value;
          entry.at = this.clock();
          return value;
        })
        .finally(() => (entry.refreshing = null));
    }
    if (age < this.maxStaleMs) {
      entry.refreshing.catch(this.onRefreshError);
      return entry.value as T;
    }
    return (await entry.refreshing) as T;
  }
}

const keyOf = (ids: readonly string[] | 'all') => (ids === 'all' ? 'all' : [...ids].sort().join(','));

/** The visit aggregates of FiguresRepo, memoised per set of communes (the time window rolls). */
export function cachedFigures(real: FiguresRepo, cache: FiguresCache): Pick<FiguresRepo, 'activity' | 'residentsReached' | 'checkInsPerDay' | 'registrationsByCommune' | 'waitingQuestions'> {
  return {
    activity: (ids, since) => cache.get(`activity:${keyOf(ids)}`, () => real.activity(ids, since)),
    residentsReached: (ids, since) => cache.get(`residents:${keyOf(ids)}`, () => real.residentsReached(ids, since)),
    checkInsPerDay: (f, since) => (f.venueId === undefined ? cache.get(`perday:${keyOf(f.communeIds)}`, () => real.checkInsPerDay(f, since)) : real.checkInsPerDay(f, since)),
    // Pre-registrations and waiting questions change by the officials' own hand: always live.
    registrationsByCommune: (ids) => real.registrationsByCommune(ids),
    waitingQuestions: (ids) => real.waitingQuestions(ids),
  };
}

/** Venue figures per commune (counts and "a check-in in 7 days"), memoised the same way. */
export function cachedVenueFigures(real: VenueRepo, cache: FiguresCache): Pick<VenueRepo, 'figures'> {
  return { figures: (ids, since) => cache.get(`venues:${keyOf(ids)}`, () => real.figures(ids, since)) };
}
