import type { Caller } from './ports.js';
import { assertCallerInScope, TracingInputError } from './ports.js';
import { inTransaction, type TracingDeps, type VenueRef } from './deps.js';

export interface WindowInput {
  readonly from: Date;
  readonly to: Date;
}

const MAX_WINDOW_MS = 24 * 3600_000;

/** One venue by what an official typed (manual code, link, or name), within what they may see. */
export async function resolveVenue(deps: TracingDeps, caller: Caller, input: string): Promise<VenueRef> {
  const found = await deps.findVenues(input, caller.official ? caller.official.communeIds : 'all');
  if (found.length === 0) throw new TracingInputError('venue_not_found', `no venue matches "${input.slice(0, 80)}" in your communes`, 404);
  if (found.length > 1) throw new TracingInputError('venue_ambiguous', `"${input.slice(0, 80)}" matches ${found.length} venues: ${found.slice(0, 5).map((v) => `${v.name} (#${v.id})`).join(', ')}`, 409);
  assertCallerInScope(caller, found[0]!.communeId);
  return found[0]!;
}

/** A window must be real: start before end, at most a day, not in the future, not older than the visits we keep. */
export function checkWindow(deps: TracingDeps, w: WindowInput): WindowInput {
  const now = deps.now();
  if (Number.isNaN(w.from.getTime()) || Number.isNaN(w.to.getTime())) throw new TracingInputError('bad_window', 'window times must be ISO dates');
  if (w.to.getTime() <= w.from.getTime()) throw new TracingInputError('bad_window', 'a window must end after it starts');
  if (w.to.getTime() - w.from.getTime() > MAX_WINDOW_MS) throw new TracingInputError('bad_window', 'a window may last at most 24 hours; add several windows instead');
  if (w.from.getTime() > now.getTime()) throw new TracingInputError('bad_window', 'a window cannot start in the future');
  if (w.to.getTime() < now.getTime() - deps.settings.visitRetentionDays * 24 * 3600_000) throw new TracingInputError('bad_window', `visits older than ${deps.settings.visitRetentionDays} days are deleted; nothing to match`);
  return w;
}

/** One venue (as typed: manual code, link, name or "#id") and its windows. */
export interface PlaceInput {
  readonly venue: string;
  readonly windows: readonly WindowInput[];
}

/** Resolves and checks every place before anything is written: one bad line opens nothing. */
async function resolvePlaces(deps: TracingDeps, caller: Caller, places: readonly PlaceInput[]): Promise<{ venue: VenueRef; windows: WindowInput[] }[]> {
  if (places.length === 0 || places.some((p) => p.windows.length === 0)) throw new TracingInputError('bad_window', 'give at least one window');
  const out: { venue: VenueRef; windows: WindowInput[] }[] = [];
  for (const p of places) out.push({ venue: await resolveVenue(deps, caller, p.venue), windows: p.windows.map((w) => checkWindow(deps, w)) });
  return out;
}

/**
 * Opens an exposure event by place and time, as health authorities announced them ("Chợ Phổ
 * Minh, 01/12 từ 7:00 đến 10:00"), with one or more windows, at one venue or several (`more`), all
 * of one commune. Nothing is sent: preview, then send.
 */
export async function openPlaceEvent(deps: TracingDeps, caller: Caller, input: PlaceInput & { more?: readonly PlaceInput[] }): Promise<{ eventId: number; venue: VenueRef }> {
  const places = await resolvePlaces(deps, caller, [input, ...(input.more ?? [])]);
  const { venue } = places[0]!;
  const other = places.find((p) => p.venue.communeId !== venue.communeId);
  if (other) throw new TracingInputError('communes_differ', `${other.venue.name} is in another commune than ${venue.name}: open one event per commune`);
  const windows = places.flatMap((p) => p.windows.map((w) => ({ venueId: p.venue.id, startsAt: w.from, endsAt: w.to })));
  const eventId = await inTransaction(deps.db, async (tx) => {
    const id = await deps.repo.events.createEvent(tx, { kind: 'place', communeId: venue.communeId, openedBy: caller.official?.id ?? null, tailMinutes: deps.settings.tailMinutes, createdAt: deps.now() });
    await deps.repo.events.addWindows(tx, id, windows);
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.open', communeId: venue.communeId, subject: `event:${id}`, detail: { kind: 'place', venueIds: [...new Set(places.map((p) => p.venue.id))], windows: windows.length } });
    return id;
  });
  return { eventId, venue };
}

/** Extends an open event with more windows, at its venues or new ones; a later send alerts only people not alerted yet. */
export async function extendEvent(deps: TracingDeps, caller: Caller, eventId: number, input: PlaceInput & { more?: readonly PlaceInput[] }): Promise<{ eventId: number; windows: number }> {
  const event = await loadOpenEvent(deps, caller, eventId);
  const places = await resolvePlaces(deps, caller, [input, ...(input.more ?? [])]);
  const windows = places.flatMap((p) => p.windows.map((w) => ({ venueId: p.venue.id, startsAt: w.from, endsAt: w.to })));
  await inTransaction(deps.db, async (tx) => {
    await deps.repo.events.addWindows(tx, eventId, windows);
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.extend', communeId: event.communeId, subject: `event:${eventId}`, detail: { venueIds: [...new Set(places.map((p) => p.venue.id))], windows: windows.length } });
  });
  return { eventId, windows: windows.length };
}

/** An event the caller may act on, still open. */
export async function loadOpenEvent(deps: TracingDeps, caller: Caller, eventId: number) {
  const event = await loadEvent(deps, caller, eventId);
  if (event.status !== 'open') throw new TracingInputError('event_closed', `event ${eventId} is closed`, 409);
  return event;
}

/** An event the caller may see (same answer for "missing" and "not yours": nothing leaks across communes). */
export async function loadEvent(deps: TracingDeps, caller: Caller, eventId: number) {
  const event = Number.isSafeInteger(eventId) ? await deps.repo.events.event(eventId) : undefined;
  if (!event || (caller.official && !caller.official.communeIds.includes(event.communeId))) throw new TracingInputError('event_not_found', `no event ${eventId} in your communes`, 404);
  return event;
}
