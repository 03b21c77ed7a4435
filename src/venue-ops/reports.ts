import type { CommuneFigures, VenueRepo } from '../db/repos/venue-repo.js';
import { toCsv } from '../domain/csv.js';
import type { VenueDomain } from './ports.js';
import { reportTexts } from './texts.js';

export interface CommuneReportRow extends CommuneFigures {
  readonly communeName: string;
  readonly district: string;
}

/**
 * Adoption per commune: venues registered, codes issued, venues with a check-in in the last 7 days.
 * Every configured commune appears, with zeros where nothing is registered yet (that is the point
 * of the report: which communes lag behind).
 */
export async function communeReport(domain: VenueDomain, repo: Pick<VenueRepo, 'figures'>, communeIds: readonly string[] | 'all', now: Date): Promise<CommuneReportRow[]> {
  const wanted = communeIds === 'all' ? domain.communes : domain.communes.filter((c) => communeIds.includes(c.id));
  // A commune merged into another still has its venues: they count for the one it became.
  const families = new Map(wanted.map((c) => [c.id, domain.communeFamily(c.id)]));
  const figures = await repo.figures(communeIds === 'all' ? 'all' : [...families.values()].flat(), new Date(now.getTime() - 7 * 24 * 3600_000));
  const byId = new Map(figures.map((f) => [f.communeId, f]));
  const sum = (id: string, key: 'venues' | 'activeVenues' | 'codes' | 'venuesWithRecentCheckIn') => families.get(id)!.reduce((n, member) => n + (byId.get(member)?.[key] ?? 0), 0);
  return wanted.map((c) => ({
    communeId: c.id,
    communeName: c.name,
    district: c.district,
    venues: sum(c.id, 'venues'),
    activeVenues: sum(c.id, 'activeVenues'),
    codes: sum(c.id, 'codes'),
    venuesWithRecentCheckIn: sum(c.id, 'venuesWithRecentCheckIn'),
  }));
}

export function communeReportCsv(rows: readonly CommuneReportRow[]): string {
  return toCsv(
    [reportTexts.ma, reportTexts.xaPhuong, reportTexts.trucThuoc, reportTexts.diaDiemDaDangKy, reportTexts.dangHoatDong, reportTexts.maQrDaCap, reportTexts.diaDiemCoKhaiBao],
    rows.map((r) => [r.communeId, r.communeName, r.district, r.venues, r.activeVenues, r.codes, r.venuesWithRecentCheckIn]),
  );
}

export function communeReportText(rows: readonly CommuneReportRow[]): string {
  const lines = rows.map((r) => reportTexts.diaDiemHoatDongMa(r.communeName, r.venues, r.activeVenues, r.codes, r.venuesWithRecentCheckIn));
  const sum = (k: 'venues' | 'activeVenues' | 'codes' | 'venuesWithRecentCheckIn') => rows.reduce((n, r) => n + r[k], 0);
  const total = rows.length > 1 ? reportTexts.ntongXaPhuongDiaDiem(rows.length, sum('venues'), sum('activeVenues'), sum('codes'), sum('venuesWithRecentCheckIn')) : '';
  return reportTexts.tinhHinhTrienKhaiMa(lines.join('\n'), total);
}
