import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { vnDayStart } from './schedule.js';
import type { ExclusionReason } from './policy/channel-policy.js';
import { allPolicies, policyFor } from './policy/policies.js';
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

/** People of one commune, channel, bot and exclusion (null: will be sent), as the preview counts them. */
export interface AudienceGroup {
  readonly communeId: string;
  readonly channel: string | null;
  readonly botId: string | null;
  readonly exclusion: ExclusionReason | null;
  readonly people: number;
}

/**
 * Resolves an audience to people and, for each, the chat to use or why not, as ONE query that runs
 * in Postgres: consent (residents must have said yes; owners and registrants can say no), opt-outs,
 * reachability (the most recently used chat on a switched-on bot that its channel's policy allows;
 * outside Zalo OA's window the approved template, when configured) and the per-person daily cap.
 * No per-person row passes through this process unless a caller asks for them (resolveAudience):
 * starting a run of a whole district's residents costs the service no memory (bench:broadcast
 * measured ~140 MB of heap churn resolving 100,000 people in JS, chunk by chunk).
 *
 * Columns: person_id, commune_id, exclusion (null: send), channel, bot_id, chat_id (null when
 * excluded), via_template.
 */
function resolvedSql(o: AudienceOptions): SQL {
  const purpose = o.audience === 'pending-registrations' ? 'reminders' : 'announcements';
  const policies = JSON.stringify(allPolicies().map((p) => ({ channel: p.channel, window_ms: p.window?.ms ?? null, reason: p.window?.reason ?? null })));
  // A channel without a policy gets the strictest one (policyFor), window included.
  const fallback = policyFor('\u0000');
  const now = o.now.toISOString();
  const since = vnDayStart(o.now);
  return sql`with m as materialized (${members(o.audience, o.communeIds)}),
    pol as (select * from jsonb_to_recordset(${policies}::jsonb) as p(channel text, window_ms bigint, reason text)),
    given as (select distinct on (e.person_id) e.person_id, e.given from consent_events e
      where e.person_id in (select person_id from m) and e.purpose = ${purpose} order by e.person_id, e.id desc),
    ch as materialized (select coalesce(c.linked_to, c.id) as person_id, c.id, c.channel, c.bot_id, c.chat_id, c.last_seen_at,
        (c.channel || ':' || c.bot_id) = any(${textArray([...o.liveBots])}::text[]) as live,
        case when (case when w.channel is null then ${fallback.window?.ms ?? null}::bigint else w.window_ms end) is not null
          and ${now}::timestamptz - c.last_seen_at > (case when w.channel is null then ${fallback.window?.ms ?? null}::bigint else w.window_ms end) * interval '1 millisecond'
          then coalesce(w.reason, ${fallback.window?.reason ?? null}::text) end as excl
      from contacts c left join pol w on w.channel = c.channel
      where coalesce(c.linked_to, c.id) in (select person_id from m) and c.unreachable_at is null),
    fl as (select distinct on (person_id) person_id, channel, bot_id, chat_id, excl from ch where live order by person_id, last_seen_at desc, id desc),
    fu as (select distinct on (person_id) person_id, channel, bot_id, chat_id from ch where live and excl is null order by person_id, last_seen_at desc, id desc),
    sent as (select person_id, count(*)::int as n from (${handedSince(sql`select person_id from m`, since)}) s group by person_id),
    r as (select m.person_id, m.commune_id, g.given,
        ${o.audience === 'pending-registrations' ? sql`exists (select 1 from reminder_opt_outs ro where ro.contact_id = m.person_id)` : sql`false`} as reminder_out,
        exists (select 1 from ch where ch.person_id = m.person_id) as has_chat,
        fl.channel as fl_channel, fl.bot_id as fl_bot, fl.chat_id as fl_chat, fl.excl as fl_excl,
        fu.channel as fu_channel, fu.bot_id as fu_bot, fu.chat_id as fu_chat, coalesce(s.n, 0) as sent_today,
        fu.person_id is null and fl.channel = any(${textArray([...(o.templateChannels ?? [])])}::text[]) and fl.excl = 'outside-zalo-window' as template_ok
      from m left join given g on g.person_id = m.person_id left join fl on fl.person_id = m.person_id
        left join fu on fu.person_id = m.person_id left join sent s on s.person_id = m.person_id),
    x as (select r.*, case
        when r.given = false or r.reminder_out then 'opted-out'
        when ${sql.raw(o.audience === 'residents' ? 'true' : 'false')} and r.given is not true then 'no-consent'
        when r.fl_channel is null then case when r.has_chat then 'channel-off' else 'unreachable' end
        when r.fu_channel is null and not r.template_ok then r.fl_excl
        when r.sent_today >= ${o.dailyCap}::int then 'frequency-cap' end as exclusion from r)
    select person_id, commune_id, exclusion,
      case when exclusion is null then coalesce(fu_channel, fl_channel) end as channel,
      case when exclusion is null then coalesce(fu_bot, fl_bot) end as bot_id,
      case when exclusion is null then coalesce(fu_chat, fl_chat) end as chat_id,
      exclusion is null and fu_channel is null as via_template
    from x`;
}

