import { toCsv } from '../domain/csv.js';
import type { RegistrationRow } from '../db/repos/registration-repo.js';
import { ANSWERS, PRIORITY_GROUPS, SCREENING, showDate } from './fields.js';
import { showVnDateTime } from './reminder-plan.js';
import { scheduleReminders, type ReminderPorts } from './reminders.js';
import { appointmentTexts } from './texts.js';

export interface AppointmentStore {
  appoint(ids: readonly number[], at: Date, place: string): Promise<RegistrationRow[]>;
  forCommunes(communeIds: readonly string[]): Promise<RegistrationRow[]>;
}

/** Officials set (or move) an appointment for a list of registrations; reminders follow it. */
export async function setAppointments(store: AppointmentStore, ports: ReminderPorts, ids: readonly number[], at: Date, place: string): Promise<{ updated: number[]; reminders: number }> {
  const rows = await store.appoint(ids, at, place);
  let reminders = 0;
  for (const r of rows) reminders += await scheduleReminders(ports, r);
  return { updated: rows.map((r) => r.id), reminders };
}

/**
 * Registrations of some communes as CSV for officials (UTF-8 with BOM, formula-looking cells
 * escaped by `toCsv`). It holds personal data by nature: it is only served behind the officials'
 * API key or written by the CLI, never logged.
 */
export async function exportRegistrations(store: AppointmentStore, communeIds: readonly string[], communeName: (id: string) => string): Promise<string> {
  const rows = await store.forCommunes(communeIds);
  const screening = (r: RegistrationRow) => SCREENING.map((q) => `${q.short}: ${ANSWERS[(r.screening?.[q.id] ?? 'unsure') as keyof typeof ANSWERS]}`).join('; ');
  return toCsv(
    [appointmentTexts.so, appointmentTexts.hoTen, appointmentTexts.ngaySinh, appointmentTexts.gioiTinh, appointmentTexts.dienThoai, appointmentTexts.loaiGiayTo, appointmentTexts.soGiayTo, appointmentTexts.theBhyt, appointmentTexts.ngheNghiep, appointmentTexts.nhomUuTien, appointmentTexts.xaPhuong, appointmentTexts.diaChi, appointmentTexts.ngayMongMuon, appointmentTexts.sangLoc, appointmentTexts.trangThai, appointmentTexts.lichTiem, appointmentTexts.diaDiemTiem, appointmentTexts.nguoiDangKyQuanHe],
    rows.map((r) => [
      r.id, r.fullName ?? '', r.birthDate ? showDate(r.birthDate) : '', r.gender ?? '', r.phone ?? '', r.idKind?.toUpperCase() ?? '', r.idNumber ?? '', r.insuranceNumber ?? '', r.occupation ?? '',
      r.priorityGroup !== null ? `${r.priorityGroup}. ${PRIORITY_GROUPS[r.priorityGroup] ?? ''}` : '', communeName(r.communeId), r.address ?? '', r.preferredDate ? showDate(r.preferredDate) : '', screening(r),
      r.status === 'cancelled' ? appointmentTexts.daHuy : r.status === 'scheduled' ? appointmentTexts.daXepLich : appointmentTexts.choXepLich, r.appointmentAt ? showVnDateTime(r.appointmentAt) : '', r.appointmentPlace ?? '', r.relation === 'self' ? appointmentTexts.banThan : r.relation,
    ]),
  );
}
