import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { alertTemplates, exposureAlerts, exposureEvents, exposureWindows, tracingShareCodes } from '../schema/tracing.js';

/**
 * Longest a visit may count as lasting. Automatic check-out ends a visit after its venue type's
 * usual stay (9 h at most), so anything longer is a forgotten check-out; bounding it lets the match
 * read a bounded slice of the (venue, check-in) index.
 */
export const MAX_VISIT_MINUTES = 12 * 60;

export type EventRow = typeof exposureEvents.$inferSelect;
export type WindowRow = typeof exposureWindows.$inferSelect;

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

export interface NewAlert {
  readonly eventId: number;
  readonly contactId: number;
  readonly dependentId: number | null;
  readonly windowId: number;
  readonly status: 'queued' | 'unreachable';
  readonly reason: string | null;
  readonly channel: string | null;
  readonly templateVersion: number;
}

const personKey = (contactId: number, dependentId: number | null) => (dependentId === null ? `c${contactId}` : `d${dependentId}`);

/** `case type_id when ... then <stay> ... end` in minutes, the usual stay of an unclosed visit. */
function staySql(stayMinutes: Readonly<Record<string, number>>, fallback: number): SQL {
  const cases = Object.entries(stayMinutes).map(([type, m]) => sql`when ${type} then ${m}::int`);
  return cases.length ? sql`(case ve.type_id ${sql.join(cases, sql` `)} else ${fallback}::int end)` : sql`${fallback}::int`;
}

export interface MatchOptions {
  readonly stayMinutes: Readonly<Record<string, number>>;
  readonly fallbackStayMinutes: number;
  /** Venue types that are vehicles: exposure is the same trip, so no tail after the case left. */
  readonly vehicleTypes: readonly string[];
}

/** Storage of exposure events, windows, alerts, share codes and alert templates. */
export class TracingRepo {
  constructor(private readonly db: Db, private readonly opts: MatchOptions) {}

  async createEvent(tx: Db, e: { kind: 'place' | 'person'; communeId: string; openedBy: number | null; caseContactId?: number | null; caseDependentId?: number | null; tailMinutes: number; createdAt: Date }): Promise<number> {
    const [row] = await tx.insert(exposureEvents).values({ ...e, caseContactId: e.caseContactId ?? null, caseDependentId: e.caseDependentId ?? null }).returning({ id: exposureEvents.id });
    return row!.id;
  }

  async addWindows(tx: Db, eventId: number, windows: readonly { venueId: number; startsAt: Date; endsAt: Date }[]): Promise<number> {
    if (windows.length === 0) return 0;
    const rows = await tx.insert(exposureWindows).values(windows.map((w) => ({ eventId, ...w }))).returning({ id: exposureWindows.id });
    return rows.length;
  }

  /** One window per visit of a person since a moment: the case's own stays, closed or not. */
  async addWindowsFromVisits(tx: Db, eventId: number, contactId: number, dependentId: number | null, since: Date): Promise<number> {
    const stay = staySql(this.opts.stayMinutes, this.opts.fallbackStayMinutes);
    const result = await tx.execute(sql`
      insert into exposure_windows (event_id, venue_id, starts_at, ends_at)
      select ${eventId}, v.venue_id, v.checked_in_at,
        least(coalesce(v.checked_out_at, v.checked_in_at + make_interval(mins => ${stay})), v.checked_in_at + make_interval(mins => ${MAX_VISIT_MINUTES}))
      from visits v join venues ve on ve.id = v.venue_id
      where v.contact_id = ${contactId} and v.dependent_id is not distinct from ${dependentId}::bigint and v.checked_in_at >= ${since.toISOString()}::timestamptz
      returning id`);
    return rowsOf(result).length;
  }

  async event(id: number): Promise<EventRow | undefined> {
    const [row] = await this.db.select().from(exposureEvents).where(eq(exposureEvents.id, id));
    return row;
  }

