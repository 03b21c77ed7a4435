import type { MatchedWithChats, PersonChat } from '../db/repos/tracing-repo.js';
import type { Caller } from './ports.js';
import { inTransaction, type TracingDeps } from './deps.js';
import { loadEvent } from './open-place-event.js';
import { pickChat, type UnreachableReason } from './reach.js';

export interface Preview {
  readonly eventId: number;
  readonly status: string;
  readonly windows: readonly { venueId: number; venue: string; from: string; to: string }[];
  /** Distinct people matched (family members included), alerted or not. */
  readonly people: number;
  /** People not alerted yet by this event: what a send would add. */
  readonly newPeople: number;
  readonly familyMembers: number;
  /** New people reachable now, by the channel their alert would use. */
  readonly byChannel: Readonly<Record<string, number>>;
  /** New people who cannot be reached now, and why. */
  readonly unreachable: number;
  readonly unreachableBy: Readonly<Partial<Record<UnreachableReason, number>>>;
  /** Sending needs a district admin's approval (more people than TRACING_APPROVAL_THRESHOLD). */
  readonly needsApproval: boolean;
}

export interface Planned {
  readonly person: MatchedWithChats;
  readonly target: { chat: PersonChat } | { reason: UnreachableReason };
}

/** The new people of an event with where each alert would go. */
export async function planAlerts(deps: TracingDeps, eventId: number): Promise<Planned[]> {
  const now = deps.now();
  const fresh = await deps.repo.matching.matchWithChats(eventId, true);
  return fresh.map((person) => ({ person, target: pickChat(person.chats, (c, b) => deps.channelEnabled(c, b), now) }));
}

/**
 * What a send would do, before anything is sent: the windows, how many distinct people (family
 * members included), per channel, how many can be reached now and why the others cannot.
 */
export async function previewEvent(deps: TracingDeps, caller: Caller, eventId: number): Promise<Preview> {
  const event = await loadEvent(deps, caller, eventId);
  const windows = await deps.repo.events.windows(eventId);
  const planned = await planAlerts(deps, eventId);
  const alerted = await deps.repo.alerts.alertedCount(eventId);
  const byChannel: Record<string, number> = {};
  const unreachableBy: Partial<Record<UnreachableReason, number>> = {};
  for (const p of planned) {
    if ('chat' in p.target) byChannel[p.target.chat.channel] = (byChannel[p.target.chat.channel] ?? 0) + 1;
    else unreachableBy[p.target.reason] = (unreachableBy[p.target.reason] ?? 0) + 1;
  }
  const people = alerted + planned.length;
  await inTransaction(deps.db, (tx) => deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.preview', communeId: event.communeId, subject: `event:${eventId}`, detail: { people } }));
  return {
    eventId,
    status: event.status,
    windows: windows.map((w) => ({ venueId: w.venueId, venue: w.venueName, from: w.startsAt.toISOString(), to: w.endsAt.toISOString() })),
    people,
    newPeople: planned.length,
    familyMembers: planned.filter((p) => p.person.dependentId !== null).length,
    byChannel,
    unreachable: planned.filter((p) => !('chat' in p.target)).length,
    unreachableBy,
    needsApproval: people > deps.settings.approvalThreshold && (event.approvedFor ?? 0) < people,
  };
}