/** Every person of the audience with their chat or exclusion, in person order (tests, small audiences). */
export async function resolveAudience(db: Db, o: AudienceOptions): Promise<Candidate[]> {
  const rows = rowsOf(await db.execute(sql`select * from (${resolvedSql(o)}) q order by person_id`));
  return rows.map((r) => {
    const base = { personId: Number(r.person_id), communeId: String(r.commune_id) };
    if (r.exclusion !== null) return { ...base, chat: null, exclusion: r.exclusion as ExclusionReason };
    const chat = { channel: String(r.channel), botId: String(r.bot_id), chatId: String(r.chat_id) };
    return { ...base, chat, exclusion: null, ...(isTrue(r.via_template) ? { via: 'template' as const } : {}) };
  });
}

/** The audience counted per commune, channel, bot and exclusion (the preview): a few rows whatever its size. */
export async function summariseAudience(db: Db, o: AudienceOptions): Promise<AudienceGroup[]> {
  const rows = rowsOf(await db.execute(sql`select commune_id, channel, bot_id, exclusion, count(*)::int as n from (${resolvedSql(o)}) q group by 1, 2, 3, 4`));
  return rows.map((r) => ({
    communeId: String(r.commune_id),
    channel: r.channel === null ? null : String(r.channel),
    botId: r.bot_id === null ? null : String(r.bot_id),
    exclusion: (r.exclusion ?? null) as ExclusionReason | null,
    people: Number(r.n),
  }));
}

/**
 * Writes a run's ledger rows straight from the resolution, in the caller's transaction: `pending`
 * with the chat to use (reason `viaTemplate` when it goes through the approved template), or
 * `excluded` with the reason. Returns how many people it wrote.
 */
export async function insertAudience(tx: Db, runId: number, o: AudienceOptions, viaTemplate: string): Promise<number> {
  const [row] = rowsOf(
    await tx.execute(sql`with ins as (insert into broadcast_recipients (run_id, person_id, commune_id, channel, bot_id, chat_id, status, reason)
      select ${runId}::bigint, person_id, commune_id, channel, bot_id, chat_id,
        case when exclusion is null then 'pending' else 'excluded' end,
        case when exclusion is null then (case when via_template then ${viaTemplate} end) else exclusion end
      from (${resolvedSql(o)}) q order by person_id
      on conflict do nothing returning 1) select count(*)::int as n from ins`),
  );
  return Number(row?.n ?? 0);
}

const isTrue = (v: unknown) => v === true || v === 't';

function members(audience: Audience, communeIds: readonly string[]): SQL {
  const communes = textArray(communeIds);
  return audience === 'residents'
    ? sql`select person_id, commune_id from resident_homes where commune_id = any(${communes}::text[])`
    : audience === 'owners'
      ? sql`select distinct on (owner_contact_id) owner_contact_id as person_id, commune_id from venues
            where status = 'active' and owner_contact_id is not null and commune_id = any(${communes}::text[]) order by owner_contact_id, id`
      : sql`select distinct on (contact_id) contact_id as person_id, commune_id from vaccination_registrations
            where status = 'registered' and appointment_at is null and commune_id = any(${communes}::text[]) order by contact_id, id`;
}

/**
 * One row per broadcast or campaign message handed to one of `persons` (a query of person ids)
 * since `since`: what the daily cap counts, in the resolution and in the engine's and campaigns' checks.
 */
function handedSince(persons: SQL, since: Date): SQL {
  const from = since.toISOString();
  return sql`select x.person_id from broadcast_recipients x where x.person_id in (${persons}) and x.queued_at >= ${from}::timestamptz
      and x.status in ('queued', 'sent', 'uncertain')
    union all
    select k.person_id from campaign_messages k where k.person_id in (${persons}) and k.done_at >= ${from}::timestamptz and k.status = 'queued'`;
}

/** Broadcast and campaign messages handed to each person since `since` (for the daily cap). */
export async function sentSince(db: Db, ids: readonly number[], since: Date): Promise<Map<number, number>> {
  const rows = rowsOf(await db.execute(sql`select person_id, count(*)::int as n from (${handedSince(sql`select unnest(${idArray(ids)}::bigint[])`, since)}) x group by person_id`));
  return new Map(rows.map((r) => [Number(r.person_id), Number(r.n)]));
}