  /** An event's windows with their venue (name, type, commune, owner). */
  async windows(eventId: number, db: Db = this.db): Promise<Array<{ id: number; venueId: number; venueName: string; typeId: string; communeId: string; ownerContactId: number | null; startsAt: Date; endsAt: Date; ownerNotified: boolean }>> {
    const result = await db.execute(sql`
      select w.id, w.venue_id, ve.name, ve.type_id, ve.commune_id, ve.owner_contact_id, w.starts_at, w.ends_at, w.owner_notified
      from exposure_windows w join venues ve on ve.id = w.venue_id where w.event_id = ${eventId} order by w.starts_at, w.id`);
    return rowsOf(result).map((r) => ({
      id: Number(r.id), venueId: Number(r.venue_id), venueName: String(r.name), typeId: String(r.type_id), communeId: String(r.commune_id),
      ownerContactId: r.owner_contact_id === null ? null : Number(r.owner_contact_id), startsAt: toDate(r.starts_at), endsAt: toDate(r.ends_at), ownerNotified: Boolean(r.owner_notified),
    }));
  }

  async markOwnersNotified(tx: Db, windowIds: readonly number[]): Promise<void> {
    if (windowIds.length) await tx.execute(sql`update exposure_windows set owner_notified = true where id in ${sql`(${sql.join(windowIds.map((id) => sql`${id}`), sql`, `)})`}`);
  }

  /**
   * The match, as one query: every person (contact, or family member checked in by them) with a
   * visit at a window's venue (any of its codes) overlapping the window extended by the tail (none
   * for vehicles: the same trip). A visit without check-out lasts its venue type's usual stay.
   * Intervals are half-open: a visit that ends exactly when the window starts (or starts exactly
   * when the tail ends) shares no moment with it. The case's own visits never match. Reads the
   * (venue_id, checked_in_at, checked_out_at, contact_id, dependent_id) index only.
   */
  matchSql(eventId: number, onlyNew: boolean): SQL {
    const stay = staySql(this.opts.stayMinutes, this.opts.fallbackStayMinutes);
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
        and least(coalesce(v.checked_out_at, v.checked_in_at + make_interval(mins => ${stay})), v.checked_in_at + make_interval(mins => ${MAX_VISIT_MINUTES})) > w.starts_at
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

  async alertedCount(eventId: number): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(exposureAlerts).where(eq(exposureAlerts.eventId, eventId));
    return row?.n ?? 0;
  }

  /**
   * Inserts alerts in batches (one statement of a JSON array per 5,000: thousands of bound
   * parameters are far slower); a person already alerted for the event is skipped. Returns the new
   * rows' ids by person key.
   */
  async insertAlerts(tx: Db, alerts: readonly NewAlert[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < alerts.length; i += 5000) {
      const chunk = JSON.stringify(alerts.slice(i, i + 5000).map((a) => ({ ...a, personKey: personKey(a.contactId, a.dependentId) })));
      const result = await tx.execute(sql`
        insert into exposure_alerts (event_id, contact_id, dependent_id, person_key, window_id, status, reason, channel, template_version)
        select x."eventId", x."contactId", x."dependentId", x."personKey", x."windowId", x.status, x.reason, x.channel, x."templateVersion"
        from jsonb_to_recordset(${chunk}::jsonb) as x("eventId" bigint, "contactId" bigint, "dependentId" bigint, "personKey" text, "windowId" bigint, status text, reason text, channel text, "templateVersion" int)
        on conflict (event_id, person_key) do nothing
        returning id, person_key`);
      for (const r of rowsOf(result)) ids.set(String(r.person_key), Number(r.id));
    }
    return ids;
  }

