import { TextNumber, toCsv } from '../domain/csv.js';
import type { Caller } from './ports.js';
import { TracingInputError } from './ports.js';
import { inTransaction, type TracingDeps } from './deps.js';
import { loadEvent } from './open-place-event.js';
import { followUpTexts } from './texts.js';

export interface FollowUp {
  readonly eventId: number;
  readonly status: string;
  readonly people: number;
  readonly sent: number;
  readonly delivered: number;
  readonly acknowledged: number;
  readonly symptoms: number;
  readonly unreachable: number;
}

/** Per event: sent, delivered (the platform accepted it), acknowledged ("Đã nhận"), reported symptoms. */
export async function followUp(deps: TracingDeps, caller: Caller, eventId: number): Promise<FollowUp> {
  const event = await loadEvent(deps, caller, eventId);
  const figures = await deps.repo.alerts.followUp(eventId);
  await inTransaction(deps.db, (tx) => deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.followup', communeId: event.communeId, subject: `event:${eventId}` }));
  return { eventId, status: event.status, ...figures };
}

/** The events an official may see, newest first. */
export async function listEvents(deps: TracingDeps, caller: Caller): Promise<{ id: number; kind: string; communeId: string; status: string; createdAt: string }[]> {
  const rows = await deps.repo.events.listEvents(caller.official ? caller.official.communeIds : 'all');
  await inTransaction(deps.db, (tx) => deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.list', communeId: null, detail: { events: rows.length } }));
  return rows.map((e) => ({ id: e.id, kind: e.kind, communeId: e.communeId, status: e.status, createdAt: e.createdAt.toISOString() }));
}

const HEADER = [followUpTexts.maCanhBao, followUpTexts.hoTen, followUpTexts.laNguoiThanCua, followUpTexts.namSinh, followUpTexts.soDienThoai, followUpTexts.soCccdCmnd, followUpTexts.diaDiem, followUpTexts.khungGioTu, followUpTexts.khungGioDen, followUpTexts.kenh, followUpTexts.trangThai, followUpTexts.daNhanLuc, followUpTexts.baoTrieuChungLuc];

/**
 * The contact list for the commune health station: CSV with a BOM, formula-safe, phone and ID as
 * text. Phone and ID come from the person's own pre-registration, when they made one.
 */
export async function exportContacts(deps: TracingDeps, caller: Caller, eventId: number): Promise<{ filename: string; csv: string; rows: number }> {
  const event = await loadEvent(deps, caller, eventId);
  const rows = await deps.repo.alerts.contactList(eventId);
  const body = rows.map((r) => {
    const dependent = r.dependent_name !== null && r.dependent_name !== undefined;
    const at = (v: unknown) => (v ? new Date(String(v instanceof Date ? v.toISOString() : v)) : null);
    return [
      r.id,
      dependent ? r.dependent_name : r.contact_name ?? '',
      dependent ? r.contact_name ?? followUpTexts.nguoiKhaiBao : '',
      r.birth_year ?? '',
      new TextNumber(r.phone),
      new TextNumber(r.id_number),
      r.venue_name ?? '',
      at(r.starts_at),
      at(r.ends_at),
      r.channel ?? '',
      r.status === 'queued' ? followUpTexts.daGui : followUpTexts.khongGuiDuoc(String(r.reason ?? '')),
      at(r.acknowledged_at),
      at(r.symptoms_at),
    ];
  });
  if (!Number.isSafeInteger(eventId)) throw new TracingInputError('event_not_found', 'bad event id', 404);
  const csv = toCsv(HEADER, body);
  await inTransaction(deps.db, (tx) => deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.export', communeId: event.communeId, subject: `event:${eventId}`, detail: { rows: rows.length } }));
  return { filename: `truy-vet-${eventId}.csv`, csv, rows: rows.length };
}

/** Closing ends follow-up: the resident's buttons stop counting, nothing more is sent. */
export async function closeEvent(deps: TracingDeps, caller: Caller, eventId: number): Promise<{ eventId: number; closed: boolean }> {
  const event = await loadEvent(deps, caller, eventId);
  const closed = await inTransaction(deps.db, async (tx) => {
    const done = await deps.repo.events.close(tx, eventId, deps.now());
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.close', communeId: event.communeId, subject: `event:${eventId}` });
    return done;
  });
  return { eventId, closed };
}
