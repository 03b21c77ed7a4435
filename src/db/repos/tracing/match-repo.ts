import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { MAX_VISIT_MINUTES, rowsOf, visitEndSql, type MatchOptions } from './sql.js';

/** A person matched by an event: a contact (the guardian for a family member) and the first window they overlapped. */
export interface MatchedPerson {
  readonly contactId: number;
  readonly dependentId: number | null;
  readonly windowId: number;
}

/** A chat of a matched person, as the reachability decision needs it. */
export interface PersonChat {
  /** The chat's own contact id (conversation state is per chat). */
  readonly id: number;
  readonly channel: string;
  readonly botId: string;
  readonly chatId: string;
  readonly unreachable: boolean;
  readonly lastSeenAt: Date;
}

export interface MatchedWithChats extends MatchedPerson {
  readonly dependentName: string | null;
  readonly chats: readonly PersonChat[];
}

/**
 * The match of an event's windows against everyone's visits. Fast because of the `visits_venue`
 * index (venue_id, checked_in_at, checked_out_at, contact_id, dependent_id): each window reads one
 * venue's slice of check-ins, from MAX_VISIT_MINUTES before it starts to the end of its tail, from
 * the index alone (index-only scan). A person event's windows come from `visits_contact`.
 */
export class TracingMatchRepo {
  constructor(private readonly db: Db, private readonly opts: MatchOptions) {}

  /**
   * The match, as one query: every person (contact, or family member checked in by them) with a
   * visit at a window's venue (any of its codes) overlapping the window extended by the tail (none
   * for vehicles: the same trip). A visit without check-out lasts its venue type's usual stay.
   * Intervals are half-open: a visit that ends exactly when the window starts (or starts exactly
   * when the tail ends) shares no moment with it. The case's own visits never match. Reads the
   * (venue_id, checked_in_at, checked_out_at, contact_id, dependent_id) index only.
   */
  matchSql(eventId: number, onlyNew: boolean): SQL {
    const vehicles = this.opts.vehicleTypes.length ? sql`ve.type_id in (${sql.join(this.opts.vehicleTypes.map((t) => sql`${t}`), sql`, `)})` : sql`false`;
    const fresh = onlyNew
      ? sql`and not exists (select 1 from exposure_alerts a where a.event_id = e.id and a.person_key = case when v.dependent_id is null then 'c' || v.contact_id else 'd' || v.dependent_id end)`
      : sql``;
    return sql`
      select distinct on (v.contact_id, v.dependent_id) v.contact_id, v.dependent_id, w.id as window_id
      from exposure_events e
      join exposure_windows w on w.event_id = e.id
      join venues ve on ve.id = w.venue_id
      join visits v on v.venue_id = w.venue_id
        and v.checked_in_at >= w.starts_at - make_interval(mins => ${MAX_VISIT_MINUTES})
        and v.checked_in_at < w.ends_at + make_interval(mins => case when ${vehicles} then 0 else e.tail_minutes end)
      where e.id = ${eventId}
        and ${visitEndSql(this.opts)} > w.starts_at
        and (v.contact_id is distinct from e.case_contact_id or v.dependent_id is distinct from e.case_dependent_id)
        ${fresh}
      order by v.contact_id, v.dependent_id, w.starts_at, w.id`;
  }

  async match(eventId: number, onlyNew = false): Promise<MatchedPerson[]> {
    return rowsOf(await this.db.execute(this.matchSql(eventId, onlyNew))).map((r) => ({ contactId: Number(r.contact_id), dependentId: r.dependent_id === null ? null : Number(r.dependent_id), windowId: Number(r.window_id) }));
  }

  /** The match with each person's chats (the primary contact and every chat linked to it) and a family member's name. */
  async matchWithChats(eventId: number, onlyNew: boolean): Promise<MatchedWithChats[]> {
    const result = await this.db.execute(sql`
      with m as (${this.matchSql(eventId, onlyNew)})
      select m.contact_id, m.dependent_id, m.window_id, d.name as dependent_name,
        (select coalesce(json_agg(json_build_object('id', c.id, 'channel', c.channel, 'botId', c.bot_id, 'chatId', c.chat_id, 'unreachable', c.unreachable_at is not null, 'lastSeenAt', c.last_seen_at) order by c.last_seen_at desc), '[]'::json)
           from contacts c where c.id = m.contact_id or c.linked_to = m.contact_id) as chats
      from m left join dependents d on d.id = m.dependent_id`);
    return rowsOf(result).map((r) => ({
      contactId: Number(r.contact_id),
      dependentId: r.dependent_id === null ? null : Number(r.dependent_id),
      windowId: Number(r.window_id),
      dependentName: r.dependent_name === null ? null : String(r.dependent_name),
      chats: (typeof r.chats === 'string' ? (JSON.parse(r.chats) as Record<string, unknown>[]) : (r.chats as Record<string, unknown>[])).map((c) => ({
        id: Number(c.id), channel: String(c.channel), botId: String(c.botId), chatId: String(c.chatId), unreachable: Boolean(c.unreachable), lastSeenAt: new Date(String(c.lastSeenAt)),
      })),
    }));
  }
}