  /**
   * Remembers the alert's choices as the chat's last offered ones where the platform has no
   * buttons, so "1" / "2" typed back map to them (unless the person is in the middle of a flow).
   */
  async offerChoices(tx: Db, offers: readonly { chatContactId: number; choices: readonly { label: string; data: string }[] }[]): Promise<void> {
    for (let i = 0; i < offers.length; i += 2000) {
      const chunk = JSON.stringify(offers.slice(i, i + 2000).map((o) => ({ id: o.chatContactId, choices: o.choices })));
      await tx.execute(sql`
        insert into conversation_states (contact_id, state, updated_at)
        select x.id, jsonb_build_object('choices', x.choices), now() from jsonb_to_recordset(${chunk}::jsonb) as x(id bigint, choices jsonb)
        on conflict (contact_id) do update set state = conversation_states.state || jsonb_build_object('choices', excluded.state->'choices'), updated_at = now()
        where not (conversation_states.state ? 'flow')`);
    }
  }

  /** Marks the event approved by an admin for up to `people` alerts. */
  async approve(tx: Db, eventId: number, by: number | null, people: number): Promise<void> {
    await tx.update(exposureEvents).set({ approvedBy: by ?? 0, approvedFor: people }).where(eq(exposureEvents.id, eventId));
  }

  async close(tx: Db, eventId: number, at: Date): Promise<boolean> {
    const rows = await tx.update(exposureEvents).set({ status: 'closed', closedAt: at }).where(and(eq(exposureEvents.id, eventId), eq(exposureEvents.status, 'open'))).returning({ id: exposureEvents.id });
    return rows.length === 1;
  }

  async listEvents(communeIds: readonly string[] | 'all', limit = 20): Promise<EventRow[]> {
    const q = this.db.select().from(exposureEvents);
    const filtered = communeIds === 'all' ? q : q.where(sql`${exposureEvents.communeId} in (${sql.join(communeIds.length ? communeIds.map((c) => sql`${c}`) : [sql`''`], sql`, `)})`);
    return filtered.orderBy(desc(exposureEvents.createdAt)).limit(limit);
  }

  /** Sent / delivered / acknowledged / symptoms / unreachable for an event. */
  async followUp(eventId: number): Promise<{ people: number; sent: number; delivered: number; acknowledged: number; symptoms: number; unreachable: number }> {
    const result = await this.db.execute(sql`
      select count(*)::int as people,
        count(*) filter (where a.status = 'queued')::int as sent,
        count(*) filter (where o.status = 'sent')::int as delivered,
        count(a.acknowledged_at)::int as acknowledged,
        count(a.symptoms_at)::int as symptoms,
        count(*) filter (where a.status = 'unreachable')::int as unreachable
      from exposure_alerts a left join outbound_messages o on o.dedupe_kind = 'tracing.alert' and o.dedupe_key = a.id::text and o.part_no = 0 where a.event_id = ${eventId}`);
    const r = rowsOf(result)[0] ?? {};
    return { people: Number(r.people ?? 0), sent: Number(r.sent ?? 0), delivered: Number(r.delivered ?? 0), acknowledged: Number(r.acknowledged ?? 0), symptoms: Number(r.symptoms ?? 0), unreachable: Number(r.unreachable ?? 0) };
  }

  /** Rows of the contact list for the commune health station. */
  async contactList(eventId: number): Promise<Record<string, unknown>[]> {
    return rowsOf(await this.db.execute(sql`
      select a.id, a.status, a.reason, a.channel, a.acknowledged_at, a.symptoms_at, a.created_at,
        c.display_name as contact_name, d.name as dependent_name, d.birth_year, ve.name as venue_name, w.starts_at, w.ends_at,
        (select r.phone from vaccination_registrations r where r.contact_id = a.contact_id and r.relation = 'self' and r.phone is not null order by r.id desc limit 1) as phone,
        (select r.id_number from vaccination_registrations r where r.contact_id = a.contact_id and r.id_number is not null
           and (case when a.dependent_id is null then r.relation = 'self' else lower(r.full_name) = lower(d.name) end) order by r.id desc limit 1) as id_number
      from exposure_alerts a join contacts c on c.id = a.contact_id left join dependents d on d.id = a.dependent_id
        left join exposure_windows w on w.id = a.window_id left join venues ve on ve.id = w.venue_id
      where a.event_id = ${eventId} order by a.id`));
  }

