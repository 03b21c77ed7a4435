import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../client.js';
import { exposureAlerts, exposureEvents } from '../../schema/tracing.js';
import { personKey, rowsOf } from './sql.js';

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

/** Alert rows: one per person per event, their follow-up (acknowledged, symptoms) and the contact list. */
export class TracingAlertsRepo {
  constructor(private readonly db: Db) {}

  async alertedCount(eventId: number): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(exposureAlerts).where(eq(exposureAlerts.eventId, eventId));
    return row?.n ?? 0;
  }

  /**
   * Inserts alerts in batches (one statement of a JSON array per 10,000: thousands of bound
   * parameters are far slower); a person already alerted for the event is skipped. Returns the new
   * rows' ids by person key.
   */
  async insertAlerts(tx: Db, alerts: readonly NewAlert[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < alerts.length; i += 10_000) {
      const chunk = JSON.stringify(alerts.slice(i, i + 10_000).map((a) => ({ ...a, personKey: personKey(a.contactId, a.dependentId) })));
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

  /**
   * The alerts a person (primary contact) was sent since a moment, of events still open, newest
   * first, with the family member's name: what a typed "đã nhận" or "tôi có triệu chứng" answers.
   */
  async openAlertsOf(contactId: number, since: Date): Promise<{ id: number; eventId: number; dependentId: number | null; dependentName: string | null; acknowledgedAt: Date | null; symptomsAt: Date | null }[]> {
    const rows = rowsOf(await this.db.execute(sql`
      select a.id, a.event_id, a.dependent_id, d.name as dependent_name, a.acknowledged_at, a.symptoms_at
      from exposure_alerts a join exposure_events e on e.id = a.event_id left join dependents d on d.id = a.dependent_id
      where a.contact_id = ${contactId} and a.status = 'queued' and e.status = 'open' and a.created_at >= ${since.toISOString()}::timestamptz
      order by a.id desc limit 20`));
    const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v instanceof Date ? v.getTime() : String(v)));
    return rows.map((r) => ({ id: Number(r.id), eventId: Number(r.event_id), dependentId: r.dependent_id === null ? null : Number(r.dependent_id), dependentName: r.dependent_name === null ? null : String(r.dependent_name), acknowledgedAt: at(r.acknowledged_at), symptomsAt: at(r.symptoms_at) }));
  }
}
