import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { vnDayStart } from './schedule.js';
import type { ExclusionReason } from './policy/channel-policy.js';
import { policyFor } from './policy/policies.js';
import { idArray, rowsOf, textArray } from './sql-rows.js';

/** Who a broadcast is for: residents who chose the commune, venue owners, or people with a pending pre-registration. */
export type Audience = 'residents' | 'owners' | 'pending-registrations';
export const AUDIENCES: readonly Audience[] = ['residents', 'owners', 'pending-registrations'];

/** One person of the audience, with the chat we would use or the reason we will not send. */
export interface Candidate {
  readonly personId: number;
  readonly communeId: string;
  readonly chat: { readonly channel: string; readonly botId: string; readonly chatId: string } | null;
  readonly exclusion: ExclusionReason | null;
  /** Sent through the deployment's approved message template (Zalo OA outside its 7-day window). */
  readonly via?: 'template';
}

export interface AudienceOptions {
  readonly communeIds: readonly string[];
  readonly audience: Audience;
  readonly now: Date;
  /** Broadcasts per person per Vietnam day, across all broadcasts and campaigns. */
  readonly dailyCap: number;
  /** Bots that exist in this deployment ("channel:botId"); chats on other bots cannot be reached. */
  readonly liveBots: ReadonlySet<string>;
  /** Channels with an approved template configured for people outside their messaging window. */
  readonly templateChannels?: ReadonlySet<string>;
}

/** People resolved per chunk: the memory a start needs stays the same for 1,000 or 100,000 people. */
export const AUDIENCE_CHUNK = 5000;

/**
 * Resolves an audience to people and, for each, the chat to use or why not: consent (residents
 * must have said yes; owners and registrants can say no), reachability (the chat used last that
 * the channel's policy allows), and the per-person daily cap. Runs a fixed number of queries
 * whatever the audience size.
 */
export async function resolveAudience(db: Db, o: AudienceOptions): Promise<Candidate[]> {
  const all: Candidate[] = [];
  await forEachAudienceChunk(db, o, async (chunk) => void all.push(...chunk));
  return all;
}

/**
 * The same resolution, handed over `chunk` people at a time (in person order), so a run of a whole
 * district's residents never holds every person's rows at once (a few queries per chunk).
 */
export async function forEachAudienceChunk(db: Db, o: AudienceOptions, onChunk: (candidates: Candidate[]) => Promise<void>, chunk = AUDIENCE_CHUNK): Promise<void> {
  const everyone = await members(db, o.audience, o.communeIds);
  for (let i = 0; i < everyone.length; i += chunk) await onChunk(await resolveChunk(db, o, everyone.slice(i, i + chunk)));
}

async function resolveChunk(db: Db, o: AudienceOptions, people: { personId: number; communeId: string }[]): Promise<Candidate[]> {
  const ids = people.map((p) => p.personId);
  const consent = await consentOf(db, ids, o.audience === 'pending-registrations' ? 'reminders' : 'announcements');
  const reminderOut = o.audience === 'pending-registrations' ? await reminderOptOuts(db, ids) : new Set<number>();
  const chats = await chatsOf(db, ids);
  const sentToday = await sentSince(db, ids, vnDayStart(o.now));
  return people.map((p) => {
    const given = consent.get(p.personId);
    const optedOut = given === false || reminderOut.has(p.personId);
    if (optedOut) return { ...p, chat: null, exclusion: 'opted-out' };
    if (o.audience === 'residents' && given !== true) return { ...p, chat: null, exclusion: 'no-consent' };
    const options = (chats.get(p.personId) ?? []).filter((c) => o.liveBots.has(`${c.channel}:${c.botId}`));
    if (options.length === 0) return { ...p, chat: null, exclusion: (chats.get(p.personId) ?? []).length ? 'channel-off' : 'unreachable' };
    const usable = options.find((c) => policyFor(c.channel).exclusion({ lastSeenAt: c.lastSeenAt }, o.now) === null);
    // Outside Zalo OA's 7-day window a consultation message fails (-230); the deployment's approved
    // template still reaches the person, when one is configured.
    const viaTemplate = !usable && o.templateChannels?.has(options[0]!.channel) && policyFor(options[0]!.channel).exclusion({ lastSeenAt: options[0]!.lastSeenAt }, o.now) === 'outside-zalo-window';
    const chosen = usable ?? (viaTemplate ? options[0]! : undefined);
    if (!chosen) return { ...p, chat: null, exclusion: policyFor(options[0]!.channel).exclusion({ lastSeenAt: options[0]!.lastSeenAt }, o.now) };
    if ((sentToday.get(p.personId) ?? 0) >= o.dailyCap) return { ...p, chat: null, exclusion: 'frequency-cap' };
    return { ...p, chat: { channel: chosen.channel, botId: chosen.botId, chatId: chosen.chatId }, exclusion: null, ...(viaTemplate ? { via: 'template' as const } : {}) };
  });
}