  /** An alert of a person (any of their chats' primary contact), for the resident's buttons. */
  async alertOf(alertId: number, contactId: number): Promise<{ id: number; eventId: number; dependentId: number | null; communeId: string; status: string; acknowledgedAt: Date | null; symptomsAt: Date | null } | undefined> {
    const [row] = await this.db
      .select({ id: exposureAlerts.id, eventId: exposureAlerts.eventId, dependentId: exposureAlerts.dependentId, communeId: exposureEvents.communeId, status: exposureEvents.status, acknowledgedAt: exposureAlerts.acknowledgedAt, symptomsAt: exposureAlerts.symptomsAt })
      .from(exposureAlerts)
      .innerJoin(exposureEvents, eq(exposureEvents.id, exposureAlerts.eventId))
      .where(and(eq(exposureAlerts.id, alertId), eq(exposureAlerts.contactId, contactId)));
    return row;
  }

  async markAlert(alertId: number, what: 'acknowledged' | 'symptoms', at: Date): Promise<boolean> {
    const column = what === 'acknowledged' ? exposureAlerts.acknowledgedAt : exposureAlerts.symptomsAt;
    const set = what === 'acknowledged' ? { acknowledgedAt: at } : { symptomsAt: at, acknowledgedAt: sql`coalesce(${exposureAlerts.acknowledgedAt}, ${at.toISOString()}::timestamptz)` };
    const rows = await this.db.update(exposureAlerts).set(set).where(and(eq(exposureAlerts.id, alertId), isNull(column))).returning({ id: exposureAlerts.id });
    return rows.length === 1;
  }

  async addShareCode(codeHash: string, contactId: number, dependentId: number | null, expiresAt: Date): Promise<void> {
    await this.db.insert(tracingShareCodes).values({ codeHash, contactId, dependentId, expiresAt });
  }

  /** Spends a share code in the caller's transaction: the person it shares, or why not. */
  async spendShareCode(tx: Db, codeHash: string, now: Date): Promise<{ contactId: number; dependentId: number | null } | 'unknown' | 'expired' | 'used'> {
    const [row] = await tx.select().from(tracingShareCodes).where(eq(tracingShareCodes.codeHash, codeHash)).for('update');
    if (!row) return 'unknown';
    if (row.usedAt) return 'used';
    if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
    await tx.update(tracingShareCodes).set({ usedAt: now }).where(eq(tracingShareCodes.codeHash, codeHash));
    return { contactId: row.contactId, dependentId: row.dependentId };
  }

  async linkShareCode(tx: Db, codeHash: string, eventId: number): Promise<void> {
    await tx.update(tracingShareCodes).set({ eventId }).where(eq(tracingShareCodes.codeHash, codeHash));
  }

  async currentTemplate(): Promise<{ version: number; body: string } | undefined> {
    const [row] = await this.db.select({ version: alertTemplates.version, body: alertTemplates.body }).from(alertTemplates).orderBy(desc(alertTemplates.version)).limit(1);
    return row;
  }

  async addTemplate(body: string, by: number | null): Promise<number> {
    const [row] = await this.db.insert(alertTemplates).values({ body, createdBy: by }).returning({ version: alertTemplates.version });
    return row!.version;
  }

  async templates(limit = 20): Promise<{ version: number; body: string; createdBy: number | null; createdAt: Date }[]> {
    return this.db.select().from(alertTemplates).orderBy(desc(alertTemplates.version)).limit(limit);
  }

  /** Retention: events closed (or, never closed, opened) before the cutoff go with their windows and alerts; spent or stale share codes too. */
  async purgeBefore(cutoff: Date, now: Date): Promise<number> {
    const rows = await this.db
      .delete(exposureEvents)
      .where(or(lt(exposureEvents.closedAt, cutoff), and(isNull(exposureEvents.closedAt), lt(exposureEvents.createdAt, cutoff))))
      .returning({ id: exposureEvents.id });
    await this.db.delete(tracingShareCodes).where(lt(tracingShareCodes.expiresAt, now));
    return rows.length;
  }
}

export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
