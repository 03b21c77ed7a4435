import { toCsv } from '../../domain/csv.js';
import type { RegistrationRow } from '../../db/repos/registration-repo.js';
import { PRIORITY_GROUPS, showDate } from '../../registration/fields.js';
import { xlsx, type SheetColumn } from '../xlsx.js';
import { dashboardTexts as dt } from '../texts.js';
import type { Overview, OverviewRow } from './overview.js';

const h = dt.exports.overview;
const p = dt.exports.portal;

const OVERVIEW_COLUMNS: readonly SheetColumn[] = [
  { header: h.code, text: true, width: 22 },
  { header: h.commune, width: 24 },
  { header: h.venues },
  { header: h.activeVenues },
  { header: h.activeShare },
  { header: h.codes },
  { header: h.checkIns30d },
  { header: h.residents },
  { header: h.registrations },
  { header: h.scheduled },
  { header: h.questionsWaiting },
];

const overviewRow = (r: OverviewRow): (string | number)[] => [
  r.communeId, r.communeName, r.venues, r.activeVenues, r.venues ? Math.round((r.activeVenues / r.venues) * 1000) / 10 : 0, r.codes, r.checkIns30d, r.residents, r.registrations, r.scheduled, r.questionsWaiting,
];

/** The overview table (communes furthest behind first, then the total) as CSV for Excel. */
export function overviewCsv(o: Overview): string {
  return toCsv(OVERVIEW_COLUMNS.map((c) => c.header), [...o.rows, o.total].map(overviewRow));
}

export function overviewXlsx(o: Overview): Promise<Buffer> {
  return xlsx(dt.overview.sheet, OVERVIEW_COLUMNS, [...o.rows, o.total].map(overviewRow));
}

/**
 * Pre-registrations shaped like the national vaccination portal's import template
 * ("Mẫu import đối tượng", tiemchungcovid19.gov.vn) as far as it is publicly known. Assumptions,
 * stated in the README: one row per person, columns in this order, dates dd/mm/yyyy, gender as
 * text, the priority group as its number 1-15, and the commune by name (our commune ids are not
 * the GSO codes the portal wants; an official fills or maps them on import).
 */
export const PORTAL_COLUMNS: readonly SheetColumn[] = [
  { header: 'STT' },
  { header: p.fullName, width: 26 },
  { header: p.birthDate, text: true, width: 12 },
  { header: p.gender },
  { header: p.priority },
  { header: p.occupation, width: 18 },
  { header: p.phone, text: true, width: 14 },
  { header: p.idNumber, text: true, width: 18 },
  { header: p.insurance, text: true, width: 18 },
  { header: p.commune, width: 20 },
  { header: p.address, width: 30 },
  { header: p.preferredDate, text: true, width: 12 },
  { header: p.quetmaId, text: true },
];

export function portalXlsx(rows: readonly RegistrationRow[], communeName: (id: string) => string): Promise<Buffer> {
  return xlsx(
    'Doi tuong tiem',
    PORTAL_COLUMNS,
    rows.map((r, i) => [
      i + 1,
      r.fullName ?? '',
      r.birthDate ? showDate(r.birthDate) : '',
      r.gender ?? '',
      r.priorityGroup ?? '',
      r.occupation ?? (r.priorityGroup !== null ? PRIORITY_GROUPS[r.priorityGroup] ?? '' : ''),
      r.phone ?? '',
      r.idNumber ?? '',
      r.insuranceNumber ?? '',
      communeName(r.communeId),
      r.address ?? '',
      r.preferredDate ? showDate(r.preferredDate) : '',
      String(r.id),
    ]),
  );
}