async function members(db: Db, audience: Audience, communeIds: readonly string[]): Promise<{ personId: number; communeId: string }[]> {
  const communes = textArray(communeIds);
  const q =
    audience === 'residents'
      ? sql`select person_id, commune_id from resident_homes where commune_id = any(${communes}::text[]) order by person_id`
      : audience === 'owners'
        ? sql`select distinct on (owner_contact_id) owner_contact_id as person_id, commune_id from venues
              where status = 'active' and owner_contact_id is not null and commune_id = any(${communes}::text[]) order by owner_contact_id, id`
        : sql`select distinct on (contact_id) contact_id as person_id, commune_id from vaccination_registrations
              where status = 'registered' and appointment_at is null and commune_id = any(${communes}::text[]) order by contact_id, id`;
  return rowsOf(await db.execute(q)).map((r) => ({ personId: Number(r.person_id), communeId: String(r.commune_id) }));
}

async function consentOf(db: Db, ids: readonly number[], purpose: string): Promise<Map<number, boolean>> {
  const rows = rowsOf(
    await db.execute(sql`select distinct on (person_id) person_id, given from consent_events
      where person_id = any(${idArray(ids)}::bigint[]) and purpose = ${purpose} order by person_id, id desc`),
  );
  return new Map(rows.map((r) => [Number(r.person_id), r.given === true || r.given === 't']));
}

async function reminderOptOuts(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const rows = rowsOf(await db.execute(sql`select contact_id from reminder_opt_outs where contact_id = any(${idArray(ids)}::bigint[])`));
  return new Set(rows.map((r) => Number(r.contact_id)));
}

interface ChatRow {
  channel: string;
  botId: string;
  chatId: string;
  lastSeenAt: Date;
}

/** Every reachable chat of each person (primary and linked), most recently used first. */
async function chatsOf(db: Db, ids: readonly number[]): Promise<Map<number, ChatRow[]>> {
  const rows = rowsOf(
    await db.execute(sql`select coalesce(linked_to, id) as person_id, channel, bot_id, chat_id, last_seen_at from contacts
      where coalesce(linked_to, id) = any(${idArray(ids)}::bigint[]) and unreachable_at is null
      order by coalesce(linked_to, id), last_seen_at desc`),
  );
  const out = new Map<number, ChatRow[]>();
  for (const r of rows) {
    const id = Number(r.person_id);
    const list = out.get(id) ?? [];
    list.push({ channel: String(r.channel), botId: String(r.bot_id), chatId: String(r.chat_id), lastSeenAt: new Date(r.last_seen_at as string) });
    out.set(id, list);
  }
  return out;
}

/** Broadcast and campaign messages handed to each person since `since` (for the daily cap). */
export async function sentSince(db: Db, ids: readonly number[], since: Date): Promise<Map<number, number>> {
  const rows = rowsOf(
    await db.execute(sql`select person_id, count(*)::int as n from (
        select person_id from broadcast_recipients where person_id = any(${idArray(ids)}::bigint[]) and queued_at >= ${since.toISOString()}::timestamptz
          and status in ('queued', 'sent', 'uncertain')
        union all
        select person_id from campaign_messages where person_id = any(${idArray(ids)}::bigint[]) and done_at >= ${since.toISOString()}::timestamptz and status = 'queued'
      ) x group by person_id`),
  );
  return new Map(rows.map((r) => [Number(r.person_id), Number(r.n)]));
}
